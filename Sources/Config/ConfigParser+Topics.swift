import FeedModel

extension ConfigParser {
    static let topicKeys = ["rule"]

    mutating func readTopicKey(_ line: SourceLine, topic index: Int) throws(ConfigError) {
        let entry = try KeyValue.parse(line, fileName: fileName)
        guard entry.key == "rule" else {
            throw error(line.number, entry.keyColumn,
                        "unknown key \"\(entry.key)\" in [topic] (known: \(Self.topicKeys.joined(separator: ", ")))")
        }
        if let first = topics[index].ruleLine {
            throw error(line.number, entry.keyColumn, "duplicate key rule (first at line \(first))")
        }
        topics[index].ruleLine = line.number
        // The rule may go on over the following indented lines; it is parsed
        // once they have all been read.
        pendingRule = PendingRule(topicIndex: index, line: line.number, keyColumn: entry.keyColumn,
                                  segments: [RuleSegment(line: line.number, text: entry.value)])
    }

    mutating func finishPendingRule() throws(ConfigError) {
        guard let pending = pendingRule else { return }
        pendingRule = nil
        let segments = pending.segments.filter { !$0.text.isEmpty }
        guard !segments.isEmpty else {
            throw error(pending.line, pending.keyColumn, "rule is empty")
        }
        let (rule, references) = try RuleParser.parse(segments, fileName: fileName)
        topics[pending.topicIndex].rule = rule
        topics[pending.topicIndex].references = references
    }
}
