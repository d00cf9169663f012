import Foundation

/// An item that was in its feed's previous fetch and missing from the next one while older
/// items of that feed were still there: taken down or replaced, not rolled off the end.
public struct ItemDisappearance: Sendable, Equatable {
    public var feedName: String
    public var itemID: String
    public var title: String?
    public var link: String?
    public var firstSeen: Date
    /// The last fetch that still had it.
    public var lastPresent: Date
    /// The fetch that found it missing.
    public var noticedAt: Date

    public init(feedName: String, itemID: String, title: String?, link: String?, firstSeen: Date,
                lastPresent: Date, noticedAt: Date) {
        self.feedName = feedName
        self.itemID = itemID
        self.title = title
        self.link = link
        self.firstSeen = firstSeen
        self.lastPresent = lastPresent
        self.noticedAt = noticedAt
    }
}
