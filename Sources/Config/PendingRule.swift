/// A `rule =` line of a topic (or of [keep]) and its continuation lines,
/// collected until a line that does not start with whitespace.
struct PendingRule {
    /// The topic's index; nil for the [keep] rule.
    let topicIndex: Int?
    let line: Int
    let keyColumn: Int
    var segments: [RuleSegment]
}
