import Foundation

/// The scheduling and health memory of one feed (schema v2): when to check it next,
/// what its server last said about caching, redirects and rate limits, and which URL served.
///
/// The scheduler decides every field; the store writes them as given and reads them back.
public struct FeedSchedule: Sendable, Equatable {
    /// The earliest time the next ordinary poll fetches the feed; nil means "due now".
    public var nextCheck: Date?
    /// The interval the scheduler chose last time, before jitter.
    public var lastIntervalSeconds: Int?
    /// When a fetch last went out without validators and succeeded.
    public var lastUnconditional: Date?
    /// The HTTP status of the last answer (nil when the server never answered).
    public var lastHTTPStatus: Int?
    /// Where every hop of the last redirect chain pointed when all were permanent (301/308).
    public var permanentRedirectTarget: String?
    /// When that same target was first seen; reset when the target changes or a direct answer comes.
    public var permanentRedirectSince: Date?
    /// The URL used instead of the configured one after a permanent redirect held long enough.
    public var movedTo: String?
    /// When the feed answered 410 Gone; it is not fetched again until feeds.conf gives a new URL.
    public var goneAt: Date?
    /// The server asked not to be asked again before this time (Retry-After).
    public var retryAfterUntil: Date?
    /// Which URL (the configured one, the moved one, or a fallback) served the last success.
    public var servedURL: String?

    public init(nextCheck: Date? = nil, lastIntervalSeconds: Int? = nil, lastUnconditional: Date? = nil,
                lastHTTPStatus: Int? = nil, permanentRedirectTarget: String? = nil,
                permanentRedirectSince: Date? = nil, movedTo: String? = nil, goneAt: Date? = nil,
                retryAfterUntil: Date? = nil, servedURL: String? = nil) {
        self.nextCheck = nextCheck
        self.lastIntervalSeconds = lastIntervalSeconds
        self.lastUnconditional = lastUnconditional
        self.lastHTTPStatus = lastHTTPStatus
        self.permanentRedirectTarget = permanentRedirectTarget
        self.permanentRedirectSince = permanentRedirectSince
        self.movedTo = movedTo
        self.goneAt = goneAt
        self.retryAfterUntil = retryAfterUntil
        self.servedURL = servedURL
    }
}
