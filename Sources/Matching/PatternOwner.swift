/// One spelling or term behind a pattern of the automaton. Several owners can
/// share a pattern: two entities with the same spelling, a term equal to a
/// spelling, or `Karabakh` and `Karabakh*`.
struct PatternOwner: Sendable {
    let target: MatchTarget
    /// As written in feeds.conf, `*` included.
    let written: String
    let isStem: Bool
    /// For an entity's contested spelling: the index of its variant in the entity's `contested`.
    var variant: Int? = nil
}
