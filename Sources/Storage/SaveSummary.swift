/// What a FetchRecord changed in the store.
public struct SaveSummary: Sendable, Equatable {
    /// Items not seen before in this feed.
    public var newItems: Int
    /// Of those, the ones the matcher kept.
    public var newMatches: Int
    /// Stored items that came back with another title or text (a revision was stored).
    public var revisedItems: Int
    /// Items of the previous listing taken out of the feed (see `ItemDisappearance`).
    public var disappearedItems: Int

    public init(newItems: Int = 0, newMatches: Int = 0, revisedItems: Int = 0, disappearedItems: Int = 0) {
        self.newItems = newItems
        self.newMatches = newMatches
        self.revisedItems = revisedItems
        self.disappearedItems = disappearedItems
    }
}
