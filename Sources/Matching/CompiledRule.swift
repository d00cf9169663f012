import FeedModel

/// A topic rule with names and terms resolved to indices, evaluated by `RuleEvaluation`
/// over what was found in an item.
indirect enum CompiledRule: Sendable {
    /// A term or @entity that counts in `fields`. `target` nil: an entity that is
    /// not defined (Config rejects those; here it is false). `id` is the same for
    /// the same target and fields, so a leaf written twice scores once.
    case leaf(Leaf)
    /// `@Topic`: nil when no such topic exists (false).
    case topic(Int?, weight: Double, label: String)
    case attribute(FeedAttribute, String)
    case and([CompiledRule])
    case or([CompiledRule])
    case not(CompiledRule)
    /// Scopes are already applied to the leaves inside; the node stays for explanations.
    case scoped(ItemField, CompiledRule)
    /// nil sides: an operand that is not made of terms and @entities (always false).
    case near([Leaf]?, [Leaf]?, within: Int, left: CompiledRule, right: CompiledRule)
    case weighted(CompiledRule, Double)

    struct Leaf: Sendable {
        let id: Int
        let target: MatchTarget?
        let fields: FieldMask
        let label: String
    }
}
