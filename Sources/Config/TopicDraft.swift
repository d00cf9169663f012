import FeedModel

/// A [topic NAME] section while it is being read.
struct TopicDraft {
    let name: String
    let line: Int
    var rule: RuleExpression?
    var ruleLine: Int?
    var references: [EntityReference] = []
}
