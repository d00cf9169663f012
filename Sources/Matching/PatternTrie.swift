/// All patterns (normalised spellings and terms) in one trie over bytes.
/// States with many children (the root and the first bytes of each script)
/// get a dense 256-entry row, one read per step; all others, mostly one
/// child deep inside a word, keep a short sorted edge list. That keeps even
/// 10,000 spellings in a few MB, where a full DFA row per state grows to
/// states x alphabet.
///
/// Why a trie and not Aho-Corasick: a pattern that starts with a word scalar
/// may only start at a word start (the boundary rule), and one that starts
/// with a non-word scalar only at a non-word scalar. So `scan` walks the trie
/// from those positions only and never needs failure links; most walks die
/// after a byte or two, and the scan skips the inside of words.
struct PatternTrie: Sendable {
    /// One state, read once per step.
    struct State: Sendable {
        /// Children: the dense row at `first` when `count` is negative,
        /// otherwise `edges[first ..< first + count]`, sorted by byte.
        var first: Int32
        var count: Int32
        /// The pattern that ends here, or -1.
        var pattern: Int32
    }

    /// A state with more children than this gets a dense row.
    private static let denseFrom = 8

    private let states: [State]
    /// Edge labels and targets of the sparse states.
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    /// Dense rows, 256 targets each (-1: no child).
    private let dense: [Int32]
    let patternLengths: [Int]
    /// Bloom-like filters of how patterns begin, 16 KB each, that stay in the
    /// cache and let the scan skip most starts without touching the trie: the
    /// first four bytes of the patterns of four bytes or more (two letters of
    /// Cyrillic or Armenian, where three bytes would be one and a half), and the
    /// first three bytes of the shorter ones (every continuation of those of one
    /// or two bytes).
    private let firstFours: [UInt64]
    private let shortTriples: [UInt64]
    /// The first two bytes of the patterns of up to three bytes (with every
    /// second byte for those of one), as a direct bit table: most starts
    /// begin no short pattern, and this read needs no hash. (Such a table in
    /// front of `firstFours` was slower: half of all starts pass it, and the
    /// mispredicted branch costs more than the hash; bench/README.md, fifth round.)
    private let shortPairs: [UInt64]
    /// A second look for the few starts that pass `firstFours`, so that text
    /// which only begins like a long pattern ("for the" and "for georgia",
    /// "new york" and "new azerbaijan party") skips the walk: the first four
    /// bytes of the patterns of four to seven bytes, and the first eight of
    /// the longer ones.
    private let midFours: [UInt64]
    private let firstEights: [UInt64]
    private static let filterBits = 17

    init(patterns: [[UInt8]]) {
        // The trie with growable edges while building.
        var children: [[(byte: UInt8, state: Int)]] = [[]]
        var ends: [Int32] = [-1]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for b in pattern {
                if let next = children[state].first(where: { $0.byte == b })?.state {
                    state = next
                } else {
                    children.append([])
                    ends.append(-1)
                    children[state].append((b, children.count - 1))
                    state = children.count - 1
                }
            }
            if ends[state] < 0 { ends[state] = Int32(id) }
        }

        var states: [State] = []
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        var dense: [Int32] = []
        states.reserveCapacity(children.count)
        for (state, kids) in children.enumerated() {
            if kids.count > PatternTrie.denseFrom {
                let row = dense.count
                dense += [Int32](repeating: -1, count: 256)
                for kid in kids { dense[row + Int(kid.byte)] = Int32(kid.state) }
                states.append(State(first: Int32(row), count: -1, pattern: ends[state]))
            } else {
                states.append(State(first: Int32(edgeBytes.count), count: Int32(kids.count), pattern: ends[state]))
                for kid in kids.sorted(by: { $0.byte < $1.byte }) {
                    edgeBytes.append(kid.byte)
                    edgeTargets.append(Int32(kid.state))
                }
            }
        }
        self.states = states
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.dense = dense
        self.patternLengths = patterns.map(\.count)
        var firstFours = [UInt64](repeating: 0, count: 1 << (PatternTrie.filterBits - 6))
        var shortTriples = firstFours
        var shortPairs = [UInt64](repeating: 0, count: 65536 / 64)
        var midFours = firstFours
        var firstEights = firstFours
        func mark(_ filter: inout [UInt64], _ key: UInt32) {
            let bit = PatternTrie.bit(key)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        for pattern in patterns where !pattern.isEmpty {
            let key = pattern.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if pattern.count <= 3 {
                for second in pattern.count == 1 ? 0 ..< 256 : Int(pattern[1]) ..< Int(pattern[1]) + 1 {
                    let pair = Int(pattern[0]) << 8 | second
                    shortPairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
            switch pattern.count {
            case 1: for rest in 0 ..< UInt32(1 << 16) { mark(&shortTriples, key << 16 | rest) }
            case 2: for rest in 0 ..< UInt32(1 << 8) { mark(&shortTriples, key << 8 | rest) }
            case 3: mark(&shortTriples, key)
            default:
                mark(&firstFours, key)
                if pattern.count < 8 {
                    mark(&midFours, key)
                } else {
                    let next = pattern[4 ..< 8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                    mark(&firstEights, PatternTrie.eightKey(key, next))
                }
            }
        }
        self.firstFours = firstFours
        self.shortTriples = shortTriples
        self.shortPairs = shortPairs
        self.midFours = midFours
        self.firstEights = firstEights
    }

    @inline(__always)
    private static func bit(_ key: UInt32) -> Int {
        Int((key &* 0x9E37_79B1) >> UInt32(32 - filterBits))
    }

    /// One 32-bit key for eight bytes, from the keys of their two halves.
    @inline(__always)
    private static func eightKey(_ first: UInt32, _ next: UInt32) -> UInt32 {
        first ^ (next &* 0x85EB_CA6B) ^ (next >> 15)
    }

    @inline(__always)
    private static func isSet(_ filter: UnsafeBufferPointer<UInt64>, _ key: UInt32) -> Bool {
        let bit = bit(key)
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// Every occurrence of every pattern in a normalised text that starts at
    /// one of its `patternStarts`, as (pattern, end) with `end` the byte offset
    /// just after it; in order of start, then end.
    func scan(_ normalized: NormalizedTextBuilder) -> [(pattern: Int, end: Int)] {
        var found: [(pattern: Int, end: Int)] = []
        scan(normalized.normalizedBytes, from: normalized.patternStarts, into: &found)
        return found
    }

    /// The same into `found` (emptied first, its capacity kept): the matcher
    /// reuses one array for every field of an item.
    func scan(_ normalized: NormalizedTextBuilder, into found: inout [(pattern: Int, end: Int)]) {
        found.removeAll(keepingCapacity: true)
        scan(normalized.normalizedBytes, from: normalized.patternStarts, into: &found)
    }

    /// The same over any normalised bytes: the starts are found by decoding.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [(pattern: Int, end: Int)] {
        var starts: [Int32] = []
        var previousWasWord = false
        var i = 0
        while i < bytes.count {
            let (value, length) = TextNormalizer.decode(bytes, at: i)
            let word = WordBoundary.isWord(value)
            if !(word && previousWasWord) && value != 0x20 { starts.append(Int32(i)) }
            previousWasWord = word
            i += length
        }
        var found: [(pattern: Int, end: Int)] = []
        starts.withUnsafeBufferPointer { scan(bytes, from: $0, into: &found) }
        return found
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, from starts: UnsafeBufferPointer<Int32>,
                      into found: inout [(pattern: Int, end: Int)]) {
        let n = bytes.count
        firstFours.withUnsafeBufferPointer { firstFours in
        shortTriples.withUnsafeBufferPointer { shortTriples in
        shortPairs.withUnsafeBufferPointer { shortPairs in
            states.withUnsafeBufferPointer { states in
                edgeBytes.withUnsafeBufferPointer { edgeBytes in
                    edgeTargets.withUnsafeBufferPointer { edgeTargets in
                        dense.withUnsafeBufferPointer { dense in
                        midFours.withUnsafeBufferPointer { midFours in
                        firstEights.withUnsafeBufferPointer { firstEights in
                            for start in starts {
                                var j = Int(start)
                                if j + 3 < n {
                                    // Big-endian: the first byte highest, as the keys are built.
                                    let four = UInt32(bigEndian: UnsafeRawPointer(bytes.baseAddress! + j).loadUnaligned(as: UInt32.self))
                                    let three = four >> 8
                                    let pair = Int(four >> 16)
                                    let mayBeShort = shortPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
                                        && PatternTrie.isSet(shortTriples, three)
                                    if PatternTrie.isSet(firstFours, four) {
                                        // Unless a short pattern may start here, the four
                                        // bytes must begin one of four to seven bytes, or
                                        // the eight one of eight or more.
                                        if !mayBeShort && !PatternTrie.isSet(midFours, four) {
                                            guard j + 8 <= n else { continue }
                                            let next = UInt32(bigEndian: UnsafeRawPointer(bytes.baseAddress! + j + 4).loadUnaligned(as: UInt32.self))
                                            if !PatternTrie.isSet(firstEights, PatternTrie.eightKey(four, next)) { continue }
                                        }
                                    } else if !mayBeShort {
                                        continue
                                    }
                                }
                                // Walk the trie as far as the text follows it.
                                var state = states[0]
                                walk: while j < n {
                                    let byte = bytes[j]
                                    var next: Int32 = -1
                                    if state.count < 0 {
                                        next = dense[Int(state.first) + Int(byte)]
                                    } else {
                                        let first = Int(state.first)
                                        for k in first ..< first + Int(state.count) where edgeBytes[k] >= byte {
                                            if edgeBytes[k] == byte { next = edgeTargets[k] }
                                            break
                                        }
                                    }
                                    if next < 0 { break walk }
                                    j += 1
                                    state = states[Int(next)]
                                    if state.pattern >= 0 { found.append((Int(state.pattern), j)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        }
        }
        }
        }
    }
}
