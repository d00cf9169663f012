/// What a FetchRecord changed in the store.
public struct SaveSummary: Sendable, Equatable {
    /// Items not seen before in this feed.
    public var newItems: Int
    /// Of those, the ones the matcher kept.
    public var newMatches: Int

    public init(newItems: Int = 0, newMatches: Int = 0) {
        self.newItems = newItems
        self.newMatches = newMatches
    }
}
