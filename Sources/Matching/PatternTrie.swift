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
    /// The start filter, which lets the scan skip most starts without touching
    /// the trie (most text words begin no pattern, or only share a few bytes
    /// with one: "for" with "for georgia", "new" with "new azerbaijan party").
    /// First, per pair of first bytes, 4 bits (`Lengths`): which lengths of
    /// patterns begin with that pair; a direct table read, no hash, 32 KB of
    /// which text touches few lines. Then, unless a pattern of one or two bytes
    /// may match there, a Bloom-like filter over the first 3, 4 or 8 bytes of
    /// the patterns of 3, of 4 to 7, and of 8 or more bytes.
    private let pairLengths: [UInt64]
    private let prefixes: [UInt64]
    private static let prefixBits = 17

    /// Bits of a `pairLengths` entry.
    private enum Lengths {
        static let upToTwo: UInt64 = 1, three: UInt64 = 2, fourToSeven: UInt64 = 4, eightOrMore: UInt64 = 8
    }

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
        var pairLengths = [UInt64](repeating: 0, count: 65536 * 4 / 64)
        var prefixes = [UInt64](repeating: 0, count: 1 << (PatternTrie.prefixBits - 6))
        func markPair(_ pair: Int, _ lengths: UInt64) {
            pairLengths[pair >> 4] |= lengths << UInt64(4 * (pair & 15))
        }
        for pattern in patterns where !pattern.isEmpty {
            guard pattern.count > 1 else {
                for second in 0 ..< 256 { markPair(Int(pattern[0]) | second << 8, Lengths.upToTwo) }
                continue
            }
            let lengths = pattern.count == 2 ? Lengths.upToTwo : pattern.count == 3 ? Lengths.three
                : pattern.count < 8 ? Lengths.fourToSeven : Lengths.eightOrMore
            markPair(Int(pattern[0]) | Int(pattern[1]) << 8, lengths)
            if pattern.count > 2 {
                let word = pattern.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
                let bit = PatternTrie.prefixBit(word, lengths)
                prefixes[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        self.pairLengths = pairLengths
        self.prefixes = prefixes
    }

    /// The filter bit of the first 3, 4 or 8 bytes of `word` (little-endian:
    /// the first byte lowest), as `lengths` (one bit of `Lengths`) says.
    @inline(__always)
    private static func prefixBit(_ word: UInt64, _ lengths: UInt64) -> Int {
        let key: UInt64
        switch lengths {
        case Lengths.three: key = word & 0xFF_FFFF | 3 << 60
        case Lengths.fourToSeven: key = word & 0xFFFF_FFFF | 4 << 60
        default: key = word
        }
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - prefixBits))
    }

    /// Whether a pattern of one of the `fitting` lengths (bits of `Lengths`)
    /// may start at a text whose next eight bytes are `word`.
    @inline(__always)
    private static func mayStart(_ word: UInt64, upTo fitting: UInt64, pairLengths: UnsafeBufferPointer<UInt64>,
                                 prefixes: UnsafeBufferPointer<UInt64>) -> Bool {
        let pair = Int(truncatingIfNeeded: word & 0xFFFF)
        let lengths = (pairLengths[pair >> 4] >> UInt64(4 * (pair & 15))) & fitting
        if lengths == 0 { return false }
        if lengths & Lengths.upToTwo != 0 { return true }
        @inline(__always) func isSet(_ bit: Int) -> Bool { prefixes[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
        return (lengths & Lengths.three != 0 && isSet(prefixBit(word, Lengths.three)))
            || (lengths & Lengths.fourToSeven != 0 && isSet(prefixBit(word, Lengths.fourToSeven)))
            || (lengths & Lengths.eightOrMore != 0 && isSet(prefixBit(word, Lengths.eightOrMore)))
    }

    /// Every occurrence of every pattern in a normalised text that starts at
    /// one of its `patternStarts`, as (pattern, end) with `end` the byte offset
    /// just after it; in order of start, then end.
    func scan(_ normalized: NormalizedTextBuilder) -> [(pattern: Int, end: Int)] {
        scan(normalized.normalizedBytes, from: normalized.patternStarts)
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
        return starts.withUnsafeBufferPointer { scan(bytes, from: $0) }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, from starts: UnsafeBufferPointer<Int32>)
        -> [(pattern: Int, end: Int)] {
        var found: [(pattern: Int, end: Int)] = []
        let n = bytes.count
        pairLengths.withUnsafeBufferPointer { pairLengths in
        prefixes.withUnsafeBufferPointer { prefixes in
            states.withUnsafeBufferPointer { states in
                edgeBytes.withUnsafeBufferPointer { edgeBytes in
                    edgeTargets.withUnsafeBufferPointer { edgeTargets in
                        dense.withUnsafeBufferPointer { dense in
                            for start in starts {
                                var j = Int(start)
                                if j + 8 <= n {
                                    let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + j).loadUnaligned(as: UInt64.self))
                                    if !PatternTrie.mayStart(word, upTo: 15, pairLengths: pairLengths, prefixes: prefixes) { continue }
                                } else if j + 2 <= n {
                                    // Near the end: the bytes that are left, zeros after
                                    // them, and only the lengths that still fit.
                                    var word: UInt64 = 0
                                    for k in 0 ..< n - j { word |= UInt64(bytes[j + k]) << UInt64(8 * k) }
                                    let fitting = n - j >= 4 ? Lengths.upToTwo | Lengths.three | Lengths.fourToSeven
                                        : n - j == 3 ? Lengths.upToTwo | Lengths.three : Lengths.upToTwo
                                    if !PatternTrie.mayStart(word, upTo: fitting, pairLengths: pairLengths, prefixes: prefixes) { continue }
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
        return found
    }
}
