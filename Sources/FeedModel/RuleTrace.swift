/// One node of a rule as evaluated for one item: what it is, whether it was
/// true, and for a term or @entity the hits that made it true.
public struct RuleTrace: Sendable, Equatable {
    /// How the node is written: `AND`, `OR`, `NOT`, `NEAR/5`, `title:`, `^2`,
    /// `@Georgia`, `border*`, `"peace treaty"`, `lang:ru`, `@Karabakh (topic)`.
    public var label: String
    public var value: Bool
    /// The hits behind a true leaf (for NEAR: the occurrences found near each other).
    public var hits: [Hit]
    public var children: [RuleTrace]

    public init(label: String, value: Bool, hits: [Hit] = [], children: [RuleTrace] = []) {
        self.label = label
        self.value = value
        self.hits = hits
        self.children = children
    }
}
