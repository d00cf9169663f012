import Foundation
import FeedModel

extension ConfigParser {
    static let settingKeys = [
        "database", "digests", "lock", "timezone", "user_agent",
        "concurrency", "connect_timeout", "timeout", "max_body", "max_suffix",
        "min_interval", "max_interval", "per_host", "host_gap", "unconditional_every",
        "redirect_after", "backoff_max", "digest_formats",
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
        settingValueColumns[entry.key] = entry.value.column
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
        func seconds(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
            try durationSeconds(value, for: entry.key, in: range, fail: fail)
        }
        let minute = 60, hour = 3_600, day = 86_400

        switch entry.key {
        case "database": settings.databasePath = PathResolver.absolute(value, base: baseDirectory)
        case "digests": settings.digestDirectory = PathResolver.absolute(value, base: baseDirectory)
        case "lock": settings.lockPath = PathResolver.absolute(value, base: baseDirectory)
        case "timezone": settings.timeZone = try timeZone(named: value, fail: fail)
        case "user_agent":
            guard !value.isEmpty else { throw fail("user_agent is empty") }
            settings.userAgent = value
        case "concurrency": settings.concurrency = try integer(in: 1...256)
        case "connect_timeout": settings.connectTimeoutSeconds = try seconds(in: 1...hour)
        case "timeout": settings.totalTimeoutSeconds = try seconds(in: 1...day)
        case "max_body":
            guard let bytes = ByteSize.parse(value), bytes > 0 else {
                throw fail("invalid size \"\(value)\" for max_body (expected a number with an optional "
                           + "KB, KiB, MB or MiB suffix, e.g. 15MiB)")
            }
            settings.maxBodyBytes = bytes
        case "max_suffix": settings.maxSuffixLength = try integer(in: 0...64)
        case "min_interval": settings.minIntervalSeconds = try seconds(in: minute...(30 * day))
        case "max_interval": settings.maxIntervalSeconds = try seconds(in: minute...(30 * day))
        case "per_host": settings.perHostConcurrency = try integer(in: 1...64)
        case "host_gap":
            settings.hostGapMilliseconds = try durationMilliseconds(value, for: entry.key, in: 0...(10 * minute * 1_000),
                                                                    allowingMilliseconds: true, fail: fail)
        case "unconditional_every": settings.unconditionalEverySeconds = try seconds(in: minute...(30 * day))
        case "redirect_after": settings.redirectAfterSeconds = try seconds(in: 0...(365 * day))
        case "backoff_max": settings.backoffMaxSeconds = try seconds(in: minute...(30 * day))
        case "digest_formats": settings.digestFormats = try digestFormats(entry.value, line: line.number)
        default: break
        }
    }

    /// `markdown, html, json, atom`: each name once, in any order (files are written in
    /// `DigestFormat.allCases` order whatever the order here).
    func digestFormats(_ text: LineText, line: Int) throws(ConfigError) -> [DigestFormat] {
        var formats: [DigestFormat] = []
        // A quoted value ("markdown, html") was checked by `readSetting`: its inside is the list.
        let list = text.first == "\"" ? text.dropFirst().dropLast() : text
        for piece in QuotedValue.splitList(list) {
            let name = piece.string
            guard !name.isEmpty else {
                throw error(line, piece.column, "empty digest format name (expected a list such as markdown, html)")
            }
            let known = DigestFormat.allCases.map(\.rawValue)
            guard let format = DigestFormat(rawValue: name.lowercased()) else {
                var message = "unknown digest format \"\(name)\" (known: \(known.joined(separator: ", ")))"
                if let suggestion = Suggestion.closest(to: name, among: known) {
                    message = "unknown digest format \"\(name)\" (did you mean \(suggestion)?)"
                }
                throw error(line, piece.column, message)
            }
            guard !formats.contains(format) else {
                throw error(line, piece.column, "digest format \(format.rawValue) is listed twice")
            }
            formats.append(format)
        }
        return DigestFormat.allCases.filter(formats.contains)
    }

    /// Checks what involves several settings, once [settings] has been read.
    func checkSettings() throws(ConfigError) {
        let minimum = settings.minIntervalSeconds, maximum = settings.maxIntervalSeconds
        guard minimum > maximum else { return }
        let minText = DurationText.describe(seconds: minimum), maxText = DurationText.describe(seconds: maximum)
        if let line = settingLines["max_interval"], let column = settingValueColumns["max_interval"] {
            let minOrigin = settingLines["min_interval"].map { "line \($0)" } ?? "the default"
            throw error(line, column, "max_interval (\(maxText)) must be at least min_interval (\(minText), \(minOrigin))")
        }
        if let line = settingLines["min_interval"], let column = settingValueColumns["min_interval"] {
            throw error(line, column, "min_interval (\(minText)) must be at most max_interval (\(maxText), the default)")
        }
    }

    /// A DURATION in whole seconds (`90s`, `15m`, `2h`, `1d`, or a bare number of seconds).
    func durationSeconds(_ value: String, for key: String, in range: ClosedRange<Int>,
                         fail: (String) -> ConfigError) throws(ConfigError) -> Int {
        let bounds = (range.lowerBound * 1_000)...(range.upperBound * 1_000)
        return try durationMilliseconds(value, for: key, in: bounds, allowingMilliseconds: false, fail: fail) / 1_000
    }

    /// A DURATION in milliseconds; `ms` is accepted only when `allowingMilliseconds`.
    func durationMilliseconds(_ value: String, for key: String, in range: ClosedRange<Int>, allowingMilliseconds: Bool,
                              fail: (String) -> ConfigError) throws(ConfigError) -> Int {
        guard let milliseconds = DurationText.milliseconds(value, allowingMilliseconds: allowingMilliseconds) else {
            throw fail("invalid duration \"\(value)\" for \(key) (\(DurationText.expected(allowingMilliseconds: allowingMilliseconds)))")
        }
        guard range.contains(milliseconds) else {
            throw fail("\(key) must be between \(DurationText.describe(milliseconds: range.lowerBound)) and "
                       + "\(DurationText.describe(milliseconds: range.upperBound)), found \(value)")
        }
        return milliseconds
    }

    func timeZone(named name: String, fail: (String) -> ConfigError) throws(ConfigError) -> TimeZone {
        if let zone = TimeZone(identifier: name) { return zone }
        var message = "unknown time zone \"\(name)\" (expected an IANA name such as Asia/Baku or UTC)"
        if let suggestion = Suggestion.closest(to: name, among: TimeZone.knownTimeZoneIdentifiers) {
            message = "unknown time zone \"\(name)\" (did you mean \(suggestion)?)"
        }
        throw fail(message)
    }
}
