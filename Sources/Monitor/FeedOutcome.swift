import Foundation
import FeedModel

/// What happened to one feed in one poll run.
public struct FeedOutcome: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// 2xx: `items` in the document, of which `newItems` were not stored before
        /// and `newMatches` of those were kept by the matcher.
        case fetched(items: Int, newItems: Int, newMatches: Int)
        /// 304: the server says nothing changed.
        case notModified
        case failed(kind: FetchFailureKind, message: String)
        /// Not fetched in this run: not due, gone, or asked to wait by its server.
        case skipped(FeedSelection)
    }

    public var feed: FeedSource
    public var status: Status
    /// Fallbacks, redirects, moves and 410s seen in this run.
    public var events: [FeedEvent]
    /// When the feed is due next (nil for a gone feed, or when the store could not say).
    public var nextCheck: Date?
    /// The URL fetched (the configured one, or where the feed moved); nil when skipped.
    public var url: String?

    public init(feed: FeedSource, status: Status, events: [FeedEvent] = [], nextCheck: Date? = nil, url: String? = nil) {
        self.feed = feed
        self.status = status
        self.events = events
        self.nextCheck = nextCheck
        self.url = url
    }

    public var isFailure: Bool {
        if case .failed = status { return true }
        return false
    }

    public var wasChecked: Bool {
        if case .skipped = status { return false }
        return true
    }
}
