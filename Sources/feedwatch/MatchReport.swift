import FeedModel

/// The output of `feedwatch match`: every item, kept or dropped, with the
/// topics that fired and the spellings that hit.
enum MatchReport {
    static func describe(feed: ParsedFeed, results: [MatchResult]) -> String {
        var lines: [String] = []
        let kept = results.filter(\.isKept).count
        lines.append("\(feed.title ?? "(untitled)"): \(kept) of \(feed.items.count) items kept")
        for (item, result) in zip(feed.items, results) {
            let mark = result.isKept ? "KEEP" : "drop"
            lines.append("")
            lines.append("\(mark)  \(item.title ?? "(untitled)")")
            if result.isKept {
                lines.append("      topics: \(result.topics.joined(separator: ", "))")
            }
            if !result.entities.isEmpty {
                lines.append("      entities: \(result.entities.joined(separator: ", "))")
            }
            for hit in result.hits {
                let who = hit.entity.map { "@\($0)" } ?? "term"
                lines.append("      \(hit.field.rawValue): \"\(hit.matchedText)\" ← \(who) spelling \"\(hit.spelling)\"")
            }
        }
        return lines.joined(separator: "\n")
    }
}
