import Foundation

/// An item edited during the day: its first version of the day against its last.
public struct ItemChange: Sendable, Equatable {
    public var feedName: String
    public var itemID: String
    public var link: String?
    public var firstSeen: Date
    /// The last edit of the day.
    public var seenAt: Date
    public var oldTitle: String?
    public var newTitle: String?
    public var oldText: String?
    public var newText: String?
    public var titleChanged: Bool { oldTitle != newTitle }
    public var textChanged: Bool { oldText != newText }
}
