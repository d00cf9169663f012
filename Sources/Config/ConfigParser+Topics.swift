import FeedModel

extension ConfigParser {
    static let topicKeys = ["rule", "weight", "threshold"]
    static let keepKeys = ["rule", "threshold"]

    /// A key of [topic NAME] (`topic` set) or of [keep] (`topic` nil).
    mutating func readTopicKey(_ line: SourceLine, topic index: Int?) throws(ConfigError) {
        let entry = try KeyValue.parse(line, fileName: fileName)
        let known = index == nil ? Self.keepKeys : Self.topicKeys
        let sectionName = index == nil ? "[keep]" : "[topic]"
        guard known.contains(entry.key) else {
            throw error(line.number, entry.keyColumn,
                        "unknown key \"\(entry.key)\" in \(sectionName) (known: \(known.joined(separator: ", ")))")
        }
        var draft = index.map { topics[$0] } ?? keep ?? TopicDraft(name: "keep", line: line.number)
        defer {
            if let index { topics[index] = draft } else { keep = draft }
        }
        func firstLine(_ key: String) -> Int? {
            switch key {
            case "rule": draft.ruleLine
            case "weight": draft.weightLine
            default: draft.thresholdLine
            }
        }
        if let first = firstLine(entry.key) {
            throw error(line.number, entry.keyColumn, "duplicate key \(entry.key) (first at line \(first))")
        }
        switch entry.key {
        case "rule":
            draft.ruleLine = line.number
            // The rule may go on over the following indented lines; it is parsed
            // once they have all been read.
            pendingRule = PendingRule(topicIndex: index, line: line.number, keyColumn: entry.keyColumn,
                                      segments: [RuleSegment(line: line.number, text: entry.value)])
        case "weight":
            draft.weight = try number(entry, line: line.number, allowingZero: true,
                                      example: "weight = 2 (what the topic adds to a score where a rule names it)")
            draft.weightLine = line.number
        default:
            draft.threshold = try number(entry, line: line.number, allowingZero: false,
                                         example: "threshold = 2 (the weights of what fired must add up to at least this)")
            draft.thresholdLine = line.number
        }
    }

    /// A number from 0 (or just above) to 1000, such as `2` or `1.5`.
    private func number(_ entry: KeyValue, line: Int, allowingZero: Bool, example: String) throws(ConfigError) -> Double {
        let text = try QuotedValue.unquote(entry.value, line: line, fileName: fileName)
        guard let value = Double(text), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              value <= 1_000, allowingZero ? value >= 0 : value > 0 else {
            let range = allowingZero ? "0 to 1000" : "above 0, up to 1000"
            throw error(line, entry.value.column,
                        "expected a number \(range) for \(entry.key), found \"\(text)\" (e.g. \(example))")
        }
        return value
    }

    mutating func finishPendingRule() throws(ConfigError) {
        guard let pending = pendingRule else { return }
        pendingRule = nil
        let segments = pending.segments.filter { !$0.text.isEmpty }
        guard !segments.isEmpty else {
            throw error(pending.line, pending.keyColumn, "rule is empty")
        }
        let (rule, references) = try RuleParser.parse(segments, fileName: fileName)
        let text = segments.map(\.text.collapsingWhitespace).joined(separator: " ")
        if let index = pending.topicIndex {
            topics[index].rule = rule
            topics[index].references = references
            topics[index].ruleText = text
        } else {
            keep?.rule = rule
            keep?.references = references
            keep?.ruleText = text
        }
    }
}
