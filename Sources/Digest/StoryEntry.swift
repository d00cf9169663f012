import Foundation
import FeedModel

/// One item in a story, with what the digest says about it.
public struct StoryEntry: Sendable, Equatable {
    public var item: MatchedItem
    public var outlet: OutletInfo?
    /// The contested names this item used (`Xankəndi`, Azerbaijani, for Stepanakert), in order of first use.
    public var contestedNames: [ContestedNameUse]
    /// Published (or updated) more than `DigestBuilder.backdateGrace` before the day.
    public var isBackdated: Bool
    /// Dated more than `DigestBuilder.futureTolerance` after it was first seen.
    public var isFutureDated: Bool
    /// The item's date as its feed gave it: published, else updated.
    public var date: Date? { item.published ?? item.updated }
}
