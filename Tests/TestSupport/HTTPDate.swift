import Foundation

/// An instant as an HTTP date (RFC 9110 IMF-fixdate), as servers write Retry-After,
/// Expires and pubDate.
public enum HTTPDate {
    public static func string(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
