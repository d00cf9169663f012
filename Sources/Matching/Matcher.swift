import FeedModel

/// Finds every spelling of every entity and term in an item's text at once,
/// then evaluates each topic's rule over what was found.
///
/// Spellings, terms and text all go through `TextNormalizer`; one trie over
/// all normalised spellings and terms, walked from every word start, scans
/// each field once. A hit counts only on word boundaries (Unicode letters); a stem
/// (`Şuşa*`) may go on with up to `maxSuffixLength` letters.
public final class Matcher: Sendable {
    private let normalizer = TextNormalizer()
    private let trie: PatternTrie
    /// Per pattern: who it stands for, and whether a word boundary applies at its end.
    private let owners: [[PatternOwner]]
    private let checksEnd: [Bool]
    private let entityNames: [String]
    private let termCount: Int
    private let topicNames: [String]
    private let rules: [CompiledRule]
    private let maxSuffixLength: Int

    public init(entities: [EntityDefinition], topics: [TopicDefinition], maxSuffixLength: Int = 6) {
        self.maxSuffixLength = max(0, maxSuffixLength)
        let normalizer = TextNormalizer()
        var patternIndex: [[UInt8]: Int] = [:]
        var patterns: [[UInt8]] = []
        var owners: [[PatternOwner]] = []

        func addPattern(_ spelling: Spelling, for target: MatchTarget) {
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
                owners[index].append(PatternOwner(target: target, written: spelling.written, isStem: spelling.isStem))
            }
        }

        var entityIndex: [String: Int] = [:]
        for (index, entity) in entities.enumerated() {
            if entityIndex[entity.name] == nil { entityIndex[entity.name] = index }
            for spelling in entity.spellings { addPattern(spelling, for: .entity(index)) }
        }

        // Terms that normalise alike ("Border", "border") are one term.
        struct TermKey: Hashable { let bytes: [UInt8]; let isStem: Bool }
        var termIndex: [TermKey: Int] = [:]
        func compile(_ rule: RuleExpression) -> CompiledRule {
            switch rule {
            case .entity(let name):
                return .entity(entityIndex[name])
            case .term(let spelling):
                let key = TermKey(bytes: normalizer.normalizeSpelling(spelling.text), isStem: spelling.isStem)
                let index: Int
                if let known = termIndex[key] {
                    index = known
                } else {
                    index = termIndex.count
                    termIndex[key] = index
                    addPattern(spelling, for: .term(index))
                }
                return .term(index)
            case .and(let parts):
                return .and(parts.map(compile))
            case .or(let parts):
                return .or(parts.map(compile))
            case .not(let inner):
                return .not(compile(inner))
            }
        }
        rules = topics.map { compile($0.rule) }

        trie = PatternTrie(patterns: patterns)
        self.owners = owners
        checksEnd = patterns.map(WordBoundary.endsWithWord)
        entityNames = entities.map(\.name)
        termCount = termIndex.count
        topicNames = topics.map(\.name)
    }

    public func match(_ input: MatchInput) -> MatchResult {
        var foundEntities = [Bool](repeating: false, count: entityNames.count)
        var foundTerms = [Bool](repeating: false, count: termCount)
        var hits: [Hit] = []
        let longest = ItemField.allCases.map { input.text(of: $0).utf8.count }.max() ?? 0
        var buffer = NormalizedTextBuilder(capacity: longest + 16)
        defer { buffer.deallocate() }
        for field in ItemField.allCases {
            let text = input.text(of: field)
            guard !text.isEmpty else { continue }
            normalizer.normalize(text, into: &buffer)
            for found in occurrences(in: buffer) {
                switch found.target {
                case .entity(let index): foundEntities[index] = true
                case .term(let index): foundTerms[index] = true
                }
                hits.append(hit(found, original: buffer.originalRange(of: found.range), field: field, text: text))
            }
        }
        let topics = zip(topicNames, rules).compactMap { name, rule in
            rule.evaluate(entities: foundEntities, terms: foundTerms) ? name : nil
        }
        return MatchResult(topics: topics, hits: hits)
    }

    /// The normalised form of a text, for `match --explain` and tests.
    public func normalized(_ text: String) -> String {
        normalizer.normalize(text).string
    }

    /// One accepted occurrence, in normalised byte offsets. Plain values only
    /// (the owner by index), so sorting and copying them costs no reference counting.
    private struct Occurrence {
        let target: MatchTarget
        /// `owners[pattern][owner]` is the spelling that hit.
        let pattern: Int32
        let owner: Int32
        let range: Range<Int>
    }

    /// Every occurrence in one field's text, in text order, with overlapping
    /// occurrences of the same entity or term reduced to the longest.
    private func occurrences(in normalized: NormalizedTextBuilder) -> [Occurrence] {
        let bytes = normalized.normalizedBytes
        var candidates: [Occurrence] = []
        // The trie only starts patterns where the start boundary holds.
        for (pattern, end) in trie.scan(normalized) {
            let start = end - trie.patternLengths[pattern]
            let checks = checksEnd[pattern]
            // Whether the pattern ends inside a word: nil until needed.
            var endsInsideWord: Bool?
            let patternOwners = owners[pattern]
            for index in patternOwners.indices {
                let owner = patternOwners[index]
                var hitEnd = end
                if checks {
                    if owner.isStem {
                        guard let stemEnd = WordBoundary.stemEnd(from: end, in: bytes, maxSuffix: maxSuffixLength)
                        else { continue }
                        hitEnd = stemEnd
                    } else {
                        if endsInsideWord == nil {
                            endsInsideWord = WordBoundary.scalar(at: end, in: bytes).map { WordBoundary.isWord($0.value) } ?? false
                        }
                        if endsInsideWord == true { continue }
                    }
                }
                candidates.append(Occurrence(target: owner.target, pattern: Int32(pattern), owner: Int32(index),
                                             range: start..<hitEnd))
            }
        }
        guard !candidates.isEmpty else { return [] }
        let inTextOrder: (Occurrence, Occurrence) -> Bool = { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.upperBound != b.range.upperBound { return a.range.upperBound > b.range.upperBound }
            return Matcher.order(a.target) < Matcher.order(b.target)
        }
        // The scan yields text order by start, then by shorter end first; only
        // ties need the sort, so usually it is skipped.
        if zip(candidates, candidates.dropFirst()).contains(where: { !inTextOrder($0, $1) }) {
            candidates.sort(by: inTextOrder)
        }
        // Usually nothing overlaps and the text order is all there is to do.
        var reach = 0
        var overlapping = false
        for candidate in candidates {
            if candidate.range.lowerBound < reach { overlapping = true; break }
            reach = max(reach, candidate.range.upperBound)
        }
        if !overlapping { return candidates }

        // Overlaps only happen inside a cluster of candidates that overlap
        // one another in a chain; each cluster is resolved on its own, longest
        // first, so a shorter overlapping spelling of the same thing (Karabakh
        // inside Nagorno-Karabakh) is dropped; among equals the first in text
        // order wins.
        var accepted = [Bool](repeating: false, count: candidates.count)
        var clusterStart = 0
        while clusterStart < candidates.count {
            var clusterEnd = clusterStart + 1
            var clusterReach = candidates[clusterStart].range.upperBound
            while clusterEnd < candidates.count && candidates[clusterEnd].range.lowerBound < clusterReach {
                clusterReach = max(clusterReach, candidates[clusterEnd].range.upperBound)
                clusterEnd += 1
            }
            let cluster = clusterStart ..< clusterEnd
            let byLength = cluster.sorted { a, b in
                let la = candidates[a].range.count, lb = candidates[b].range.count
                if la != lb { return la > lb }
                return a < b
            }
            for index in byLength {
                let candidate = candidates[index]
                let clash = cluster.contains { other in
                    accepted[other] && candidates[other].target == candidate.target
                        && candidates[other].range.overlaps(candidate.range)
                }
                if !clash { accepted[index] = true }
            }
            clusterStart = clusterEnd
        }
        return candidates.indices.filter { accepted[$0] }.map { candidates[$0] }
    }

    /// Entities before terms, each in definition order.
    private static func order(_ target: MatchTarget) -> Int {
        switch target {
        case .entity(let index): return index
        case .term(let index): return Int(Int32.max) + index
        }
    }

    private func hit(_ occurrence: Occurrence, original: Range<Int>, field: ItemField, text: String) -> Hit {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: original.lowerBound)
        let to = utf8.index(from, offsetBy: original.count)
        let entity: String?
        switch occurrence.target {
        case .entity(let index): entity = entityNames[index]
        case .term: entity = nil
        }
        return Hit(entity: entity, spelling: owners[Int(occurrence.pattern)][Int(occurrence.owner)].written, field: field,
                   matchedText: String(decoding: utf8[from..<to], as: UTF8.self),
                   start: original.lowerBound, end: original.upperBound)
    }
}
