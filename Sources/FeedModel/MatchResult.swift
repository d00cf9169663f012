/// What the matcher decided about one item, and why.
public struct MatchResult: Sendable, Equatable {
    /// Names of the topics whose rules fired, in feeds.conf order.
    public var topics: [String]
    /// Every hit of every entity and term, in text order per field.
    public var hits: [Hit]

    public var isKept: Bool { !topics.isEmpty }
    /// Distinct entity names that hit, in order of first appearance.
    public var entities: [String] {
        var seen = Set<String>()
        return hits.compactMap { $0.entity }.filter { seen.insert($0).inserted }
    }

    public init(topics: [String] = [], hits: [Hit] = []) {
        self.topics = topics
        self.hits = hits
    }
}
