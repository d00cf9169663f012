import FeedModel

/// The rules evaluated over what was found in one item: which targets occurred
/// in which fields, where, and which topics fired (memoised, so `@Topic`
/// references cost nothing extra and a cycle is false rather than endless).
/// Truth values and scores come from each topic's `RuleProgram`; traces walk
/// the rule tree beside it (same preorder numbering).
final class RuleEvaluation {
    /// Per target (entities, then terms after `entityCount`): the fields it occurred in.
    private let targetFields: [FieldMask]
    private let entityCount: Int
    private let occurrences: [Occurrence]
    /// Per occurrence, its target as one number (entity i: i, term j: -1 - j)
    /// and its field as a mask: what `occurrencesOf` compares, without
    /// copying whole occurrences. Made on first use: only NEAR and traces need them.
    private lazy var targetKeys: [Int32] = occurrences.map(\.owner.target.key)
    private lazy var fieldMasks: [FieldMask] = occurrences.map { FieldMask($0.field) }
    private let hits: [Hit]
    private let input: MatchInput
    private let topics: [CompiledTopic]
    /// Per topic: `unknown`, `evaluating` (a cycle reads false), `no` or `yes`.
    private var fired: [UInt8]
    private static let unknown: UInt8 = 0, evaluating: UInt8 = 1, no: UInt8 = 2, yes: UInt8 = 3

    init(entityCount: Int, termCount: Int, occurrences: [Occurrence], hits: [Hit], input: MatchInput,
         topics: [CompiledTopic]) {
        var targetFields = [FieldMask](repeating: [], count: entityCount + termCount)
        for occurrence in occurrences {
            switch occurrence.owner.target {
            case .entity(let index): targetFields[index].insert(FieldMask(occurrence.field))
            case .term(let index): targetFields[entityCount + index].insert(FieldMask(occurrence.field))
            }
        }
        self.targetFields = targetFields
        self.entityCount = entityCount
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
        guard value(topic.program, at: 0) else { return false }
        guard let threshold = topic.threshold else { return true }
        return score(topic) >= threshold
    }

    /// The truth of node `k` of `program`: AND and OR stop at the first part
    /// that decides them, in order, as the rule reads.
    private func value(_ program: RuleProgram, at k: Int) -> Bool {
        program.nodes.withUnsafeBufferPointer { nodes in value(program, nodes, at: k) }
    }

    private func value(_ program: RuleProgram, _ nodes: UnsafeBufferPointer<RuleProgram.Node>, at k: Int) -> Bool {
        let node = nodes[k]
        switch node.kind {
        case .entity: return !targetFields[Int(node.index)].intersection(node.fields).isEmpty
        case .term: return !targetFields[entityCount + Int(node.index)].intersection(node.fields).isEmpty
        case .missing, .missingTopic: return false
        case .topic: return fires(Int(node.index))
        case .attribute:
            let (attribute, wanted) = program.attributes[Int(node.index)]
            return input.has(attribute, wanted)
        case .and, .or:
            let stopsAt = node.kind == .or
            var child = k + 1
            while child < Int(node.end) {
                if value(program, nodes, at: child) == stopsAt { return stopsAt }
                child = Int(nodes[child].end)
            }
            return !stopsAt
        case .not: return !value(program, nodes, at: k + 1)
        case .transparent, .weighted: return value(program, nodes, at: k + 1)
        case .near:
            let near = program.nears[Int(node.index)]
            return nearPair(near.left, near.right, within: near.within) != nil
        }
    }

    /// The score of a topic that fires, judged as its trace judges it (after the
    /// memo of `fires(_:)` settled: the two differ only in a cycle of @Topic
    /// references, which Config rejects); nil when it does not fire.
    func firedScore(_ topic: CompiledTopic) -> Double? {
        guard value(topic.program, at: 0) else { return nil }
        let score = score(topic, knownTrue: true)
        if let threshold = topic.threshold, score < threshold { return nil }
        return score
    }

    /// Sum of the weights of what makes the rule true: true leaves reached through
    /// true nodes, each leaf once; nothing under NOT; a weighted node counts its
    /// own weight instead of its insides; feed attributes weigh 0.
    /// `knownTrue`: the rule was just found true (its value is not asked again).
    func score(_ topic: CompiledTopic, knownTrue: Bool = false) -> Double {
        let program = topic.program
        return program.nodes.withUnsafeBufferPointer { nodes in
            // On the stack: a score is taken per fired topic of every item.
            withUnsafeTemporaryAllocation(of: ScoreSum.Term.self, capacity: max(1, program.scoredCount)) { terms in
                var sum = ScoreSum(terms: terms)
                collect(program, nodes, at: 0, knownTrue: knownTrue, into: &sum)
                return sum.total
            }
        }
    }

    /// The weights counted so far. A rule has few leaves, so a list searched
    /// in order costs less than a Dictionary.
    private struct ScoreSum {
        /// key: the leaf's id, or -2 - index for a topic.
        typealias Term = (key: Int, weight: Double)
        let terms: UnsafeMutableBufferPointer<Term>
        var count = 0
        /// What weighted nodes add.
        var extra = 0.0

        /// A leaf counts 1 however often it is reached; a topic its weight.
        mutating func set(_ key: Int, leaf: Bool, weight: Double) {
            for k in 0..<count where terms[k].key == key {
                terms[k].weight = leaf ? max(terms[k].weight, 1) : weight
                return
            }
            terms[count] = (key, leaf ? 1 : weight)
            count += 1
        }

        /// In the order the terms were first counted, after `extra`.
        var total: Double {
            var total = extra
            for k in 0..<count { total += terms[k].weight }
            return total
        }
    }

    /// Counts what node `k` adds when it is true. A true AND's parts, and the
    /// inside of a true scope, are true too, so their value is not asked again.
    private func collect(_ program: RuleProgram, _ nodes: UnsafeBufferPointer<RuleProgram.Node>, at k: Int,
                         knownTrue: Bool, into sum: inout ScoreSum) {
        guard knownTrue || value(program, nodes, at: k) else { return }
        let node = nodes[k]
        switch node.kind {
        case .entity, .term, .missing: sum.set(Int(node.id), leaf: true, weight: 1)
        case .topic, .missingTopic: sum.set(-2 - Int(node.index), leaf: false, weight: node.weight)
        case .attribute, .not: break
        case .and, .or, .near:
            var child = k + 1
            while child < Int(node.end) {
                collect(program, nodes, at: child, knownTrue: node.kind == .and, into: &sum)
                child = Int(nodes[child].end)
            }
        case .transparent: collect(program, nodes, at: k + 1, knownTrue: true, into: &sum)
        case .weighted: sum.extra += node.weight
        }
    }

    /// Calls `body` with each part and its node number (the children of node `k`).
    private func forEachChild(_ parts: [CompiledRule], of k: Int, in program: RuleProgram,
                              _ body: (CompiledRule, Int) -> Void) {
        var child = k + 1
        for part in parts {
            body(part, child)
            child = Int(program.nodes[child].end)
        }
    }

    private func trace(_ rule: CompiledRule, _ k: Int, in program: RuleProgram) -> RuleTrace {
        let value = value(program, at: k)
        func children(_ parts: [CompiledRule]) -> [RuleTrace] {
            var traces: [RuleTrace] = []
            forEachChild(parts, of: k, in: program) { traces.append(trace($0, $1, in: program)) }
            return traces
        }
        switch rule {
        case .leaf(let leaf):
            let found = value ? occurrencesOf(leaf).map { hits[$0.hit] } : []
            return RuleTrace(label: leaf.label, value: value, hits: found)
        case .topic(_, _, let label):
            return RuleTrace(label: label, value: value)
        case .attribute(let attribute, let value):
            return RuleTrace(label: "\(attribute.rawValue):\(value)", value: input.has(attribute, value))
        case .and(let parts):
            return RuleTrace(label: "AND", value: value, children: children(parts))
        case .or(let parts):
            return RuleTrace(label: "OR", value: value, children: children(parts))
        case .not(let inner):
            return RuleTrace(label: "NOT", value: value, children: children([inner]))
        case .scoped(let field, let inner):
            return RuleTrace(label: "\(field.rawValue):", value: value, children: children([inner]))
        case .weighted(let inner, let weight):
            return RuleTrace(label: "^" + TopicTrace.numberText(weight), value: value, children: children([inner]))
        case .near(let left, let right, let within, let leftRule, let rightRule):
            let pair = nearPair(left, right, within: within)
            return RuleTrace(label: "NEAR/\(within)", value: value,
                             hits: pair.map { [hits[$0.0.hit], hits[$0.1.hit]] } ?? [],
                             children: children([leftRule, rightRule]))
        }
    }

    func topicTrace(_ topic: CompiledTopic, name: String) -> TopicTrace {
        TopicTrace(topic: name, ruleText: topic.ruleText, fired: fires(topic), score: score(topic),
                   threshold: topic.threshold, tree: trace(topic.rule, 0, in: topic.program))
    }

    private func occurrencesOf(_ leaf: CompiledRule.Leaf) -> [Occurrence] {
        guard let target = leaf.target else { return [] }
        // A linear search: an item has few occurrences, and this runs only for
        // traces of fired topics and NEAR.
        let key = target.key
        var found: [Occurrence] = []
        for k in targetKeys.indices where targetKeys[k] == key && !fieldMasks[k].intersection(leaf.fields).isEmpty {
            found.append(occurrences[k])
        }
        return found
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
