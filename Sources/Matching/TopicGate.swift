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
        var memo = [NeedState](repeating: .unknown, count: topics.count)
        let needs = topics.indices.map { TopicGate.needs(ofTopic: $0, topics, &memo) }
        let cycle = memo.contains { if case .cyclic = $0 { return true } else { return false } }
        var always: [Int32] = []
        var bySlot: [[Int32]] = []
        for index in topics.indices {
            guard !cycle, let needs = needs[index] else {
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

    private enum NeedState {
        /// `cyclic`: reached again while its own needs were being worked out.
        case unknown, visiting, cyclic, none
        case some(Set<Int>)
    }

    /// A topic's needs, nil when it can be true with no target (or refers to itself).
    private static func needs(ofTopic index: Int, _ topics: [CompiledTopic], _ memo: inout [NeedState]) -> Set<Int>? {
        switch memo[index] {
        case .some(let needs): return needs
        case .none, .cyclic: return nil
        case .visiting:
            memo[index] = .cyclic
            return nil
        case .unknown: break
        }
        memo[index] = .visiting
        let program = topics[index].program
        let result = needs(of: program, at: 0, topics, &memo)
        if case .cyclic = memo[index] { return nil }
        memo[index] = result.map { .some($0) } ?? .none
        return result
    }

    private static func needs(of program: RuleProgram, at k: Int, _ topics: [CompiledTopic],
                              _ memo: inout [NeedState]) -> Set<Int>? {
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
