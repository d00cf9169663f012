/// What a pattern stands for: an entity (index into the matcher's entities)
/// or a bare term of a topic rule (index into its terms).
enum MatchTarget: Hashable, Sendable {
    case entity(Int)
    case term(Int)
}
