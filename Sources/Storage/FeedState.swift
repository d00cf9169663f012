import Foundation
import FeedModel

/// What the store remembers about one feed between runs.
public struct FeedState: Sendable, Equatable {
    public var feedName: String
    public var url: String
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    public var lastChecked: Date?
    public var lastSuccess: Date?
    public var lastFailure: Date?
    public var lastFailureKind: FetchFailureKind?
    public var lastFailureMessage: String?
    public var consecutiveFailures: Int
    /// Next check, redirects, Retry-After, served URL (schema v2).
    public var schedule: FeedSchedule

    public init(feedName: String, url: String, title: String? = nil, etag: String? = nil,
                lastModified: String? = nil, lastChecked: Date? = nil, lastSuccess: Date? = nil,
                lastFailure: Date? = nil, lastFailureKind: FetchFailureKind? = nil,
                lastFailureMessage: String? = nil, consecutiveFailures: Int = 0,
                schedule: FeedSchedule = FeedSchedule()) {
        self.feedName = feedName
        self.url = url
        self.title = title
        self.etag = etag
        self.lastModified = lastModified
        self.lastChecked = lastChecked
        self.lastSuccess = lastSuccess
        self.lastFailure = lastFailure
        self.lastFailureKind = lastFailureKind
        self.lastFailureMessage = lastFailureMessage
        self.consecutiveFailures = consecutiveFailures
        self.schedule = schedule
    }
}
