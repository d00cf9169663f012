/// A topic's rule as evaluated for one item: the rule's text, its tree with
/// what fired, the score and the threshold.
public struct TopicTrace: Sendable, Equatable {
    /// The topic's name, or `keep` for the global [keep] rule.
    public var topic: String
    public var ruleText: String
    /// Whether the topic fired: rule true and threshold (if any) reached.
    public var fired: Bool
    /// Sum of the weights of what made the rule true.
    public var score: Double
    public var threshold: Double?
    public var tree: RuleTrace

    public init(topic: String, ruleText: String, fired: Bool, score: Double, threshold: Double?, tree: RuleTrace) {
        self.topic = topic
        self.ruleText = ruleText
        self.fired = fired
        self.score = score
        self.threshold = threshold
        self.tree = tree
    }

    /// The leaves (terms, @entities, attributes) that were true, as written.
    public var firedLeaves: [String] {
        var leaves: [String] = []
        func walk(_ node: RuleTrace) {
            if node.children.isEmpty {
                if node.value { leaves.append(node.label) }
            } else if node.label != "NOT" {
                node.children.forEach(walk)
            }
        }
        walk(tree)
        return leaves
    }
}
