/// A named rule over entities and terms; an item that satisfies it is kept
/// and filed under the topic in the digest.
public struct TopicDefinition: Sendable, Equatable {
    public var name: String
    public var rule: RuleExpression
    /// Where in feeds.conf it was defined ("feeds.conf:120"), for error messages.
    public var origin: String

    public init(name: String, rule: RuleExpression, origin: String = "") {
        self.name = name
        self.rule = rule
        self.origin = origin
    }
}
