import Foundation
import Monitor

/// The text output of `feedwatch retest`: one line per changed item, then a summary.
enum RetestLines {
    static func render(_ report: RetestReport) -> String {
        var lines = report.changes.map { line($0, applied: report.applied) }
        lines.append(summary(report))
        return lines.joined(separator: "\n")
    }

    /// `would add   2024-04-18 12:00Z  civilnet  "Peacekeepers leave Stepanakert"  -> Peacekeepers  (why)`
    static func line(_ change: RetestChange, applied: Bool) -> String {
        let label: String
        switch change.kind {
        case .add: label = applied ? "added     " : "would add "
        case .drop: label = applied ? "dropped   " : "would drop"
        case .topics: label = applied ? "refiled   " : "topics    "
        }
        let before = change.kind == .add ? "(not kept)" : names(change.topicsBefore)
        let after = change.kind == .drop ? "(not kept)" : names(change.topicsAfter)
        var text = "\(label)  \(FeedJSON.timestamp(change.firstSeen).map(shortTime) ?? "")  \(change.feedName)"
            + "  \"\(change.title)\"  \(before) -> \(after)"
        if !change.reasons.isEmpty { text += "  (" + change.reasons.joined(separator: "; ") + ")" }
        return text
    }

    static func summary(_ report: RetestReport) -> String {
        let since = FeedJSON.timestamp(report.since).map(shortTime) ?? ""
        var text = "\(report.examined) \(report.examined == 1 ? "item" : "items") first seen since \(since) retested: "
        let counts = "\(report.adds) \(report.applied ? "added" : "would be added"), \(report.drops) dropped, "
            + "\(report.topicChanges) with other topics, \(report.refreshedHits) with other hits"
        text += counts
        if report.skipped > 0 {
            text += "; \(report.skipped) of feeds no longer in feeds.conf left as they are"
        }
        if report.applied {
            text += "; stored"
            if let path = report.digestPath { text += "; today's digest rewritten: \(path)" }
            if !report.staleDigestDays.isEmpty {
                text += "; earlier digests not rewritten: \(report.staleDigestDays.joined(separator: ", "))"
                    + " (feedwatch digest --date DAY)"
            }
        } else if report.changes.isEmpty && report.refreshedHits == 0 {
            text += "; nothing to store"
        } else {
            text += "; nothing stored (--apply stores them)"
        }
        return text
    }

    /// A kept item may have no topic when the [keep] rule alone keeps it.
    private static func names(_ topics: [String]) -> String {
        topics.isEmpty ? "(no topic)" : topics.joined(separator: ", ")
    }

    /// `2024-04-18T12:00:00Z` -> `2024-04-18 12:00Z`, the way poll's log writes times.
    private static func shortTime(_ iso: String) -> String {
        let parts = iso.split(separator: "T")
        guard parts.count == 2 else { return iso }
        return "\(parts[0]) \(parts[1].prefix(5))Z"
    }
}
