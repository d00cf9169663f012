import Foundation
import Parsing

/// What a server's headers say about when to ask again, as delays from the response.
///
/// Absolute dates (Expires, Retry-After as a date) are measured against the server's own
/// `Date` header when it sent one, so a skewed local clock does not stretch or shrink them.
struct HTTPCacheHints: Sendable, Equatable {
    /// Cache-Control max-age less the response's Age; else Expires less Date (RFC 9111 4.2.1).
    var freshFor: TimeInterval?
    /// Retry-After, in seconds or as an HTTP date (RFC 9110 10.2.3).
    var retryAfter: TimeInterval?

    init(freshFor: TimeInterval? = nil, retryAfter: TimeInterval? = nil) {
        self.freshFor = freshFor
        self.retryAfter = retryAfter
    }

    /// `headers` with lowercased names, as Fetching hands them over.
    init(headers: [String: String], now: Date) {
        let reference = headers["date"].flatMap(Self.httpDate) ?? now
        if let maxAge = headers["cache-control"].flatMap(Self.maxAge) {
            let age = headers["age"].flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) } ?? 0
            freshFor = max(0, maxAge - max(0, age))
        } else if let expires = headers["expires"].flatMap(Self.httpDate) {
            // An invalid Expires ("0", "-1") means "already expired": no hint.
            freshFor = max(0, expires.timeIntervalSince(reference))
        }
        if let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            if value.allSatisfy(\.isASCIIDigit) {
                retryAfter = TimeInterval(value) ?? nil
            } else if let date = Self.httpDate(value) {
                retryAfter = max(0, date.timeIntervalSince(reference))
            }
        }
    }

    /// The max-age directive of a Cache-Control value, if any ("public, max-age=600").
    static func maxAge(_ cacheControl: String) -> TimeInterval? {
        for directive in cacheControl.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].lowercased() == "max-age" else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard !value.isEmpty, value.allSatisfy(\.isASCIIDigit) else { return nil }
            return TimeInterval(value)
        }
        return nil
    }

    /// An HTTP date (IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"), through the feeds' date parser.
    static func httpDate(_ text: String) -> Date? {
        FeedDateParser.parse(text, defaultTimeZone: TimeZone(identifier: "GMT"))
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
