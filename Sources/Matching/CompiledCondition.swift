import FeedModel

/// An entity's `unless` / `requires` condition with its context resolved to targets.
struct CompiledCondition: Sendable {
    let effect: EntityCondition.Effect
    let targets: [MatchTarget]
    /// How each target is written, for `Hit.cancelledBy`.
    let labels: [MatchTarget: String]
    let withinWords: Int?

    /// Whether the hit `occurrence` survives this condition, and if not, why;
    /// `all` is every occurrence of the item, `written` the spellings by index.
    /// (A linear search per target: an item has few occurrences, and grouping
    /// them in a Dictionary per item cost more.)
    func cancels(_ occurrence: Occurrence, among all: [Occurrence], written: [String]) -> String? {
        var found: Occurrence?
        search: for target in targets {
            for other in all where other.owner.target == target && (other.range != occurrence.range
                || other.field != occurrence.field || other.owner.target != occurrence.owner.target) {
                if let withinWords {
                    guard other.field == occurrence.field, occurrence.wordsBetween(other) <= withinWords else { continue }
                }
                found = other
                break search
            }
        }
        switch (effect, found) {
        case (.unless, let context?):
            let scope = withinWords.map { "_near \($0)" } ?? ""
            return "unless\(scope) \(labels[context.owner.target] ?? written[Int(context.owner.spelling)])"
        case (.requires, nil):
            let scope = withinWords.map { "_near \($0)" } ?? ""
            return "requires\(scope) " + targets.compactMap { labels[$0] }.joined(separator: ", ") + " (none found)"
        default:
            return nil
        }
    }
}
