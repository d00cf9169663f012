import Foundation
import FeedModel

/// Renders one day's matched items as the Markdown digest people read.
///
/// Layout: a title with the day and time zone, a one-line summary, then one section per
/// topic (feeds.conf order) listing its items by the time they were first seen. An item kept
/// by several topics stands once, under the first of them, and names the others, so a big
/// story does not fill the page five times:
///
///     - 09:14 · azertag · [Title](https://…) (published 2024-04-17) — entities: Karabakh, Peskov
///       also in: Peacekeepers · matched: "Karabakh" in title, "Песков" as "Пескова" in summary
public struct DigestRenderer: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// `day` is "YYYY-MM-DD" in `timeZone`; `topicOrder` is feeds.conf's order of topics.
    /// The same inputs always give the same bytes.
    public func markdown(day: String, items: [MatchedItem], topicOrder: [String]) -> String {
        var lines = ["# feedwatch digest — \(day) (\(MarkdownText.escape(timeZone.identifier)))", ""]
        let sections = Self.sections(of: items, topicOrder: topicOrder)
        if sections.isEmpty {
            lines.append("No matching items.")
            return lines.joined(separator: "\n") + "\n"
        }

        var itemKeys = Set<String>(), sources = Set<String>()
        for section in sections {
            for item in section.items {
                itemKeys.insert(Self.key(of: item))
                sources.insert(item.feedName)
            }
        }
        lines.append([Self.count(itemKeys.count, "item"), Self.count(sections.count, "topic"),
                      Self.count(sources.count, "source")].joined(separator: ", ") + ".")

        for section in sections {
            lines.append("")
            lines.append("## \(MarkdownText.escape(section.topic))")
            lines.append("")
            for item in section.items {
                lines.append(itemLine(item))
                let others = item.topics.filter { $0 != section.topic }
                let also = others.isEmpty ? nil : "also in: " + others.map(MarkdownText.escape).joined(separator: ", ")
                let detail = [also, Self.why(item.hits)].compactMap { $0 }
                if !detail.isEmpty {
                    lines.append("  " + detail.joined(separator: " · "))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Topics in feeds.conf order, then (so nothing kept goes missing after a topic was
    /// renamed or removed) any other topic the items name, alphabetically. Each item goes to
    /// the first of its topics in that order; empty topics are left out.
    static func sections(of items: [MatchedItem], topicOrder: [String]) -> [(topic: String, items: [MatchedItem])] {
        var topics: [String] = []
        var seen = Set<String>()
        for topic in topicOrder where seen.insert(topic).inserted {
            topics.append(topic)
        }
        let others = Set(items.flatMap(\.topics)).subtracting(seen).sorted()
        topics += others

        let ordered = items.sorted(by: Self.digestOrder)
        var placed = Set<String>()
        return topics.compactMap { topic in
            let members = ordered.filter { $0.topics.contains(topic) && placed.insert(Self.key(of: $0)).inserted }
            return members.isEmpty ? nil : (topic, members)
        }
    }

    /// First seen, then title; feed and id only break ties so the order never depends on the input's.
    static func digestOrder(_ a: MatchedItem, _ b: MatchedItem) -> Bool {
        if a.firstSeen != b.firstSeen { return a.firstSeen < b.firstSeen }
        if a.title != b.title { return a.title < b.title }
        if a.feedName != b.feedName { return a.feedName < b.feedName }
        return a.itemID < b.itemID
    }

    /// "1 item", "3 items".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static func key(of item: MatchedItem) -> String { item.feedName + "\u{0}" + item.itemID }

    func itemLine(_ item: MatchedItem) -> String {
        let seenDay = dayString(item.firstSeen)
        var line = "- \(clockTime(item.firstSeen)) · \(MarkdownText.escape(item.feedName)) · \(Self.titleLink(item))"
        if let published = item.published, dayString(published) != seenDay {
            line += " (published \(dayString(published)))"
        }
        let entities = item.entities
        if !entities.isEmpty {
            line += " — entities: " + entities.map(MarkdownText.escape).joined(separator: ", ")
        }
        return line
    }

    static func titleLink(_ item: MatchedItem) -> String {
        let trimmed = item.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let title = trimmed.isEmpty ? "(untitled)" : MarkdownText.escape(trimmed)
        guard let link = item.link, !link.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return title
        }
        guard let destination = MarkdownText.linkDestination(link) else {
            // Shown, so a reader can judge it, but not clickable.
            return "\(title) (\(MarkdownText.escape(link)))"
        }
        return "[\(title)](\(destination))"
    }

    /// `matched: "Karabakh" in title, "Şuşa*" as "Şuşada" in title and summary`: each spelling
    /// from feeds.conf once, with the text it met when that differs, and the fields it was found in.
    static func why(_ hits: [Hit]) -> String? {
        var order: [String] = []
        var fields: [String: [ItemField]] = [:]
        var seenAs: [String: String] = [:]
        for hit in hits {
            if fields[hit.spelling] == nil {
                order.append(hit.spelling)
                fields[hit.spelling] = []
            }
            if fields[hit.spelling]?.contains(hit.field) == false {
                fields[hit.spelling]?.append(hit.field)
            }
            // A stem's "*" is feeds.conf syntax, not text: "Şuşa*" meeting "Şuşa" needs no "as".
            let written = hit.spelling.hasSuffix("*") ? String(hit.spelling.dropLast()) : hit.spelling
            if seenAs[hit.spelling] == nil, hit.matchedText.lowercased() != written.lowercased() {
                seenAs[hit.spelling] = hit.matchedText
            }
        }
        guard !order.isEmpty else { return nil }
        let parts = order.map { spelling -> String in
            var part = "\"\(MarkdownText.escape(spelling))\""
            if let text = seenAs[spelling] {
                part += " as \"\(MarkdownText.escape(text))\""
            }
            let places = (fields[spelling] ?? []).map(\.rawValue).joined(separator: " and ")
            return part + " in " + places
        }
        return "matched: " + parts.joined(separator: ", ")
    }
}
