import Foundation

/// One feed that needs a look, as the digest's health section shows it. Monitor's
/// HealthReport decides the status; this only carries it to the renderers.
public struct FeedHealthNote: Sendable, Equatable {
    /// Worst first, as the section lists them.
    public enum Status: String, Sendable, CaseIterable, Comparable {
        case gone, degraded, failing, moved, silent

        public static func < (a: Status, b: Status) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public var feed: String
    public var status: Status
    /// When it started: the failure, the 410, the newest item of a silent feed.
    public var since: Date?
    /// One line: the failure message, the new address, how long it has been quiet.
    public var detail: String

    public init(feed: String, status: Status, since: Date? = nil, detail: String) {
        self.feed = feed
        self.status = status
        self.since = since
        self.detail = detail
    }
}
