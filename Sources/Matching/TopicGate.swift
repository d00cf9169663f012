/// Which topics an item can fire, from the targets found in it. A rule is true
/// only when one of a set of targets occurs (its "needs": a leaf needs itself,
/// an OR any of its parts' needs, an AND the smallest of its parts', NEAR the
/// targets of its left side); a topic none of whose needs occurs is false
/// without evaluating it. Rules that can be true with no target at all (NOT,
/// a feed attribute) are always evaluated, and so is every topic when @topic
/// references form a cycle (Config rejects those; there the memo's order of
/// evaluation decides, so skipping one could change another).
struct TopicGate: Sendable {
    /// Topics evaluated for every item.
    private let always: [Int32]
    /// Per target slot (`MatchTarget.slot`): the topics that need it are
    /// `slotTopics[slotStarts[s] ..< slotStarts[s + 1]]`.
    private let slotStarts: [Int32]
    private let slotTopics: [Int32]

    init(topics: [CompiledTopic]) {
        isAcyclic = !TopicGate.hasCycle(topics)
        var memo = [Set<Int>??](repeating: nil, count: topics.count)
        var always: [Int32] = []
        var bySlot: [[Int32]] = []
        for index in topics.indices {
            guard isAcyclic, let needs = TopicGate.needs(ofTopic: index, topics, &memo) else {
                always.append(Int32(index))
                continue
            }
            for slot in needs {
                if bySlot.count <= slot { bySlot += Array(repeating: [], count: slot + 1 - bySlot.count) }
                bySlot[slot].append(Int32(index))
            }
        }
        var starts: [Int32] = [0]
        for list in bySlot { starts.append(starts[starts.count - 1] + Int32(list.count)) }
        self.always = always
        slotStarts = starts
        slotTopics = Array(bySlot.joined())
    }

    /// Whether no topic refers to itself through @topic references (anywhere
    /// in its rule, under NOT too). Then a rule's value depends on the item
    /// alone, not on which topics the memo settled first.
    let isAcyclic: Bool

    private static func hasCycle(_ topics: [CompiledTopic]) -> Bool {
        let references = topics.map { topic in
            topic.program.nodes.filter { $0.kind == .topic }.map { Int($0.index) }
        }
        // Depth-first: 0 not seen, 1 on the path, 2 done.
        var state = [UInt8](repeating: 0, count: topics.count)
        func visit(_ t: Int) -> Bool {
            if state[t] == 1 { return true }
            if state[t] == 2 { return false }
            state[t] = 1
            for r in references[t] where visit(r) { return true }
            state[t] = 2
            return false
        }
        return topics.indices.contains { visit($0) }
    }

    /// Sets `mayFire[t]` for every topic that can fire given `occurrences`.
    func mark(_ occurrences: [Occurrence], into mayFire: UnsafeMutableBufferPointer<Bool>) {
        mayFire.initialize(repeating: false)
        for topic in always { mayFire[Int(topic)] = true }
        for occurrence in occurrences {
            let slot = occurrence.owner.target.slot
            guard slot + 1 < slotStarts.count else { continue }
            for k in Int(slotStarts[slot]) ..< Int(slotStarts[slot + 1]) { mayFire[Int(slotTopics[k])] = true }
        }
    }

    /// A topic's needs, nil when it can be true with no target (`memo`: per
    /// topic, not worked out yet, or its answer). Only for acyclic references.
    private static func needs(ofTopic index: Int, _ topics: [CompiledTopic], _ memo: inout [Set<Int>??]) -> Set<Int>? {
        if let known = memo[index] { return known }
        let result = needs(of: topics[index].program, at: 0, topics, &memo)
        memo[index] = .some(result)
        return result
    }

    private static func needs(of program: RuleProgram, at k: Int, _ topics: [CompiledTopic],
                              _ memo: inout [Set<Int>??]) -> Set<Int>? {
        let node = program.nodes[k]
        switch node.kind {
        case .entity: return [MatchTarget.entity(Int(node.index)).slot]
        case .term: return [MatchTarget.term(Int(node.index)).slot]
        case .missing, .missingTopic: return []
        case .topic: return needs(ofTopic: Int(node.index), topics, &memo)
        case .attribute, .not: return nil
        case .transparent, .weighted: return needs(of: program, at: k + 1, topics, &memo)
        case .near:
            // NEAR is true only with an occurrence of a left-side leaf.
            guard let left = program.nears[Int(node.index)].left else { return [] }
            return Set(left.compactMap { $0.target?.slot })
        case .and, .or:
            var result: Set<Int>?
            var child = k + 1
            while child < Int(node.end) {
                let part = needs(of: program, at: child, topics, &memo)
                if node.kind == .or {
                    guard let part else { return nil }
                    result = (result ?? []).union(part)
                } else if let part, result.map({ part.count < $0.count }) ?? true {
                    result = part
                }
                child = Int(program.nodes[child].end)
            }
            return node.kind == .or ? (result ?? []) : result
        }
    }
}
