import Foundation
import FeedModel

/// One day's digest as values: what every renderer (Markdown now; HTML, JSON, Atom later)
/// turns into text. Built by `DigestBuilder`; everything is already ordered.
public struct DigestModel: Sendable, Equatable {
    public var day: String
    public var timeZone: TimeZone
    /// Distinct items, topics and sources listed in `sections`.
    public var itemCount: Int
    public var sourceCount: Int
    public var backdatedCount: Int
    /// Stories told by more than one outlet.
    public var sharedStoryCount: Int
    /// nil when the input had no counts.
    public var glance: [GlanceRow]?
    public var sections: [DigestSection]
    public var changes: [ItemRevision]
    public var disappearances: [ItemDisappearance]
    /// nil for a past day.
    public var health: [FeedHealthNote]?
    public var historyDays: Int
}
