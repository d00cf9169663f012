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
    }

    public var feed: FeedSource
    public var status: Status

    public init(feed: FeedSource, status: Status) {
        self.feed = feed
        self.status = status
    }

    public var isFailure: Bool {
        if case .failed = status { return true }
        return false
    }
}
