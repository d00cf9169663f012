import Foundation
import Storage

/// How one due feed is fetched in this run, and what the scheduler knew before the fetch.
struct FetchPlan: Sendable, Equatable {
    /// The configured URL, or where a permanent redirect moved the feed.
    var url: String
    var etag: String?
    var lastModified: String?
    /// No validators go out: it is time for the periodic unconditional fetch, or there are none.
    var unconditional: Bool
    /// The stored schedule, or an empty one when the feed is new or feeds.conf gave it a new URL.
    var previous: FeedSchedule
    /// Failures in a row before this fetch.
    var previousFailures: Int
}
