import Foundation
import FeedModel

/// A stored item with everything the matcher reads of it and what the store says was kept,
/// for re-running changed rules over what is already stored (`feedwatch retest`).
public struct StoredItem: Sendable, Equatable {
    /// The store's own handle on the item, for `replaceMatches(_:)`.
    public var itemRowID: Int64
    public var feedName: String
    /// The item as first stored: title, link, dates, authors, categories, plain-text summary
    /// and content, enclosures. The HTML forms and the thumbnail are not stored.
    public var item: FeedItem
    public var firstSeen: Date
    /// The stored match: topics and hits of a kept item; nil when the item was not kept.
    public var keptTopics: [String]?
    public var keptHits: [Hit]

    public init(itemRowID: Int64, feedName: String, item: FeedItem, firstSeen: Date,
                keptTopics: [String]? = nil, keptHits: [Hit] = []) {
        self.itemRowID = itemRowID
        self.feedName = feedName
        self.item = item
        self.firstSeen = firstSeen
        self.keptTopics = keptTopics
        self.keptHits = keptHits
    }

    public var wasKept: Bool { keptTopics != nil }
}
