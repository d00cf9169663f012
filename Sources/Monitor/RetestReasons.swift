import FeedModel

/// The reasons `retest` gives, from an explained match (`Matcher.explain`): for a topic
/// gained, the terms and @entities that fired with the text they hit; for a topic lost,
/// what stops it now (a NOT that found something, a cancelled hit, a threshold not
/// reached, a topic gone from feeds.conf) and which stored hits are no longer found.
enum RetestReasons {
    /// `Peacekeepers: peacekeep* title "peacekeepers"; @Karabakh summary "Karabakh"`
    static func gained(_ topic: String, in result: MatchResult) -> String {
        guard let trace = result.explanations.first(where: { $0.topic == topic }) else { return topic }
        let evidence = firedEvidence(trace.tree)
        return evidence.isEmpty ? "\(topic): rule true" : "\(topic): " + evidence.joined(separator: "; ")
    }

    /// `Karabakh: no longer fires; NOT football: title "football"`, or `Sports: no such topic in feeds.conf now`.
    static func lost(_ topic: String, in result: MatchResult) -> String {
        guard let trace = result.explanations.first(where: { $0.topic == topic }) else {
            return topic == "keep" ? "keep: no [keep] rule now" : "\(topic): no such topic in feeds.conf now"
        }
        var parts: [String]
        if trace.tree.value, let threshold = trace.threshold, trace.score < threshold {
            parts = ["score \(TopicTrace.numberText(trace.score)) below threshold \(TopicTrace.numberText(threshold))"]
        } else {
            parts = ["no longer fires"]
            parts += blockers(trace.tree)
        }
        return "\(topic): " + parts.joined(separator: "; ")
    }

    /// What the item lost since it was stored: hits cancelled by context now, and stored
    /// hits that no spelling or term finds any more (one entry for the whole item).
    static func lostHits(stored: [Hit], now result: MatchResult) -> [String] {
        var reasons = result.cancelled.map { "\(describe($0)) cancelled by \($0.cancelledBy ?? "context")" }
        let found = Set((result.hits + result.cancelled).map(HitPlace.init))
        let missing = stored.filter { !found.contains(HitPlace($0)) }
        if !missing.isEmpty {
            reasons.append("no longer found: " + missing.map { hit in
                describe(hit) + (hit.entity.map { " @\($0)" } ?? "")
            }.joined(separator: ", "))
        }
        return reasons
    }

    /// The true leaves outside NOT, once each, with the distinct text they hit (the first
    /// `shownHits`, then how many more): a long article names Azerbaijan twenty times.
    static func firedEvidence(_ node: RuleTrace) -> [String] {
        var leaves: [(label: String, hits: [String])] = []
        func walk(_ node: RuleTrace) {
            guard node.value, node.label != "NOT" else { return }
            guard node.children.isEmpty else { return node.children.forEach(walk) }
            let hits = node.hits.map(describe)
            if let index = leaves.firstIndex(where: { $0.label == node.label }) {
                leaves[index].hits += hits
            } else {
                leaves.append((node.label, hits))
            }
        }
        walk(node)
        return leaves.map { leaf in
            var seen = Set<String>()
            let distinct = leaf.hits.filter { seen.insert($0).inserted }
            guard !distinct.isEmpty else { return leaf.label }
            var text = leaf.label + " " + distinct.prefix(shownHits).joined(separator: ", ")
            if distinct.count > shownHits { text += " (+\(distinct.count - shownHits) more)" }
            return text
        }
    }

    static let shownHits = 2

    /// The NOT nodes that are false because what they exclude was found.
    static func blockers(_ node: RuleTrace) -> [String] {
        if node.label == "NOT", !node.value, let inner = node.children.first {
            let evidence = firedEvidence(inner)
            return ["NOT " + (evidence.isEmpty ? inner.label : evidence.joined(separator: ", "))]
        }
        return node.children.flatMap(blockers)
    }

    /// `title "Karabakh"`, with the spelling when it differs: `title "peacekeepers" (peacekeep*)`.
    static func describe(_ hit: Hit) -> String {
        var text = "\(hit.field.rawValue) \"\(hit.matchedText)\""
        if hit.spelling != hit.matchedText { text += " (\(hit.spelling))" }
        return text
    }

    /// A hit's identity for "still found": who, which spelling, where.
    private struct HitPlace: Hashable {
        let entity: String?
        let spelling: String
        let field: ItemField
        let start: Int

        init(_ hit: Hit) {
            entity = hit.entity
            spelling = hit.spelling
            field = hit.field
            start = hit.start
        }
    }
}
