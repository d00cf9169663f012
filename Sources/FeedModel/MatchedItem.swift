import Foundation

/// A stored item that the matcher kept, with what the digest needs to show it.
/// Storage produces these; Digest renders them.
public struct MatchedItem: Sendable, Equatable {
    public var feedName: String
    /// The feed's own title, when it gave one.
    public var feedTitle: String?
    public var itemID: String
    public var title: String
    public var link: String?
    public var published: Date?
    /// The feed's updated date, when it gave one (an item without a published date is dated by it).
    public var updated: Date?
    /// The item's summary as it stood at the end of the digest day (for grouping items into stories).
    public var summary: String?
    /// The same text as the feed sent it, when that was HTML with markup (untrusted: the HTML
    /// digest sanitises it); nil when the feed sent plain text.
    public var summaryHTML: String?
    /// When feedwatch first stored the item: this decides the digest day.
    public var firstSeen: Date
    public var topics: [String]
    public var hits: [Hit]
    /// The match's score as stored (`MatchResult.score`); nil when it had none.
    public var score: Double?

    public init(feedName: String, feedTitle: String? = nil, itemID: String, title: String, link: String?,
                published: Date?, firstSeen: Date, topics: [String], hits: [Hit],
                updated: Date? = nil, summary: String? = nil, summaryHTML: String? = nil, score: Double? = nil) {
        self.feedName = feedName
        self.feedTitle = feedTitle
        self.itemID = itemID
        self.title = title
        self.link = link
        self.published = published
        self.firstSeen = firstSeen
        self.topics = topics
        self.hits = hits
        self.updated = updated
        self.summary = summary
        self.summaryHTML = summaryHTML
        self.score = score
    }

    /// Distinct entity names that hit, in order of first appearance.
    public var entities: [String] { MatchResult(topics: topics, hits: hits).entities }
}
