import Foundation
import FeedModel
import Config
import Storage

/// The health of every configured feed, from the store, without fetching anything.
public enum HealthReport {
    /// 3 failures in a row make a feed degraded (with the 1 h, 2 h, 4 h backoff: about 3 hours).
    public static let degradedFailures = 3
    /// So does failing with no success for this long.
    public static let degradedAfter: TimeInterval = 86_400
    /// A feed is silent when its newest item is older than `silenceFactor` × its usual gap...
    public static let silenceFactor = 3.0
    /// ...and at least this old, so a feed that publishes daily is not flagged after a quiet weekend.
    public static let minimumSilence: TimeInterval = 7 * 86_400
    /// The usual gap is measured over this many of the newest items.
    public static let rhythmItems = 20

    /// One entry per feed of feeds.conf, in its order. A store that does not exist yet is
    /// not created: every feed is then new.
    public static func make(configuration: Configuration, now: Date) throws(MonitorError) -> [FeedHealth] {
        let path = configuration.settings.databasePath
        guard FileManager.default.fileExists(atPath: path) else {
            return configuration.feeds.map { assess($0, state: nil, recentItems: [], now: now) }
        }
        let store = try openStore(path)
        do {
            return try assess(configuration: configuration, store: store, now: now)
        } catch {
            throw .storage("read feed health from \(path): \(error)")
        }
    }

    /// One entry per feed of feeds.conf, in its order, from an open store (the digest's health section).
    static func assess(configuration: Configuration, store: Store, now: Date) throws -> [FeedHealth] {
        let states = Dictionary(try store.allFeedStates().map { ($0.feedName, $0) }) { first, _ in first }
        let recent = try store.recentItemDates(limit: rhythmItems)
        return configuration.feeds.map { feed in
            assess(feed, state: states[feed.name], recentItems: recent[feed.name] ?? [], now: now)
        }
    }

    /// `recentItems`: the dates of the feed's newest items, newest first.
    static func assess(_ feed: FeedSource, state: FeedState?, recentItems: [Date], now: Date) -> FeedHealth {
        let usualGap = usualGap(recentItems)
        let silentAfter = max(minimumSilence, usualGap.map { $0 * silenceFactor } ?? 0)
        var health = FeedHealth(feed: feed, status: .new, newestItem: recentItems.first, usualGap: usualGap,
                                silentAfter: silentAfter)
        guard let state = Scheduler.applicableState(state, for: feed), state.lastChecked != nil else { return health }
        let schedule = state.schedule
        health.lastChecked = state.lastChecked
        health.lastSuccess = state.lastSuccess
        health.lastFailure = state.lastFailure
        health.lastFailureKind = state.lastFailureKind
        health.lastFailureMessage = state.lastFailureMessage
        health.consecutiveFailures = state.consecutiveFailures
        health.nextCheck = schedule.nextCheck
        health.lastHTTPStatus = schedule.lastHTTPStatus
        health.movedTo = schedule.movedTo
        health.goneAt = schedule.goneAt
        health.servedURL = schedule.servedURL
        health.pendingRedirect = schedule.permanentRedirectTarget
        health.pendingRedirectSince = schedule.permanentRedirectSince
        health.status = status(state, newestItem: recentItems.first, silentAfter: silentAfter, now: now)
        return health
    }

    static func status(_ state: FeedState, newestItem: Date?, silentAfter: TimeInterval, now: Date) -> FeedHealth.Status {
        if state.schedule.goneAt != nil { return .gone }
        if state.consecutiveFailures > 0 {
            let failingLong = state.lastSuccess.map { now.timeIntervalSince($0) > degradedAfter } ?? false
            return state.consecutiveFailures >= degradedFailures || failingLong ? .degraded : .failing
        }
        if state.schedule.movedTo != nil { return .moved }
        guard let newestItem else { return .silent }
        return now.timeIntervalSince(newestItem) > silentAfter ? .silent : .ok
    }

    /// The mean gap between consecutive items, newest first in `dates`.
    static func usualGap(_ dates: [Date]) -> TimeInterval? {
        guard dates.count >= 2, let newest = dates.first, let oldest = dates.last else { return nil }
        let span = newest.timeIntervalSince(oldest)
        return span > 0 ? span / Double(dates.count - 1) : nil
    }
}
