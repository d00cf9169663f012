import FeedModel

/// One accepted occurrence of a pattern owner in one field, with where it is
/// in normalised bytes and in words (word ordinals are filled in only when
/// some rule or condition needs distances).
struct Occurrence {
    let owner: PatternOwner
    let range: Range<Int>
    var field: ItemField = .title
    var firstWord = 0
    var lastWord = 0
    /// Index of its hit in the item's list of hits.
    var hit = 0

    /// Words between two occurrences of the same field; 0 when they touch or overlap.
    func wordsBetween(_ other: Occurrence) -> Int {
        if other.firstWord > lastWord { return other.firstWord - lastWord - 1 }
        if firstWord > other.lastWord { return firstWord - other.lastWord - 1 }
        return 0
    }
}
