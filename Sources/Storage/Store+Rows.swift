import Foundation
import FeedModel
import GRDB

/// Conversions between rows and FeedModel values; JSON columns are encoded here and only here.
extension Store {
    static func feedState(from row: Row) -> FeedState {
        let kind: String? = row["last_failure_kind"]
        return FeedState(
            feedName: row["name"], url: row["url"], title: row["title"],
            etag: row["etag"], lastModified: row["last_modified"],
            lastChecked: row["last_checked"], lastSuccess: row["last_success"],
            lastFailure: row["last_failure"],
            // A kind written by a newer feedwatch still reads as a failure.
            lastFailureKind: kind.map { FetchFailureKind(rawValue: $0) ?? .other },
            lastFailureMessage: row["last_failure_message"],
            consecutiveFailures: row["consecutive_failures"],
            schedule: feedSchedule(from: row))
    }

    static func feedSchedule(from row: Row) -> FeedSchedule {
        FeedSchedule(
            nextCheck: row["next_check"], lastIntervalSeconds: row["last_interval_seconds"],
            lastUnconditional: row["last_unconditional"], lastHTTPStatus: row["last_http_status"],
            permanentRedirectTarget: row["permanent_redirect_target"],
            permanentRedirectSince: row["permanent_redirect_since"],
            movedTo: row["moved_to"], goneAt: row["gone_at"],
            retryAfterUntil: row["retry_after_until"], servedURL: row["served_url"])
    }

    /// Hits as stored, read by `HitsJSON` (fast), else by `JSONDecoder`.
    static func decodeHits(_ text: String, column: String) throws -> [Hit] {
        try HitsJSON.decode(text) ?? decodeJSON([Hit].self, from: text, column: column)
    }

    static func encodeJSON<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        // Stable bytes: the same item always stores the same text.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, from text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(message: "bad JSON in \(column): \(error)")
        }
    }
}
