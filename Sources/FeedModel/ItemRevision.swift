import Foundation

/// A stored item that came back from its feed with another title or text: what it said
/// before and after. Storage records these; the digest shows them as "changes".
public struct ItemRevision: Sendable, Equatable {
    public var feedName: String
    public var itemID: String
    public var link: String?
    /// When the item was first stored (the day it belongs to).
    public var firstSeen: Date
    /// The fetch that brought the new version.
    public var seenAt: Date
    public var oldTitle: String?
    public var newTitle: String?
    /// The item's text (content, else summary) before and after.
    public var oldText: String?
    public var newText: String?

    public init(feedName: String, itemID: String, link: String?, firstSeen: Date, seenAt: Date,
                oldTitle: String?, newTitle: String?, oldText: String?, newText: String?) {
        self.feedName = feedName
        self.itemID = itemID
        self.link = link
        self.firstSeen = firstSeen
        self.seenAt = seenAt
        self.oldTitle = oldTitle
        self.newTitle = newTitle
        self.oldText = oldText
        self.newText = newText
    }
}
