import FeedModel

/// The rules evaluated over what was found in one item: which targets occurred
/// in which fields, where, and which topics fired (memoised, so `@Topic`
/// references cost nothing extra and a cycle is false rather than endless).
final class RuleEvaluation {
    private let entityFields: [FieldMask]
    private let termFields: [FieldMask]
    private let occurrences: [Occurrence]
    private let hits: [Hit]
    private let input: MatchInput
    private let topics: [CompiledTopic]
    /// Per topic: `unknown`, `evaluating` (a cycle reads false), `no` or `yes`.
    private var fired: [UInt8]
    private static let unknown: UInt8 = 0, evaluating: UInt8 = 1, no: UInt8 = 2, yes: UInt8 = 3

    init(entityCount: Int, termCount: Int, occurrences: [Occurrence], hits: [Hit], input: MatchInput,
         topics: [CompiledTopic]) {
        var entityFields = [FieldMask](repeating: [], count: entityCount)
        var termFields = [FieldMask](repeating: [], count: termCount)
        for occurrence in occurrences {
            switch occurrence.owner.target {
            case .entity(let index): entityFields[index].insert(FieldMask(occurrence.field))
            case .term(let index): termFields[index].insert(FieldMask(occurrence.field))
            }
        }
        self.entityFields = entityFields
        self.termFields = termFields
        self.occurrences = occurrences
        self.hits = hits
        self.input = input
        self.topics = topics
        fired = Array(repeating: RuleEvaluation.unknown, count: topics.count)
    }

    /// Whether topic `index` fires: its rule is true and its score reaches the threshold.
    func fires(_ index: Int) -> Bool {
        switch fired[index] {
        case RuleEvaluation.yes: return true
        case RuleEvaluation.no, RuleEvaluation.evaluating: return false
        default: break
        }
        fired[index] = RuleEvaluation.evaluating
        let result = fires(topics[index])
        fired[index] = result ? RuleEvaluation.yes : RuleEvaluation.no
        return result
    }

    func fires(_ topic: CompiledTopic) -> Bool {
        guard evaluate(topic.rule) else { return false }
        guard let threshold = topic.threshold else { return true }
        return score(topic.rule) >= threshold
    }

    func evaluate(_ rule: CompiledRule) -> Bool {
        switch rule {
        case .leaf(let leaf): return isPresent(leaf)
        case .topic(let index, _, _): return index.map(fires) ?? false
        case .attribute(let attribute, let value): return input.has(attribute, value)
        case .and(let parts): return parts.allSatisfy(evaluate)
        case .or(let parts): return parts.contains(where: evaluate)
        case .not(let inner): return !evaluate(inner)
        case .scoped(_, let inner), .weighted(let inner, _): return evaluate(inner)
        case .near(let left, let right, let within, _, _): return nearPair(left, right, within: within) != nil
        }
    }

    /// Sum of the weights of what makes `rule` true: true leaves reached through
    /// true nodes, each leaf once; nothing under NOT; a weighted node counts its
    /// own weight instead of its insides; feed attributes weigh 0.
    func score(_ rule: CompiledRule) -> Double {
        var weights: [Int: Double] = [:]
        var extra = 0.0
        func collect(_ rule: CompiledRule) {
            guard evaluate(rule) else { return }
            switch rule {
            case .leaf(let leaf): weights[leaf.id] = max(weights[leaf.id] ?? 0, 1)
            case .topic(let index, let weight, _): weights[-2 - (index ?? 0)] = weight
            case .attribute, .not: break
            case .and(let parts), .or(let parts): parts.forEach(collect)
            case .scoped(_, let inner): collect(inner)
            case .near(_, _, _, let left, let right): collect(left); collect(right)
            case .weighted(_, let weight): extra += weight
            }
        }
        collect(rule)
        return weights.values.reduce(extra, +)
    }

    func trace(_ rule: CompiledRule) -> RuleTrace {
        let value = evaluate(rule)
        switch rule {
        case .leaf(let leaf):
            let found = value ? occurrencesOf(leaf).map { hits[$0.hit] } : []
            return RuleTrace(label: leaf.label, value: value, hits: found)
        case .topic(_, _, let label):
            return RuleTrace(label: label, value: value)
        case .attribute(let attribute, let value):
            return RuleTrace(label: "\(attribute.rawValue):\(value)", value: input.has(attribute, value))
        case .and(let parts):
            return RuleTrace(label: "AND", value: value, children: parts.map(trace))
        case .or(let parts):
            return RuleTrace(label: "OR", value: value, children: parts.map(trace))
        case .not(let inner):
            return RuleTrace(label: "NOT", value: value, children: [trace(inner)])
        case .scoped(let field, let inner):
            return RuleTrace(label: "\(field.rawValue):", value: value, children: [trace(inner)])
        case .weighted(let inner, let weight):
            return RuleTrace(label: "^" + TopicTrace.numberText(weight), value: value, children: [trace(inner)])
        case .near(let left, let right, let within, let leftRule, let rightRule):
            let pair = nearPair(left, right, within: within)
            return RuleTrace(label: "NEAR/\(within)", value: value,
                             hits: pair.map { [hits[$0.0.hit], hits[$0.1.hit]] } ?? [],
                             children: [trace(leftRule), trace(rightRule)])
        }
    }

    func topicTrace(_ topic: CompiledTopic, name: String) -> TopicTrace {
        TopicTrace(topic: name, ruleText: topic.ruleText, fired: fires(topic), score: score(topic.rule),
                   threshold: topic.threshold, tree: trace(topic.rule))
    }

    private func isPresent(_ leaf: CompiledRule.Leaf) -> Bool {
        switch leaf.target {
        case .entity(let index)?: return !entityFields[index].intersection(leaf.fields).isEmpty
        case .term(let index)?: return !termFields[index].intersection(leaf.fields).isEmpty
        case nil: return false
        }
    }

    private func occurrencesOf(_ leaf: CompiledRule.Leaf) -> [Occurrence] {
        guard let target = leaf.target else { return [] }
        // A linear filter: an item has few occurrences, and this runs only for NEAR and traces.
        return occurrences.filter { $0.owner.target == target && leaf.fields.contains($0.field) }
    }

    /// The first pair of occurrences, one per side, in one field and close enough.
    private func nearPair(_ left: [CompiledRule.Leaf]?, _ right: [CompiledRule.Leaf]?,
                          within: Int) -> (Occurrence, Occurrence)? {
        guard let left, let right else { return nil }
        let rights = right.flatMap(occurrencesOf)
        for a in left.flatMap(occurrencesOf) {
            for b in rights where a.field == b.field && a.hit != b.hit && a.wordsBetween(b) <= within {
                return (a, b)
            }
        }
        return nil
    }
}
