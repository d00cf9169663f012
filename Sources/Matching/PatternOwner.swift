/// One spelling or term behind a pattern of the automaton. Several owners can
/// share a pattern: two entities with the same spelling, a term equal to a
/// spelling, or `Karabakh` and `Karabakh*`. Plain values only (the spelling by
/// index), so copying and sorting occurrences costs no reference counting.
struct PatternOwner: Sendable {
    let target: MatchTarget
    /// Index of the spelling as written in feeds.conf (`*` included) in
    /// `PatternTable.written`, and of its `HitLabel` in the matcher.
    let spelling: Int32
    let isStem: Bool
    /// For an entity's contested spelling: the index of its variant in the entity's `contested`.
    var variant: Int? = nil
}
