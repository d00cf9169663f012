import FeedModel

/// An entity's `unless` / `requires` condition with its context resolved to targets.
struct CompiledCondition: Sendable {
    let effect: EntityCondition.Effect
    let targets: [MatchTarget]
    /// How each target is written, for `Hit.cancelledBy`.
    let labels: [MatchTarget: String]
    let withinWords: Int?

    /// Whether the hit `occurrence` survives this condition, and if not, why.
    func cancels(_ occurrence: Occurrence, among byTarget: [MatchTarget: [Occurrence]]) -> String? {
        var found: Occurrence?
        search: for target in targets {
            for other in byTarget[target, default: []] where other.range != occurrence.range || other.field != occurrence.field
                || other.owner.target != occurrence.owner.target {
                if let withinWords {
                    guard other.field == occurrence.field, occurrence.wordsBetween(other) <= withinWords else { continue }
                }
                found = other
                break search
            }
        }
        let scope = withinWords.map { "_near \($0)" } ?? ""
        switch (effect, found) {
        case (.unless, let context?):
            return "unless\(scope) \(labels[context.owner.target] ?? context.owner.written)"
        case (.requires, nil):
            return "requires\(scope) " + targets.compactMap { labels[$0] }.joined(separator: ", ") + " (none found)"
        default:
            return nil
        }
    }
}
