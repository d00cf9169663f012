import Foundation
import FeedModel

/// How one configured feed is doing, for `feedwatch feeds`.
public struct FeedHealth: Sendable, Equatable {
    /// Worst first: a feed shows the first of these that applies.
    public enum Status: String, Sendable, CaseIterable {
        /// Never polled (or feeds.conf gave it a new URL that was not polled yet).
        case new
        /// Answered 410 Gone: not fetched again until feeds.conf gives it another URL.
        case gone
        /// 3 or more failures in a row, or failing with no success for over a day.
        case degraded
        /// The last check failed.
        case failing
        /// Fetched from the address a permanent redirect gave; feeds.conf still names the old one.
        case moved
        /// Answers, but publishes nothing: no item stored at all, or the newest item is older
        /// than `silentAfter` (3 × its usual gap between items, at least 7 days).
        case silent
        case ok
    }

    public var feed: FeedSource
    public var status: Status
    public var lastChecked: Date?
    public var lastSuccess: Date?
    public var lastFailure: Date?
    public var lastFailureKind: FetchFailureKind?
    public var lastFailureMessage: String?
    public var consecutiveFailures: Int
    public var nextCheck: Date?
    public var lastHTTPStatus: Int?
    /// The date of the newest stored item (its published date, else when it was first seen).
    public var newestItem: Date?
    /// The mean gap between its most recent items (up to 20); nil with fewer than two.
    public var usualGap: TimeInterval?
    /// How old the newest item may grow before the feed counts as silent.
    public var silentAfter: TimeInterval
    public var movedTo: String?
    public var goneAt: Date?
    /// Which URL served the last success (a fallback shows here).
    public var servedURL: String?
    /// A permanent redirect being watched, and since when.
    public var pendingRedirect: String?
    public var pendingRedirectSince: Date?

    public init(feed: FeedSource, status: Status, lastChecked: Date? = nil, lastSuccess: Date? = nil,
                lastFailure: Date? = nil, lastFailureKind: FetchFailureKind? = nil, lastFailureMessage: String? = nil,
                consecutiveFailures: Int = 0, nextCheck: Date? = nil, lastHTTPStatus: Int? = nil,
                newestItem: Date? = nil, usualGap: TimeInterval? = nil, silentAfter: TimeInterval = HealthReport.minimumSilence,
                movedTo: String? = nil, goneAt: Date? = nil, servedURL: String? = nil,
                pendingRedirect: String? = nil, pendingRedirectSince: Date? = nil) {
        self.feed = feed
        self.status = status
        self.lastChecked = lastChecked
        self.lastSuccess = lastSuccess
        self.lastFailure = lastFailure
        self.lastFailureKind = lastFailureKind
        self.lastFailureMessage = lastFailureMessage
        self.consecutiveFailures = consecutiveFailures
        self.nextCheck = nextCheck
        self.lastHTTPStatus = lastHTTPStatus
        self.newestItem = newestItem
        self.usualGap = usualGap
        self.silentAfter = silentAfter
        self.movedTo = movedTo
        self.goneAt = goneAt
        self.servedURL = servedURL
        self.pendingRedirect = pendingRedirect
        self.pendingRedirectSince = pendingRedirectSince
    }
}
