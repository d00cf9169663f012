import FeedModel

/// The normalised patterns of the automaton and who stands behind each,
/// collected while the matcher compiles entities, conditions and rules.
struct PatternTable {
    let normalizer: TextNormalizer
    private(set) var patterns: [[UInt8]] = []
    private(set) var owners: [[PatternOwner]] = []
    /// Every owner's spelling as written, indexed by `PatternOwner.spelling`.
    private(set) var written: [String] = []
    private var patternIndex: [[UInt8]: Int] = [:]

    init(normalizer: TextNormalizer) {
        self.normalizer = normalizer
    }

    mutating func add(_ spelling: Spelling, for target: MatchTarget, variant: Int? = nil) {
        let bytes = normalizer.normalizeSpelling(spelling.text)
        guard !bytes.isEmpty else { return }
        let index: Int
        if let known = patternIndex[bytes] {
            index = known
        } else {
            index = patterns.count
            patternIndex[bytes] = index
            patterns.append(bytes)
            owners.append([])
        }
        // Two spellings of one entity that normalise alike (Երևան, Երեւան)
        // are one pattern; the first one written names the hit.
        if !owners[index].contains(where: { $0.target == target && $0.isStem == spelling.isStem }) {
            owners[index].append(PatternOwner(target: target, spelling: Int32(written.count), isStem: spelling.isStem,
                                              variant: variant))
            written.append(spelling.written)
        }
    }
}
