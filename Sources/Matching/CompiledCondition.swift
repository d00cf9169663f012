import FeedModel

/// An entity's `unless` / `requires` condition with its context resolved to targets.
struct CompiledCondition: Sendable {
    let effect: EntityCondition.Effect
    let targets: [MatchTarget]
    /// How each target is written, for `Hit.cancelledBy`.
    let labels: [MatchTarget: String]
    let withinWords: Int?
    /// Each distinct target's key and its first place in `targets`: the
    /// matcher indexes conditions by these, so that one pass over an item's
    /// occurrences finds every condition's context candidates at once.
    let targetPlaces: [(key: Int32, place: Int)]
    /// The reasons, written once: per place in `targets` for `unless`, and the
    /// one of `requires` (a condition that fails usually fails for many hits).
    private let unlessReasons: [String?]
    private let requiresReason: String

    init(effect: EntityCondition.Effect, targets: [MatchTarget], labels: [MatchTarget: String], withinWords: Int?) {
        self.effect = effect
        self.targets = targets
        self.labels = labels
        self.withinWords = withinWords
        var places: [(key: Int32, place: Int)] = []
        for (place, target) in targets.enumerated() where !places.contains(where: { $0.key == target.key }) {
            places.append((target.key, place))
        }
        targetPlaces = places
        let scope = withinWords.map { "_near \($0)" } ?? ""
        unlessReasons = targets.map { labels[$0].map { "unless\(scope) \($0)" } }
        requiresReason = "requires\(scope) " + targets.compactMap { labels[$0] }.joined(separator: ", ") + " (none found)"
    }

    /// The context of this condition in `all`, as its index there and its
    /// target's place in `targets`: the first target (in the order written)
    /// that occurs, at its first occurrence other than `occurrence` itself;
    /// with `withinWords`, only in `occurrence`'s field and near it.
    /// `occurrence` nil (only without `withinWords`): over all of them, which
    /// is the answer for every occurrence but the one found. `candidates`:
    /// the occurrences of this condition's targets in `all`, in order, each
    /// with its index there and its place (the others cannot be the context).
    func context(of occurrence: Occurrence?, among all: [Occurrence],
                 candidates: ArraySlice<(index: Int, place: Int)>) -> (index: Int, place: Int)? {
        var found: (index: Int, place: Int)?
        var foundPlace = Int.max
        for (index, place) in candidates where place < foundPlace {
            if let occurrence {
                let other = all[index]
                if other.owner.target == occurrence.owner.target && other.range == occurrence.range
                    && other.field == occurrence.field { continue }
                if let withinWords {
                    guard other.field == occurrence.field, occurrence.wordsBetween(other) <= withinWords else { continue }
                }
            }
            found = (index, place)
            foundPlace = place
            // `requires` only asks whether there is one.
            if place == 0 || effect == .requires { break }
        }
        return found
    }

    /// Whether a hit with this context (from `context`) survives the condition,
    /// and if not, why; `written` is the spellings by index.
    func cancellation(by found: (index: Int, place: Int)?, among all: [Occurrence], written: [String]) -> String? {
        switch (effect, found) {
        case (.unless, let context?):
            if let reason = unlessReasons[context.place] { return reason }
            let scope = withinWords.map { "_near \($0)" } ?? ""
            return "unless\(scope) \(written[Int(all[context.index].owner.spelling)])"
        case (.requires, nil):
            return requiresReason
        default:
            return nil
        }
    }
}
