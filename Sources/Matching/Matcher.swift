import FeedModel

/// Finds every spelling of every entity and term in an item's text at once,
/// then evaluates each topic's rule over what was found.
///
/// Spellings, terms and text all go through `TextNormalizer`; one trie over
/// all normalised spellings and terms, walked from every word start, scans
/// each field once. A hit counts only on word boundaries (Unicode letters); a stem
/// (`Şuşa*`) may go on with up to `maxSuffixLength` letters. An entity's
/// `unless` / `requires` context then cancels hits, and the rules (AND, OR,
/// NOT, NEAR/n, field scopes, feed attributes, @topic, weights and thresholds)
/// are evaluated over what is left.
public final class Matcher: Sendable {
    private let normalizer = TextNormalizer()
    private let trie: PatternTrie
    /// Per pattern: who it stands for (its slice of `owners`, one list pattern
    /// after pattern), its length and whether a word boundary applies at its
    /// end, side by side: a dense text brings a candidate every few bytes, and
    /// each costs one cache line here instead of a load from three arrays.
    private let patternInfo: [PatternInfo]
    private let owners: [PatternOwner]
    /// Per `PatternOwner.spelling`: what its hits say, and how it is written.
    private let hitLabels: [HitLabel]
    private let written: [String]
    private let entityNames: [String]
    /// Every entity's `unless` / `requires` conditions in one list, entity
    /// after entity (walked by index: a condition is never copied per hit),
    /// and per entity the range of its own.
    private let conditions: [CompiledCondition]
    private let conditionRanges: [Range<Int>]
    /// The conditions indexed by target: those that target `t` (with its place
    /// there) are `targetConditions[targetConditionStarts[s] ..< targetConditionStarts[s + 1]]`
    /// for `s = Matcher.slot(t.key)`.
    private let targetConditionStarts: [Int32]
    private let targetConditions: [(condition: Int32, place: Int32)]
    /// Whether any entity has `unless` / `requires` context.
    private let hasConditions: Bool
    private let termCount: Int
    private let topicNames: [String]
    private let topics: [CompiledTopic]
    /// Which topics an item's targets leave worth evaluating.
    private let gate: TopicGate
    private let keep: CompiledTopic?
    private let scannedFields: [ItemField]
    private let needsPositions: Bool
    /// Per entity and per term: whether its occurrences are compared by word
    /// distance (the entity has a `_near` condition, or a NEAR names it). Only
    /// a field with one of those gets word numbers: counting words is a pass
    /// over the field's text.
    private let entityNeedsWords: [Bool]
    private let termNeedsWords: [Bool]
    private let maxSuffixLength: Int

    /// `keep` is the global [keep] rule; without one an item is kept when any topic fires.
    public init(entities: [EntityDefinition], topics: [TopicDefinition], keep: TopicDefinition? = nil,
                maxSuffixLength: Int = 6) {
        self.maxSuffixLength = max(0, maxSuffixLength)
        var compiler = RuleCompiler(entities: entities, topics: topics, normalizer: TextNormalizer())
        let perEntity = entities.map { compiler.conditions(of: $0) }
        conditions = Array(perEntity.joined())
        var ranges: [Range<Int>] = []
        for list in perEntity {
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start ..< start + list.count)
        }
        conditionRanges = ranges
        var byTarget: [[(condition: Int32, place: Int32)]] = []
        for (id, condition) in conditions.enumerated() {
            for (key, place) in condition.targetPlaces {
                let slot = Self.slot(key)
                if byTarget.count <= slot { byTarget += Array(repeating: [], count: slot + 1 - byTarget.count) }
                byTarget[slot].append((Int32(id), Int32(place)))
            }
        }
        var targetStarts: [Int32] = [0]
        for list in byTarget { targetStarts.append(targetStarts[targetStarts.count - 1] + Int32(list.count)) }
        targetConditionStarts = targetStarts
        targetConditions = Array(byTarget.joined())
        self.topics = topics.map {
            CompiledTopic(rule: compiler.compile($0.rule), threshold: $0.threshold, ruleText: $0.ruleText)
        }
        gate = TopicGate(topics: self.topics)
        self.keep = keep.map {
            CompiledTopic(rule: compiler.compile($0.rule), threshold: $0.threshold, ruleText: $0.ruleText)
        }
        trie = PatternTrie(patterns: compiler.table.patterns)
        owners = Array(compiler.table.owners.joined())
        var info: [PatternInfo] = []
        var ownerStart = 0
        for (pattern, list) in compiler.table.owners.enumerated() {
            info.append(PatternInfo(length: Int32(trie.patternLengths[pattern]), ownerStart: Int32(ownerStart),
                                    ownerEnd: Int32(ownerStart + list.count),
                                    checksEnd: WordBoundary.endsWithWord(compiler.table.patterns[pattern])))
            ownerStart += list.count
        }
        patternInfo = info
        written = compiler.table.written
        var labels = compiler.table.written.map { HitLabel(entity: nil, spelling: $0, variant: nil, side: nil) }
        for owner in compiler.table.owners.joined() {
            guard case .entity(let index) = owner.target else { continue }
            let variant = owner.variant.map { entities[index].contested[$0] }
            labels[Int(owner.spelling)] = HitLabel(entity: entities[index].name, spelling: labels[Int(owner.spelling)].spelling,
                                                   variant: variant?.name, side: variant?.side)
        }
        hitLabels = labels
        hasConditions = !conditions.isEmpty
        entityNames = entities.map(\.name)
        termCount = compiler.termCount
        topicNames = topics.map(\.name)
        scannedFields = ItemField.allCases.filter { compiler.scannedFields.contains($0) }
        needsPositions = compiler.needsPositions
        var entityNeedsWords = perEntity.map { $0.contains { $0.withinWords != nil } }
        var termNeedsWords = [Bool](repeating: false, count: compiler.termCount)
        for target in compiler.nearTargets {
            switch target {
            case .entity(let index): entityNeedsWords[index] = true
            case .term(let index): termNeedsWords[index] = true
            }
        }
        self.entityNeedsWords = entityNeedsWords
        self.termNeedsWords = termNeedsWords
    }

    @inline(__always)
    private func needsWords(_ occurrence: Occurrence) -> Bool {
        switch occurrence.owner.target {
        case .entity(let index): return entityNeedsWords[index]
        case .term(let index): return termNeedsWords[index]
        }
    }

    public func match(_ input: MatchInput) -> MatchResult {
        evaluate(input, explainingAll: false)
    }

    /// Like `match`, with a trace of every topic's rule (and the [keep] rule's), fired or not.
    /// `match` builds no traces: ask for them here, for the items whose reasons are shown.
    public func explain(_ input: MatchInput) -> MatchResult {
        evaluate(input, explainingAll: true)
    }

    private func evaluate(_ input: MatchInput, explainingAll: Bool) -> MatchResult {
        var scanned = scan(input)
        var reasons: [String?] = []
        if hasConditions && !scanned.found.isEmpty {
            reasons = cancellations(of: scanned.found)
        }
        // Each hit is made once, straight into its list; a kept occurrence's
        // `hit` becomes its index among the kept hits (what traces look up).
        var hits: [Hit] = []
        var cancelled: [Hit] = []
        var kept: [Occurrence] = []
        hits.reserveCapacity(scanned.found.count)
        kept.reserveCapacity(scanned.found.count)
        // `found` goes field after field in the order of `scannedFields`, so its texts are taken in turn.
        var slot = 0
        for index in scanned.found.indices {
            let occurrence = scanned.found[index]
            while scannedFields[slot] != occurrence.field { slot += 1 }
            let text = scanned.texts[slot]
            if !reasons.isEmpty, let reason = reasons[index] {
                var hit = hit(occurrence, original: scanned.originals[index], text: text)
                hit.cancelledBy = reason
                cancelled.append(hit)
            } else {
                scanned.found[index].hit = hits.count
                hits.append(hit(occurrence, original: scanned.originals[index], text: text))
                kept.append(scanned.found[index])
            }
        }
        let evaluation = RuleEvaluation(entityCount: entityNames.count, termCount: termCount, occurrences: kept,
                                        hits: hits, input: input, topics: topics)
        var fired: [String] = []
        var explanations: [TopicTrace] = []
        // `MatchResult.score`: the best score of a fired topic, as `max()` over their traces would give it.
        var best: Double?
        func consider(_ score: Double) {
            if best.map({ $0 < score }) ?? true { best = score }
        }
        Scratch.with(Bool.self, count: topics.count) { mayFire in
            gate.mark(kept, into: mayFire)
            for (index, name) in topicNames.enumerated() {
                // A topic none of whose needed targets occurs is false (`TopicGate`).
                let fires = (mayFire[index] || explainingAll) && evaluation.fires(index)
                if fires {
                    fired.append(name)
                    if let score = evaluation.firedScore(topics[index]) { consider(score) }
                }
                if explainingAll { explanations.append(evaluation.topicTrace(topics[index], name: name)) }
            }
        }
        var decision: Bool?
        if let keep {
            decision = evaluation.fires(keep)
            // The score counts every fired trace named like a fired topic: a topic called `keep` lets the [keep] rule's in.
            if decision == true && fired.contains("keep"), let score = evaluation.firedScore(keep) { consider(score) }
            if explainingAll { explanations.append(evaluation.topicTrace(keep, name: "keep")) }
        }
        return MatchResult(topics: fired, hits: hits, keep: decision, cancelled: cancelled,
                           explanations: explanations, score: best)
    }

    /// What `scan` found: every occurrence in every scanned field (in the
    /// order of `scannedFields`, then text order), per occurrence its original
    /// UTF-8 range, and the scanned fields' texts.
    private struct Scan {
        var found: [Occurrence] = []
        var originals: [Range<Int>] = []
        var texts: [String] = []
    }

    private func scan(_ input: MatchInput) -> Scan {
        var result = Scan()
        result.texts = scannedFields.map { input.text(of: $0) }
        let longest = result.texts.map(\.utf8.count).max() ?? 0
        let capacity = longest + 16
        let byteCount = NormalizedTextBuilder.scratchByteCount(capacity: capacity)
        // The normaliser's three buffers in one piece of scratch on the stack
        // for the usual item; a long content field gets them on the heap.
        if byteCount <= Matcher.stackScratchLimit {
            withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 16) { scratch in
                var buffer = NormalizedTextBuilder(capacity: capacity, carving: scratch.baseAddress!)
                scanFields(into: &result, buffer: &buffer)
                buffer.deallocate()
            }
        } else {
            var buffer = NormalizedTextBuilder(capacity: capacity)
            scanFields(into: &result, buffer: &buffer)
            buffer.deallocate()
        }
        return result
    }

    /// Scratch up to this size goes on the stack (a poll worker's stack has room for it).
    private static let stackScratchLimit = 16 * 1024

    private func scanFields(into result: inout Scan, buffer: inout NormalizedTextBuilder) {
        // Reused by every field: the trie's matches and one field's occurrences
        // (no room reserved up front: most items of real feeds have no match).
        var matches: [(pattern: Int, end: Int)] = []
        var inField: [Occurrence] = []
        for (slot, field) in scannedFields.enumerated() {
            let text = result.texts[slot]
            guard !text.isEmpty else { continue }
            normalizer.normalize(text, into: &buffer)
            occurrences(in: buffer, matches: &matches, into: &inField)
            guard !inField.isEmpty else { continue }
            if needsPositions && inField.contains(where: needsWords) {
                WordOrdinals.assign(to: &inField, in: buffer.normalizedBytes, starts: buffer.patternStarts)
            }
            if result.found.isEmpty {
                result.found.reserveCapacity(max(16, inField.count * 2))
                result.originals.reserveCapacity(max(16, inField.count * 2))
            }
            for var occurrence in inField {
                occurrence.field = field
                // Until the hits are made: the occurrence's index in `found`, which tells it apart.
                occurrence.hit = result.found.count
                result.originals.append(buffer.originalRange(of: occurrence.range))
                result.found.append(occurrence)
            }
        }
    }

    /// Per occurrence: why its entity's `unless` / `requires` context cancels
    /// it, or nil. The context is judged on every occurrence found (an @entity
    /// in it counts even where its own conditions would cancel it). A condition
    /// without `_near` has one context per item (unless it is the hit itself),
    /// so it is looked for once per item, not once per hit.
    private func cancellations(of found: [Occurrence]) -> [String?] {
        // Made when the first hit is cancelled: most items have none.
        var reasons: [String?] = []
        // Per condition: not looked for yet, none, or the context; and its
        // targets' occurrences, in order (found for all conditions in one pass).
        var contexts: [ConditionContext] = []
        var candidates = TargetOccurrences()
        for (position, occurrence) in found.enumerated() {
            guard case .entity(let entity) = occurrence.owner.target, !conditionRanges[entity].isEmpty else { continue }
            if contexts.isEmpty {
                contexts = Array(repeating: .unknown, count: conditions.count)
                candidates = targetOccurrences(in: found)
            }
            for id in conditionRanges[entity] {
                let targets = candidates[id]
                var context: (index: Int, place: Int)?
                if targets.isEmpty {
                    context = nil
                } else if conditions[id].withinWords == nil {
                    if case .unknown = contexts[id] {
                        contexts[id] = conditions[id].context(of: nil, among: found, candidates: targets)
                            .map { .found($0.index, $0.place) } ?? .none
                    }
                    if case .found(let index, let place) = contexts[id] {
                        let other = found[index]
                        let isItself = other.owner.target == occurrence.owner.target && other.range == occurrence.range
                            && other.field == occurrence.field
                        context = isItself ? conditions[id].context(of: occurrence, among: found, candidates: targets)
                            : (index, place)
                    }
                } else {
                    context = conditions[id].context(of: occurrence, among: found, candidates: targets)
                }
                if let reason = conditions[id].cancellation(by: context, among: found, written: written) {
                    if reasons.isEmpty { reasons = Array(repeating: nil, count: found.count) }
                    reasons[position] = reason
                    break
                }
            }
        }
        return reasons
    }

    private struct PatternInfo {
        let length: Int32
        let ownerStart: Int32
        let ownerEnd: Int32
        let checksEnd: Bool
    }

    /// Per condition, the occurrences of its targets (index in `found`, the
    /// target's place in the condition), in order: all in one list, condition
    /// after condition, instead of an array per condition (two allocations per
    /// item instead of one per condition that has some, and no release of forty).
    private struct TargetOccurrences {
        var starts: [Int32] = []
        var entries: [(index: Int, place: Int)] = []

        subscript(condition: Int) -> ArraySlice<(index: Int, place: Int)> {
            entries[Int(starts[condition]) ..< Int(starts[condition + 1])]
        }
    }

    private func targetOccurrences(in found: [Occurrence]) -> TargetOccurrences {
        // Two passes over the occurrences: count per condition (running sums
        // make `starts[c]` the end of condition c's entries), then place each
        // from the back, moving `starts[c]` down to where c's entries begin.
        var starts = [Int32](repeating: 0, count: conditions.count + 1)
        for occurrence in found {
            let slot = Self.slot(occurrence.owner.target.key)
            guard slot + 1 < targetConditionStarts.count else { continue }
            for k in Int(targetConditionStarts[slot]) ..< Int(targetConditionStarts[slot + 1]) {
                starts[Int(targetConditions[k].condition)] += 1
            }
        }
        for id in 1 ..< starts.count { starts[id] += starts[id - 1] }
        var entries = [(index: Int, place: Int)](repeating: (0, 0), count: Int(starts[conditions.count]))
        for index in found.indices.reversed() {
            let slot = Self.slot(found[index].owner.target.key)
            guard slot + 1 < targetConditionStarts.count else { continue }
            // This target's conditions backwards too, so each condition's entries stay in order.
            for k in (Int(targetConditionStarts[slot]) ..< Int(targetConditionStarts[slot + 1])).reversed() {
                let (condition, place) = targetConditions[k]
                starts[Int(condition)] -= 1
                entries[Int(starts[Int(condition)])] = (index, Int(place))
            }
        }
        return TargetOccurrences(starts: starts, entries: entries)
    }

    /// A target's key as an index: entities even, terms odd (their keys are negative).
    private static func slot(_ key: Int32) -> Int {
        key >= 0 ? Int(key) * 2 : Int(-1 - key) * 2 + 1
    }

    private enum ConditionContext {
        case unknown, none
        case found(Int, Int)
    }

    /// The normalised form of a text, for `match --explain` and tests.
    public func normalized(_ text: String) -> String {
        normalizer.normalize(text).string
    }

    /// Every occurrence in one field's text, in text order, with overlapping
    /// occurrences of the same entity or term reduced to the longest.
    /// `candidates` receives them (emptied first); `matches` is scratch for the trie's.
    private func occurrences(in normalized: NormalizedTextBuilder, matches: inout [(pattern: Int, end: Int)],
                             into candidates: inout [Occurrence]) {
        let bytes = normalized.normalizedBytes
        candidates.removeAll(keepingCapacity: true)
        // The trie only starts patterns where the start boundary holds: at the
        // starts the normaliser recorded.
        trie.scan(normalized, into: &matches)
        // Room for all at once (owners may add a few), instead of growing 1, 2, 4...
        if candidates.capacity < matches.count { candidates.reserveCapacity(max(16, matches.count + 4)) }
        for (pattern, end) in matches {
            let info = patternInfo[pattern]
            let start = end - Int(info.length)
            let checks = info.checksEnd
            // Whether the pattern ends inside a word: nil until an owner needs it.
            var endsInsideWord: Bool?
            for index in Int(info.ownerStart) ..< Int(info.ownerEnd) {
                let owner = owners[index]
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
                candidates.append(Occurrence(owner: owner, range: start..<hitEnd))
            }
        }
        guard !candidates.isEmpty else { return }
        let inTextOrder: (Occurrence, Occurrence) -> Bool = { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.upperBound != b.range.upperBound { return a.range.upperBound > b.range.upperBound }
            return Matcher.order(a.owner.target) < Matcher.order(b.owner.target)
        }
        // The scan yields them by start, then shorter end first; only then
        // (or with equal ranges) is the sort needed. The sort is stable, so it
        // gives the same order as always sorting.
        var sorted = true
        for k in candidates.indices.dropFirst() where !inTextOrder(candidates[k - 1], candidates[k]) {
            sorted = false
            break
        }
        if !sorted { candidates.sort(by: inTextOrder) }
        // Usually nothing overlaps and the text order is all there is to do.
        var reach = 0
        var overlapping = false
        for candidate in candidates {
            if candidate.range.lowerBound < reach { overlapping = true; break }
            reach = max(reach, candidate.range.upperBound)
        }
        if !overlapping { return }

        // Overlaps only happen inside a cluster of candidates that overlap one
        // another in a chain; each cluster is resolved on its own, longest
        // first, so a shorter overlapping spelling of the same thing (Karabakh
        // inside Nagorno-Karabakh) is dropped; among equals the first in text
        // order wins (as one longest-first pass over all candidates would).
        let count = candidates.count
        Scratch.with(Bool.self, count: count) { accepted in
            accepted.initialize(repeating: false)
            Scratch.with(Int.self, count: count) { order in
                var clusterStart = 0
                while clusterStart < count {
                    var clusterEnd = clusterStart + 1
                    var clusterReach = candidates[clusterStart].range.upperBound
                    while clusterEnd < count && candidates[clusterEnd].range.lowerBound < clusterReach {
                        clusterReach = max(clusterReach, candidates[clusterEnd].range.upperBound)
                        clusterEnd += 1
                    }
                    let cluster = clusterStart ..< clusterEnd
                    // The cluster's indices, longest first, then in text order (a total order).
                    var byLength = UnsafeMutableBufferPointer(rebasing: order[0 ..< cluster.count])
                    for (k, index) in cluster.enumerated() { byLength[k] = index }
                    byLength.sort { a, b in
                        let la = candidates[a].range.count, lb = candidates[b].range.count
                        if la != lb { return la > lb }
                        return a < b
                    }
                    for index in byLength {
                        let candidate = candidates[index]
                        let clash = cluster.contains { other in
                            accepted[other] && candidates[other].owner.target == candidate.owner.target
                                && candidates[other].range.overlaps(candidate.range)
                        }
                        if !clash { accepted[index] = true }
                    }
                    clusterStart = clusterEnd
                }
            }
            var kept = 0
            for index in 0 ..< count where accepted[index] {
                candidates[kept] = candidates[index]
                kept += 1
            }
            candidates.removeLast(count - kept)
        }
    }

    /// Entities before terms, each in definition order.
    private static func order(_ target: MatchTarget) -> Int {
        switch target {
        case .entity(let index): return index
        case .term(let index): return Int(Int32.max) + index
        }
    }

    private func hit(_ occurrence: Occurrence, original: Range<Int>, text: String) -> Hit {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: original.lowerBound)
        let to = utf8.index(from, offsetBy: original.count)
        let label = hitLabels[Int(occurrence.owner.spelling)]
        // The offset map gives whole scalars, so the slice is valid UTF-8: copied, not decoded again.
        return Hit(entity: label.entity, spelling: label.spelling, field: occurrence.field,
                   matchedText: String(text[from..<to]),
                   start: original.lowerBound, end: original.upperBound,
                   variant: label.variant, side: label.side)
    }
}
