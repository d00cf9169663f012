/// A named rule over entities and terms; an item that satisfies it is kept
/// and filed under the topic in the digest.
public struct TopicDefinition: Sendable, Equatable {
    public var name: String
    public var rule: RuleExpression
    /// Where in feeds.conf it was defined ("feeds.conf:120"), for error messages.
    public var origin: String
    /// The rule as written in feeds.conf (continuation lines joined), for explanations.
    public var ruleText: String
    /// What the topic adds to a score when another rule names it (`@Topic`); 1 by default.
    public var weight: Double
    /// When set, the topic fires only if its rule is true and the weights of
    /// what made it true add up to at least this much.
    public var threshold: Double?

    public init(name: String, rule: RuleExpression, origin: String = "", ruleText: String = "",
                weight: Double = 1, threshold: Double? = nil) {
        self.name = name
        self.rule = rule
        self.origin = origin
        self.ruleText = ruleText
        self.weight = weight
        self.threshold = threshold
    }
}
