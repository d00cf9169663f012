import FeedModel

/// The human-readable form of `feedwatch parse`.
enum FeedSummary {
    static func describe(_ feed: ParsedFeed) -> String {
        var lines = ["\(feed.title ?? "(untitled)") [\(feed.format.rawValue)], \(feed.items.count) items"]
        if let link = feed.link { lines.append(link) }
        for item in feed.items {
            let date = FeedJSON.timestamp(item.published ?? item.updated) ?? "no date"
            lines.append("- \(date)  \(item.title ?? "(untitled)")")
        }
        for warning in feed.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
