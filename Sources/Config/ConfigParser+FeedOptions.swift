import Foundation
import FeedModel

extension ConfigParser {
    /// Options that may be given several times on one feed line; they add up in order.
    static let repeatableFeedOptions: Set<String> = ["header", "fallback"]

    /// Every option feedwatch reads; other keys are kept in `FeedSource.options` only.
    static let knownFeedOptions = [
        "name", "country", "lang", "tags", "user-agent", "header", "cookie", "proxy", "netrc", "ca",
        "timeout", "interval", "fallback", "encoding", "tz", "perspective",
    ]

    static let proxySchemes = ["http", "https", "socks4", "socks5", "socks5h"]

    /// Checks one of the options that shape fetching and reading and sets it in
    /// `feed.fetch`. `valueText` is the value as written (perhaps quoted), for
    /// error columns; `value` is unquoted and trimmed.
    mutating func readFetchOption(_ key: String, _ value: String, at valueText: LineText, keyColumn: Int,
                                  line: Int, into feed: inout FeedSource) throws(ConfigError) {
        func fail(_ message: String) -> ConfigError { error(line, valueText.column, message) }
        let minute = 60, day = 86_400

        switch key {
        case "user-agent":
            try requireNoControlCharacters(value, what: "user-agent", fail: fail)
            feed.fetch.userAgent = value
        case "header":
            feed.fetch.headers.append(try header(value, fail: fail))
        case "cookie":
            try requireNoControlCharacters(value, what: "cookie", fail: fail)
            feed.fetch.cookie = value
        case "proxy":
            feed.fetch.proxy = try proxy(value, fail: fail)
        case "netrc":
            feed.fetch.netrcFile = PathResolver.absolute(value, base: baseDirectory)
        case "ca":
            feed.fetch.caFile = PathResolver.absolute(value, base: baseDirectory)
        case "timeout":
            feed.fetch.timeoutSeconds = try durationSeconds(value, for: key, in: 1...day, fail: fail)
        case "interval":
            feed.fetch.intervalSeconds = try durationSeconds(value, for: key, in: minute...(30 * day), fail: fail)
        case "fallback":
            feed.fetch.fallbackURLs.append(try fallback(valueText, of: feed, line: line))
        case "encoding":
            guard EncodingName.isKnown(value) else {
                var message = "unknown encoding \"\(value)\""
                if let suggestion = Suggestion.closest(to: value, among: EncodingName.common) {
                    message += " (did you mean \(suggestion)?)"
                } else {
                    message += " (iconv does not know it; e.g. UTF-8, windows-1251, KOI8-R, ARMSCII-8, GEORGIAN-PS)"
                }
                throw fail(message)
            }
            feed.fetch.encoding = value
        case "tz":
            feed.fetch.timeZone = try timeZone(named: value, fail: fail).identifier
        default:
            // Any other key is kept for later use, but one that looks like a
            // misspelt known option would silently do nothing: refuse it.
            if let meant = Self.misspeltFeedOption(key) {
                throw error(line, keyColumn, "unknown option \(key) (did you mean \(meant)?)")
            }
        }
    }

    /// The known option `key` was probably meant to be: `user_agent` for
    /// `user-agent`, `Name` for `name`, `tag` for `tags` (one edit, keys of 3+ letters).
    static func misspeltFeedOption(_ key: String) -> String? {
        let dashed = key.lowercased().replacingOccurrences(of: "_", with: "-")
        if knownFeedOptions.contains(dashed) { return dashed }
        guard key.count >= 3 else { return nil }
        return Suggestion.closest(to: dashed, among: knownFeedOptions, maxDistance: 1)
    }

    /// `Name: value`, with a name that is one HTTP token.
    private func header(_ value: String, fail: (String) -> ConfigError) throws(ConfigError) -> String {
        try requireNoControlCharacters(value, what: "header", fail: fail)
        guard let colon = value.firstIndex(of: ":") else {
            throw fail("invalid header \"\(value)\" (expected \"Name: value\")")
        }
        let name = value[..<colon]
        let tokenCharacters = "!#$%&'*+-.^_`|~"
        guard !name.isEmpty,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || tokenCharacters.contains($0)) }) else {
            throw fail("invalid header \"\(value)\" (the name before ':' must be one word such as X-Api-Key, "
                       + "with no space before ':')")
        }
        return value
    }

    /// Header values go out as written: a line break (or any control character
    /// but tab) would end the header and let the rest inject others.
    private func requireNoControlCharacters(_ value: String, what: String,
                                            fail: (String) -> ConfigError) throws(ConfigError) {
        let control = value.unicodeScalars.first {
            $0 != "\t" && $0.properties.generalCategory == .control
        }
        if let control {
            throw fail("\(what) contains a line break or another control character "
                       + "(\(String(format: "U+%04X", control.value)))")
        }
    }

    /// `scheme://[user:password@]host[:port]` with a scheme libcurl proxies through.
    private func proxy(_ value: String, fail: (String) -> ConfigError) throws(ConfigError) -> String {
        let expected = "expected a URL such as http://proxy.example:3128 or socks5h://127.0.0.1:9050"
        guard let separator = value.range(of: "://") else {
            throw fail("invalid proxy \"\(value)\" (\(expected))")
        }
        let scheme = value[..<separator.lowerBound].lowercased()
        guard Self.proxySchemes.contains(scheme) else {
            throw fail("invalid proxy \"\(value)\": unsupported scheme \(scheme) "
                       + "(expected \(Self.proxySchemes.dropLast().joined(separator: ", ")) or \(Self.proxySchemes.last ?? ""))")
        }
        guard !value.contains(where: \.isWhitespace), let components = URLComponents(string: value),
              let host = components.host, !host.isEmpty else {
            throw fail("invalid proxy \"\(value)\" (\(expected))")
        }
        return value
    }

    /// An http(s) URL, or a file: URL (stored absolute) when the feed's own URL is file:.
    private func fallback(_ valueText: LineText, of feed: FeedSource, line: Int) throws(ConfigError) -> String {
        let url = try feedURL(valueText, line: line, label: "fallback URL").url
        func fail(_ message: String) -> ConfigError { error(line, valueText.column, message) }
        let feedIsFile = feed.url.lowercased().hasPrefix("file:")
        if url.lowercased().hasPrefix("file:"), !feedIsFile {
            throw fail("fallback \"\(url)\" is a file: URL, which only a feed whose own URL is file: may use")
        }
        if url == feed.url {
            throw fail("fallback \"\(url)\" is the feed's own URL")
        }
        if feed.fetch.fallbackURLs.contains(url) {
            throw fail("fallback \"\(url)\" is given twice")
        }
        return url
    }
}
