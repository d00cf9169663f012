import Foundation
import FeedModel

/// Topic sections: stories and the item lines inside them.
extension DigestRenderer {
    func sectionLines(_ section: DigestSection, day: String) -> [String] {
        var lines = ["## \(MarkdownText.escape(section.topic))"]
        if !section.stories.isEmpty {
            lines += [""] + storyLines(section.stories, section: section.topic, day: day)
        }
        if !section.backdated.isEmpty {
            lines += ["", "### Back-dated", "",
                      "Published more than a day before \(day), first seen on it.", ""]
            lines += storyLines(section.backdated, section: section.topic, day: day)
        }
        return lines
    }

    /// Stories of several items get a header line and a blank line around them; single
    /// items run on as one list.
    func storyLines(_ stories: [Story], section: String, day: String) -> [String] {
        var lines: [String] = []
        var previousWasGroup = false
        for story in stories {
            let isGroup = story.entries.count > 1 || !story.earlier.isEmpty
            if (isGroup || previousWasGroup), !lines.isEmpty { lines.append("") }
            if isGroup {
                lines.append(storyHeader(story, day: day))
            }
            for entry in story.entries {
                lines.append(itemLine(entry, day: day))
                lines.append("  " + detail(entry, section: section))
            }
            previousWasGroup = isGroup
        }
        return lines
    }

    /// "**Story: 3 outlets** · first: azertag at 09:14 · earlier: trend 2024-04-17 23:10"
    func storyHeader(_ story: Story, day: String) -> String {
        let outlets = story.outletCount
        var header = "**Story: \(outlets == 1 ? "1 outlet" : "\(outlets) outlets")"
        if story.entries.count + story.earlier.count > outlets {
            header += ", \(story.entries.count + story.earlier.count) items"
        }
        header += "** · first: \(MarkdownText.escape(story.first.item.feedName)) at \(moment(story.first.item.firstSeen, onDay: day))"
        if !story.earlier.isEmpty {
            header += " · earlier: " + story.earlier.map { entry in
                "\(MarkdownText.escape(entry.item.feedName)) \(moment(entry.item.firstSeen, onDay: day))"
            }.joined(separator: ", ")
        }
        return header + Self.storyNames(story)
    }

    /// "- 09:14 · azertag (AZ · az · state) · [Title](link) (published 2024-04-17) — entities: …"
    func itemLine(_ entry: StoryEntry, day: String) -> String {
        let item = entry.item
        var source = MarkdownText.escape(item.feedName)
        if let outlet = entry.outlet {
            let about = [outlet.country, outlet.language, outlet.perspective].compactMap { $0 }
            source += " (" + about.map(MarkdownText.escape).joined(separator: " · ") + ")"
        }
        var line = "- \(clockTime(item.firstSeen)) · \(source) · \(Self.titleLink(title: item.title, link: item.link))"
        if let date = entry.date {
            if entry.isFutureDated {
                line += " (⚠ dated \(dayString(date)) \(clockTime(date)), after it was first seen)"
            } else if dayString(date) != dayString(item.firstSeen) {
                line += " (published \(dayString(date)))"
            }
        }
        let entities = item.entities
        if !entities.isEmpty {
            line += " — entities: " + entities.map(MarkdownText.escape).joined(separator: ", ")
        }
        return line
    }

    /// Why it is here: "rules: Karabakh, Peacekeepers · matched: … · names: Xankəndi (Azerbaijani) for Stepanakert".
    func detail(_ entry: StoryEntry, section: String) -> String {
        let rules = [section] + entry.item.topics.filter { $0 != section }
        var parts = ["rules: " + rules.map(MarkdownText.escape).joined(separator: ", ")]
        if let why = Self.why(entry.item.hits) { parts.append(why) }
        if !entry.contestedNames.isEmpty {
            parts.append("names: " + entry.contestedNames.map { Self.contestedName($0) }.joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    /// "Xankəndi (Azerbaijani) for Stepanakert"; "Stepanakert (Armenian)" when the name is the entity's own.
    static func contestedName(_ use: ContestedNameUse, escape: (String) -> String = MarkdownText.escape) -> String {
        var text = escape(use.variant)
        if !use.side.isEmpty { text += " (\(escape(use.side)))" }
        if use.variant != use.entity { text += " for \(escape(use.entity))" }
        return text
    }

    /// " · names: armenpress: Stepanakert (Armenian); apa: Xankəndi (Azerbaijani) for Stepanakert":
    /// which side's names each outlet of the story used, side by side; empty when none used any.
    static func storyNames(_ story: Story, escape: (String) -> String = MarkdownText.escape) -> String {
        var order: [String] = []
        var used: [String: [ContestedNameUse]] = [:]
        for entry in story.entries where !entry.contestedNames.isEmpty {
            let feed = entry.item.feedName
            if used[feed] == nil { order.append(feed) }
            for use in entry.contestedNames where used[feed]?.contains(use) != true {
                used[feed, default: []].append(use)
            }
        }
        guard !order.isEmpty else { return "" }
        return " · names: " + order.map { feed in
            escape(feed) + ": " + (used[feed] ?? []).map { contestedName($0, escape: escape) }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    static func titleLink(title rawTitle: String?, link: String?) -> String {
        let trimmed = MarkdownText.trimmed(rawTitle ?? "")
        let title = trimmed.isEmpty ? "(untitled)" : MarkdownText.escape(trimmed)
        guard let link, !MarkdownText.trimmed(link).isEmpty else {
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
    static func why(_ hits: [Hit], escape: (String) -> String = MarkdownText.escape) -> String? {
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
            var part = "\"\(escape(spelling))\""
            if let text = seenAs[spelling] {
                part += " as \"\(escape(text))\""
            }
            let places = (fields[spelling] ?? []).map(\.rawValue).joined(separator: " and ")
            return part + " in " + places
        }
        return "matched: " + parts.joined(separator: ", ")
    }
}
