import Foundation
import FeedModel

/// Renders one day's matched items as the Markdown digest people read.
public struct DigestRenderer: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// `day` is "YYYY-MM-DD" in `timeZone`; `topicOrder` is feeds.conf's order of topics.
    /// The same inputs always give the same bytes.
    public func markdown(day: String, items: [MatchedItem], topicOrder: [String]) -> String {
        ""
    }
}
