import FeedModel

/// An entity's `unless` / `requires` condition with its context resolved to targets.
struct CompiledCondition: Sendable {
    let effect: EntityCondition.Effect
    let targets: [MatchTarget]
    /// How each target is written, for `Hit.cancelledBy`.
    let labels: [MatchTarget: String]
    let withinWords: Int?
    /// The targets' keys, sorted, and for each the first place of its target in
    /// `targets`: one pass over an item's occurrences with a binary search each
    /// finds the context, where a search per target went over them all again.
    private let sortedKeys: [Int32]
    private let places: [Int]
    /// Bit `slot(key)` set for each target's key: one load rules out an
    /// occurrence of anything else (most of them) before the binary search,
    /// whose branches the processor cannot predict.
    private let targetBits: [UInt64]
    /// The reasons, written once: per place in `targets` for `unless`, and the
    /// one of `requires` (a condition that fails usually fails for many hits).
    private let unlessReasons: [String?]
    private let requiresReason: String

    init(effect: EntityCondition.Effect, targets: [MatchTarget], labels: [MatchTarget: String], withinWords: Int?) {
        self.effect = effect
        self.targets = targets
        self.labels = labels
        self.withinWords = withinWords
        var firstPlace: [Int32: Int] = [:]
        for (place, target) in targets.enumerated() where firstPlace[target.key] == nil {
            firstPlace[target.key] = place
        }
        let sorted = firstPlace.sorted { $0.key < $1.key }
        sortedKeys = sorted.map(\.key)
        places = sorted.map(\.value)
        var bits = [UInt64](repeating: 0, count: (sorted.map { Self.slot($0.key) }.max() ?? 0) / 64 + 1)
        for key in sortedKeys { bits[Self.slot(key) / 64] |= 1 << UInt64(Self.slot(key) % 64) }
        targetBits = bits
        let scope = withinWords.map { "_near \($0)" } ?? ""
        unlessReasons = targets.map { labels[$0].map { "unless\(scope) \($0)" } }
        requiresReason = "requires\(scope) " + targets.compactMap { labels[$0] }.joined(separator: ", ") + " (none found)"
    }

    /// The occurrences in `all` of this condition's targets, in order: their
    /// index there and the target's place in `targets`. Found once per item,
    /// so that `context` (per hit for `_near`) looks at these alone.
    func targetOccurrences(in all: [Occurrence]) -> [(index: Int, place: Int)] {
        var found: [(index: Int, place: Int)] = []
        sortedKeys.withUnsafeBufferPointer { keys in
            for (index, other) in all.enumerated() {
                if let place = place(of: other.owner.target.key, in: keys) { found.append((index, place)) }
            }
        }
        return found
    }

    /// The context of this condition in `all`, as its index there and its
    /// target's place in `targets`: the first target (in the order written)
    /// that occurs, at its first occurrence other than `occurrence` itself;
    /// with `withinWords`, only in `occurrence`'s field and near it.
    /// `occurrence` nil (only without `withinWords`): over all of them, which
    /// is the answer for every occurrence but the one found. `candidates`:
    /// from `targetOccurrences(in: all)` (the others cannot be the context).
    func context(of occurrence: Occurrence?, among all: [Occurrence],
                 candidates: [(index: Int, place: Int)]) -> (index: Int, place: Int)? {
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

    /// A key as a bit number: entities even, terms odd (keys of terms are negative).
    @inline(__always)
    private static func slot(_ key: Int32) -> Int {
        key >= 0 ? Int(key) * 2 : Int(-1 - key) * 2 + 1
    }

    /// The place in `targets` of the target with this key, or nil (binary search).
    @inline(__always)
    private func place(of key: Int32, in keys: UnsafeBufferPointer<Int32>) -> Int? {
        let slot = Self.slot(key)
        guard slot / 64 < targetBits.count, targetBits[slot / 64] & (1 << UInt64(slot % 64)) != 0 else { return nil }
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? places[low] : nil
    }
}
