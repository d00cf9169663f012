import Foundation
import FeedModel

/// "At a glance", changes and feed health.
extension DigestRenderer {
    func glanceLines(_ rows: [GlanceRow], days: Int) -> [String] {
        var lines = ["## At a glance", "", "| | today | daily average, last \(days) days | |", "|---|---:|---:|---|"]
        for row in rows {
            let name = MarkdownText.escape(row.name).replacingOccurrences(of: "|", with: "\\|")
            let label = row.kind == .topic ? "**\(name)**" : name
            var mark = ""
            if row.isSpike, let average = row.average {
                mark = average > 0 ? "spike ×\(Self.decimal(Double(row.count) / average))" : "spike (new)"
            }
            let average = row.average.map(Self.decimal) ?? "–"
            lines.append("| \(label) | \(row.count) | \(average) | " + (mark.isEmpty ? "|" : "\(mark) |"))
        }
        return lines
    }

    func changeLines(_ model: DigestModel) -> [String] {
        var lines = ["## Changes"]
        if !model.changes.isEmpty {
            lines += ["", "### Edited", ""]
            for change in model.changes {
                var line = "- \(clockTime(change.seenAt)) · \(MarkdownText.escape(change.feedName)) · "
                    + Self.titleLink(title: change.newTitle, link: change.link)
                line += " · first seen \(moment(change.firstSeen, onDay: model.day))"
                lines.append(line)
                if change.titleChanged {
                    lines.append("  title: " + Self.diffText(old: change.oldTitle ?? "", new: change.newTitle ?? ""))
                }
                if change.textChanged {
                    lines.append("  text: " + Self.diffText(old: change.oldText ?? "", new: change.newText ?? ""))
                }
            }
        }
        if !model.disappearances.isEmpty {
            lines += ["", "### Taken out of their feed", ""]
            for gone in model.disappearances {
                lines.append("- \(clockTime(gone.noticedAt)) · \(MarkdownText.escape(gone.feedName)) · "
                             + Self.titleLink(title: gone.title, link: gone.link)
                             + " · first seen \(moment(gone.firstSeen, onDay: model.day))"
                             + ", last listed \(moment(gone.lastPresent, onDay: model.day))")
            }
        }
        return lines
    }

    /// "… the ~~old~~ **new** words …": removed words struck through, added ones in bold.
    static func diffText(old: String, new: String) -> String {
        WordDiff(old: old, new: new).pieces.map { piece in
            switch piece {
            case .same(let words): return words.map(MarkdownText.escape).joined(separator: " ")
            case .removed(let words): return "~~" + words.map(MarkdownText.escape).joined(separator: " ") + "~~"
            case .added(let words): return "**" + words.map(MarkdownText.escape).joined(separator: " ") + "**"
            case .gap: return "…"
            }
        }.joined(separator: " ")
    }

    func healthLines(_ notes: [FeedHealthNote]) -> [String] {
        var lines = ["## Feed health", "", "| feed | status | since | |", "|---|---|---|---|"]
        for note in notes {
            let since = note.since.map { dayString($0) + " " + clockTime($0) } ?? ""
            let cells = [MarkdownText.escape(note.feed), note.status.rawValue, since, MarkdownText.escape(note.detail)]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// One decimal, locale-free: "2.5", "0.1", "12.0".
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
