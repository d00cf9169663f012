import Foundation
import FeedModel
import Monitor

/// The JSON shape of `feedwatch feeds --json` (README, "feedwatch feeds"); scripts
/// rely on it, so its keys and their order do not change. New keys go at the end.
enum FeedsJSON {
    static func encode(_ feeds: [FeedHealth], now: Date) -> String {
        JSONValue.object([
            ("generated_at", .optional(FeedJSON.timestamp(now))),
            ("feeds", .array(feeds.map { feed($0, now: now) })),
        ]).rendered()
    }

    static func feed(_ health: FeedHealth, now: Date) -> JSONValue {
        .object([
            ("name", .string(health.feed.name)),
            ("url", .string(health.feed.url)),
            ("status", .string(health.status.rawValue)),
            ("last_checked", .optional(FeedJSON.timestamp(health.lastChecked))),
            ("last_success", .optional(FeedJSON.timestamp(health.lastSuccess))),
            ("last_failure", .optional(FeedJSON.timestamp(health.lastFailure))),
            ("last_failure_kind", .optional(health.lastFailureKind?.rawValue)),
            ("last_failure_message", .optional(health.lastFailureMessage)),
            ("consecutive_failures", .number(health.consecutiveFailures)),
            ("last_http_status", .optional(health.lastHTTPStatus)),
            ("next_check", .optional(FeedJSON.timestamp(health.status == .gone ? nil : health.nextCheck))),
            ("newest_item", .optional(FeedJSON.timestamp(health.newestItem))),
            ("newest_item_age_seconds", .optional(health.newestItem.map { seconds(now.timeIntervalSince($0)) })),
            ("usual_gap_seconds", .optional(health.usualGap.map(seconds))),
            ("silent_after_seconds", .number(seconds(health.silentAfter))),
            ("moved_to", .optional(health.movedTo)),
            ("gone_since", .optional(FeedJSON.timestamp(health.goneAt))),
            ("served_url", .optional(health.servedURL)),
            ("pending_redirect", .optional(health.pendingRedirect)),
            ("pending_redirect_since", .optional(FeedJSON.timestamp(health.pendingRedirectSince))),
        ])
    }

    private static func seconds(_ interval: TimeInterval) -> Int { Int(interval.rounded()) }
}
