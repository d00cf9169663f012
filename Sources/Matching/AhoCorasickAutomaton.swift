/// One automaton over all patterns (normalised spellings and terms), as a
/// full DFA over byte classes: scanning costs one table read per byte, however
/// many patterns there are.
struct AhoCorasickAutomaton: Sendable {
    /// Byte -> column in `delta`; bytes that occur in no pattern share column 0.
    private let byteClass: [UInt16]
    private let classCount: Int
    /// `delta[row + class]` is the next state's row (`state * classCount`),
    /// negated minus one when that state ends a pattern, so the scan loop
    /// needs one load and one sign test per byte.
    private let delta: [Int32]
    /// Patterns that end in state s: `outputs[outputStart[s] ..< outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    let patternLengths: [Int]

    init(patterns: [[UInt8]]) {
        var byteClass = [UInt16](repeating: 0, count: 256)
        var classCount = 1
        for pattern in patterns {
            for b in pattern where byteClass[Int(b)] == 0 {
                byteClass[Int(b)] = UInt16(classCount)
                classCount += 1
            }
        }

        // The trie, with sparse edges while building.
        var edges: [[UInt16: Int32]] = [[:]]
        var own: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for b in pattern {
                let c = byteClass[Int(b)]
                if let next = edges[state][c] {
                    state = Int(next)
                } else {
                    edges.append([:])
                    own.append([])
                    edges[state][c] = Int32(edges.count - 1)
                    state = edges.count - 1
                }
            }
            own[state].append(Int32(id))
        }

        // Breadth-first: failure links, then every missing edge filled in from
        // the failure state, and outputs merged along failure links.
        let stateCount = edges.count
        var delta = [Int32](repeating: 0, count: stateCount * classCount)
        var fail = [Int32](repeating: 0, count: stateCount)
        var merged = own
        var queue: [Int] = []
        for c in 0..<classCount {
            if let next = edges[0][UInt16(c)] {
                delta[c] = next
                queue.append(Int(next))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            merged[state] += merged[Int(fail[state])]
            for c in 0..<classCount {
                if let next = edges[state][UInt16(c)] {
                    fail[Int(next)] = delta[Int(fail[state]) * classCount + c]
                    delta[state * classCount + c] = next
                    queue.append(Int(next))
                } else {
                    delta[state * classCount + c] = delta[Int(fail[state]) * classCount + c]
                }
            }
        }

        // Rows instead of state numbers, with the output flag in the sign.
        for k in delta.indices {
            let target = Int(delta[k])
            let row = Int32(target * classCount)
            delta[k] = merged[target].isEmpty ? row : -row - 1
        }

        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for list in merged {
            outputs += list
            outputStart.append(Int32(outputs.count))
        }
        self.byteClass = byteClass
        self.classCount = classCount
        self.delta = delta
        self.outputStart = outputStart
        self.outputs = outputs
        self.patternLengths = patterns.map(\.count)
    }

    /// Every occurrence of every pattern in `text`, as (pattern, end) with
    /// `end` the byte offset just after the occurrence, in order of `end`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [(pattern: Int, end: Int)] {
        var found: [(pattern: Int, end: Int)] = []
        do {
            byteClass.withUnsafeBufferPointer { byteClass in
                delta.withUnsafeBufferPointer { delta in
                    var row = 0
                    for i in 0..<bytes.count {
                        let next = Int(delta[row &+ Int(byteClass[Int(bytes[i])])])
                        if next >= 0 {
                            row = next
                        } else {
                            row = -(next + 1)
                            let state = row / classCount
                            for k in Int(outputStart[state]) ..< Int(outputStart[state + 1]) {
                                found.append((Int(outputs[k]), i + 1))
                            }
                        }
                    }
                }
            }
        }
        return found
    }
}
