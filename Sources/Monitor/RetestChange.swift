import Foundation

/// One stored item whose keep decision or topics differ under the current feeds.conf.
public struct RetestChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Kept now, not stored as kept.
        case add
        /// Stored as kept, not kept now.
        case drop
        /// Kept before and now, under other topics.
        case topics
    }

    public var kind: Kind
    public var feedName: String
    /// The item's key in its feed (guid, Atom id, link or the parser's hash).
    public var itemID: String
    public var title: String
    public var link: String?
    public var firstSeen: Date
    /// The stored topics (empty when the item was not kept) and the topics now.
    public var topicsBefore: [String]
    public var topicsAfter: [String]
    /// Why, one entry per topic gained or lost (and for the [keep] rule when it decided):
    /// `Peacekeepers: peacekeep* title "peacekeepers"`, `Karabakh: no longer fires; ...`.
    public var reasons: [String]

    public init(kind: Kind, feedName: String, itemID: String, title: String, link: String?, firstSeen: Date,
                topicsBefore: [String], topicsAfter: [String], reasons: [String]) {
        self.kind = kind
        self.feedName = feedName
        self.itemID = itemID
        self.title = title
        self.link = link
        self.firstSeen = firstSeen
        self.topicsBefore = topicsBefore
        self.topicsAfter = topicsAfter
        self.reasons = reasons
    }
}
