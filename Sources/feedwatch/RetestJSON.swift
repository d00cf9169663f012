import Foundation
import FeedModel
import Monitor

/// The JSON shape of `feedwatch retest --json` (README, "feedwatch retest"); scripts rely
/// on it, so its keys and their order do not change. New keys go at the end.
enum RetestJSON {
    static func encode(_ report: RetestReport) -> String {
        JSONValue.object([
            ("since", .optional(FeedJSON.timestamp(report.since))),
            ("applied", .bool(report.applied)),
            ("examined", .number(report.examined)),
            ("skipped", .number(report.skipped)),
            ("adds", .number(report.adds)),
            ("drops", .number(report.drops)),
            ("topic_changes", .number(report.topicChanges)),
            ("refreshed_hits", .number(report.refreshedHits)),
            ("digest", .optional(report.digestPath)),
            ("stale_digest_days", .array(report.staleDigestDays.map(JSONValue.string))),
            ("changes", .array(report.changes.map(change))),
        ]).rendered()
    }

    static func change(_ change: RetestChange) -> JSONValue {
        .object([
            ("kind", .string(change.kind.rawValue)),
            ("feed", .string(change.feedName)),
            ("id", .string(change.itemID)),
            ("title", .string(change.title)),
            ("link", .optional(change.link)),
            ("first_seen", .optional(FeedJSON.timestamp(change.firstSeen))),
            ("topics_before", .array(change.topicsBefore.map(JSONValue.string))),
            ("topics_after", .array(change.topicsAfter.map(JSONValue.string))),
            ("reasons", .array(change.reasons.map(JSONValue.string))),
        ])
    }
}
