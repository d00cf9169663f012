/// What the matcher decided about one item, and why.
public struct MatchResult: Sendable, Equatable {
    /// Names of the topics whose rules fired, in feeds.conf order.
    public var topics: [String]
    /// Every hit of every entity and term, in text order per field.
    public var hits: [Hit]
    /// The decision of the global [keep] rule; nil when feeds.conf has none
    /// (then an item is kept when any topic fired).
    public var keep: Bool?
    /// Hits that `unless` / `requires` context cancelled, with `cancelledBy` set.
    public var cancelled: [Hit]
    /// Why: from `Matcher.explain`, one trace per topic evaluated, the [keep] rule's
    /// trace last when there is one; empty from `Matcher.match`, which builds no traces.
    public var explanations: [TopicTrace]

    public var isKept: Bool { keep ?? !topics.isEmpty }
    /// Distinct entity names that hit, in order of first appearance.
    public var entities: [String] {
        var seen = Set<String>()
        return hits.compactMap { $0.entity }.filter { seen.insert($0).inserted }
    }

    /// The contested names the item used, once each, in order of first appearance.
    public var contestedNames: [ContestedNameUse] {
        var seen = Set<ContestedNameUse>()
        return hits.compactMap { hit -> ContestedNameUse? in
            guard let entity = hit.entity, let variant = hit.variant else { return nil }
            return ContestedNameUse(entity: entity, variant: variant, side: hit.side ?? "")
        }.filter { seen.insert($0).inserted }
    }

    /// How strongly the item matched: the highest score (`TopicTrace.score`) among the topics
    /// that fired; nil when none fired. The matcher sets it without building traces; a
    /// result built without one takes it from its explanations (nil when they carry none).
    public var score: Double?

    /// `score` nil: the best score among `explanations` of topics in `topics` that fired.
    public init(topics: [String] = [], hits: [Hit] = [], keep: Bool? = nil, cancelled: [Hit] = [],
                explanations: [TopicTrace] = [], score: Double? = nil) {
        self.topics = topics
        self.hits = hits
        self.keep = keep
        self.cancelled = cancelled
        self.explanations = explanations
        self.score = score ?? Self.bestScore(of: explanations, firing: topics)
    }

    /// The highest score among the traces that fired of topics in `topics`.
    private static func bestScore(of explanations: [TopicTrace], firing topics: [String]) -> Double? {
        guard !explanations.isEmpty else { return nil }
        let fired = Set(topics)
        return explanations.filter { $0.fired && fired.contains($0.topic) }.map(\.score).max()
    }
}
