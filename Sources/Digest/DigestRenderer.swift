import Foundation
import FeedModel

/// Renders a day's `DigestModel` as the Markdown digest people read over coffee.
///
/// Layout: a title with the day and time zone, a one-line summary, "at a glance" (counts per
/// topic and entity against their daily average, spikes marked), then one section per topic
/// with its stories, best first, and its back-dated items; then the day's changes (edited
/// items, items taken out of their feed) and the feeds that need a look. Every item line
/// starts with "- " and no other line does, so `grep '^- '` lists the day's items:
///
///     **Story: 3 outlets** · first: azertag at 09:14 · earlier: trend 2024-04-17 23:10
///     - 09:14 · azertag (AZ · az · state) · [Title](https://…) — entities: Karabakh, Peskov
///       rules: Karabakh, Peacekeepers · matched: "Karabakh" in title, "Песков" as "Пескова" in summary
///
/// The same model always gives the same bytes.
public struct DigestRenderer: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The digest of a day that has only its items (no counts, changes or health):
    /// `day` is "YYYY-MM-DD" in `timeZone`; `topicOrder` is feeds.conf's order of topics.
    public func markdown(day: String, items: [MatchedItem], topicOrder: [String]) -> String {
        let start = dayStart(day) ?? items.map(\.firstSeen).min() ?? Date(timeIntervalSince1970: 0)
        let end = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        let input = DigestInput(day: day, dayStart: start, dayEnd: end, timeZone: timeZone, items: items,
                                topicOrder: topicOrder)
        return markdown(DigestBuilder().build(input))
    }

    public func markdown(_ model: DigestModel) -> String {
        var lines = ["# feedwatch digest — \(model.day) (\(MarkdownText.escape(timeZone.identifier)))", ""]
        if model.sections.isEmpty {
            lines.append("No matching items.")
        } else {
            lines.append(summary(model))
            if let glance = model.glance, !glance.isEmpty {
                lines += [""] + glanceLines(glance, days: model.historyDays)
            }
            for section in model.sections {
                lines += [""] + sectionLines(section, day: model.day)
            }
        }
        if !model.changes.isEmpty || !model.disappearances.isEmpty {
            lines += [""] + changeLines(model)
        }
        if let health = model.health, !health.isEmpty {
            lines += [""] + healthLines(health)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "12 items, 3 topics, 8 sources; 2 stories from several outlets; 3 back-dated."
    func summary(_ model: DigestModel) -> String {
        var parts = [[Self.count(model.itemCount, "item"), Self.count(model.sections.count, "topic"),
                      Self.count(model.sourceCount, "source")].joined(separator: ", ")]
        if model.sharedStoryCount > 0 {
            parts.append(model.sharedStoryCount == 1 ? "1 story from several outlets"
                         : "\(model.sharedStoryCount) stories from several outlets")
        }
        if model.backdatedCount > 0 { parts.append("\(model.backdatedCount) back-dated") }
        return parts.joined(separator: "; ") + "."
    }

    /// "1 item", "3 items".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
