import Foundation
import FeedModel

/// Everything one fetch of one feed produced, written to the store in one transaction.
public struct FetchRecord: Sendable {
    public enum Outcome: Sendable {
        /// A 2xx: the parsed items with what the matcher said of each, and the new validators.
        case fetched(feedTitle: String?, etag: String?, lastModified: String?, items: [(FeedItem, MatchResult)])
        /// A 304: nothing new; a server may still send a newer Last-Modified.
        case notModified(etag: String?, lastModified: String?)
        case failed(kind: FetchFailureKind, message: String)
    }

    public var feed: FeedSource
    public var checkedAt: Date
    public var outcome: Outcome
    /// The feed's new scheduling state, written in the same transaction;
    /// nil leaves the stored one as it is.
    public var schedule: FeedSchedule?

    public init(feed: FeedSource, checkedAt: Date, outcome: Outcome, schedule: FeedSchedule? = nil) {
        self.feed = feed
        self.checkedAt = checkedAt
        self.outcome = outcome
        self.schedule = schedule
    }
}
