/// A `rule =` line of the topic at `topicIndex` and its continuation lines,
/// collected until a line that does not start with whitespace.
struct PendingRule {
    let topicIndex: Int
    let line: Int
    let keyColumn: Int
    var segments: [RuleSegment]
}
