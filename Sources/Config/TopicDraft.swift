import FeedModel

/// A [topic NAME] section (or the [keep] section) while it is being read.
struct TopicDraft {
    let name: String
    let line: Int
    var rule: RuleExpression?
    var ruleLine: Int?
    /// The rule as written, its lines joined with single spaces.
    var ruleText = ""
    var references: [EntityReference] = []
    var weight: Double = 1
    var weightLine: Int?
    var threshold: Double?
    var thresholdLine: Int?
}
