/// How many kept items named each topic and each entity over some span of time.
public struct LabelCounts: Sendable, Equatable {
    public var topics: [String: Int]
    public var entities: [String: Int]

    public init(topics: [String: Int] = [:], entities: [String: Int] = [:]) {
        self.topics = topics
        self.entities = entities
    }
}
