import Foundation

extension ConfigParser {
    static let settingKeys = [
        "database", "digests", "lock", "timezone", "user_agent",
        "concurrency", "connect_timeout", "timeout", "max_body", "max_suffix",
    ]

    mutating func readSetting(_ line: SourceLine) throws(ConfigError) {
        let entry = try KeyValue.parse(line, fileName: fileName)
        guard Self.settingKeys.contains(entry.key) else {
            let known = Self.settingKeys.joined(separator: ", ")
            throw error(line.number, entry.keyColumn, "unknown setting \"\(entry.key)\" (known: \(known))")
        }
        if let first = settingLines[entry.key] {
            throw error(line.number, entry.keyColumn, "duplicate setting \(entry.key) (first at line \(first))")
        }
        settingLines[entry.key] = line.number
        guard !entry.value.isEmpty else {
            throw error(line.number, entry.keyColumn, "missing value for \(entry.key)")
        }
        let value = try QuotedValue.unquote(entry.value, line: line.number, fileName: fileName)
        func fail(_ message: String) -> ConfigError { error(line.number, entry.value.column, message) }
        func integer(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
            guard let number = Int(value) else {
                throw fail("expected a whole number for \(entry.key), found \"\(value)\"")
            }
            guard range.contains(number) else {
                throw fail("\(entry.key) must be between \(range.lowerBound) and \(range.upperBound), found \(number)")
            }
            return number
        }

        switch entry.key {
        case "database": settings.databasePath = PathResolver.absolute(value, base: baseDirectory)
        case "digests": settings.digestDirectory = PathResolver.absolute(value, base: baseDirectory)
        case "lock": settings.lockPath = PathResolver.absolute(value, base: baseDirectory)
        case "timezone": settings.timeZone = try timeZone(named: value, fail: fail)
        case "user_agent":
            guard !value.isEmpty else { throw fail("user_agent is empty") }
            settings.userAgent = value
        case "concurrency": settings.concurrency = try integer(in: 1...256)
        case "connect_timeout": settings.connectTimeoutSeconds = try integer(in: 1...3_600)
        case "timeout": settings.totalTimeoutSeconds = try integer(in: 1...86_400)
        case "max_body":
            guard let bytes = ByteSize.parse(value), bytes > 0 else {
                throw fail("invalid size \"\(value)\" for max_body (expected a number with an optional "
                           + "KB, KiB, MB or MiB suffix, e.g. 15MiB)")
            }
            settings.maxBodyBytes = bytes
        case "max_suffix": settings.maxSuffixLength = try integer(in: 0...64)
        default: break
        }
    }

    private func timeZone(named name: String, fail: (String) -> ConfigError) throws(ConfigError) -> TimeZone {
        if let zone = TimeZone(identifier: name) { return zone }
        var message = "unknown time zone \"\(name)\" (expected an IANA name such as Asia/Baku or UTC)"
        if let suggestion = Suggestion.closest(to: name, among: TimeZone.knownTimeZoneIdentifiers) {
            message = "unknown time zone \"\(name)\" (did you mean \(suggestion)?)"
        }
        throw fail(message)
    }
}
