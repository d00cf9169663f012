import Foundation
import FeedModel

/// The kept items as an Atom 1.0 feed (RFC 4287), so any feed reader can follow them.
///
/// One entry per kept item, newest first. Entry ids are derived from the feed's name and the
/// item's id only (`urn:uuid:`, a name-based UUID), so an item keeps its id in every file and
/// on every run and readers never show it twice. `updated` is the time feedwatch first saw the
/// item, so the same day always gives the same bytes. The summary is HTML (`type="html"`): the
/// feed's summary, sanitised and cut short, and the line saying why the item was kept.
public struct DigestAtomFeed: Sendable {
    public var renderer: DigestRenderer

    public init(timeZone: TimeZone) {
        renderer = DigestRenderer(timeZone: timeZone)
    }

    /// One day's kept items.
    public func day(_ model: DigestModel) -> String {
        document(id: Self.uuid("feedwatch digest day\u{0}" + model.day + "\u{0}" + renderer.timeZone.identifier),
                 title: "feedwatch digest \(model.day)", models: [model],
                 fallbackUpdated: renderer.dayStart(model.day))
    }

    /// The kept items of several days (the rolling `feedwatch.atom`: today and yesterday).
    public func recent(_ models: [DigestModel]) -> String {
        document(id: Self.uuid("feedwatch digest recent\u{0}" + renderer.timeZone.identifier),
                 title: "feedwatch digest", models: models,
                 fallbackUpdated: models.compactMap { renderer.dayStart($0.day) }.max())
    }

    func document(id: String, title: String, models: [DigestModel], fallbackUpdated: Date?) -> String {
        var entries: [(entry: StoryEntry, section: String)] = []
        for model in models {
            for section in model.sections {
                for story in section.stories + section.backdated {
                    entries += story.entries.map { ($0, section.topic) }
                }
            }
        }
        entries.sort { a, b in
            (b.entry.item.firstSeen, a.entry.item.feedName, a.entry.item.itemID)
                < (a.entry.item.firstSeen, b.entry.item.feedName, b.entry.item.itemID)
        }
        let updated = entries.first?.entry.item.firstSeen ?? fallbackUpdated ?? Date(timeIntervalSince1970: 0)
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>\(id)</id>
              <title type="text">\(Self.xml(title))</title>
              <subtitle type="text">Items kept by feeds.conf's rules, newest first (\(Self.xml(renderer.timeZone.identifier)))</subtitle>
              <updated>\(DigestRenderer.isoDate(updated))</updated>
              <author><name>feedwatch</name></author>
              <generator>feedwatch</generator>

            """
        for (entry, section) in entries {
            out += self.entry(entry, section: section)
        }
        return out + "</feed>\n"
    }

    func entry(_ entry: StoryEntry, section: String) -> String {
        let item = entry.item
        let title = MarkdownText.trimmed(item.title)
        var out = "  <entry>\n"
        out += "    <id>\(Self.uuid(item.feedName + "\u{0}" + item.itemID))</id>\n"
        out += "    <title type=\"text\">\(Self.xml(title.isEmpty ? "(untitled)" : title))</title>\n"
        let link = item.link.flatMap { HTMLSanitizer.safeURL($0, allowRelative: false) }
            .flatMap { HTMLSanitizer.scheme(of: Array($0.unicodeScalars)) == "mailto" ? nil : $0 }
        if let link {
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.xml(link))\"/>\n"
        }
        if let published = item.published {
            out += "    <published>\(DigestRenderer.isoDate(published))</published>\n"
        }
        out += "    <updated>\(DigestRenderer.isoDate(item.firstSeen))</updated>\n"
        out += "    <author><name>\(Self.xml(item.feedTitle.map(MarkdownText.trimmed).flatMap { $0.isEmpty ? nil : $0 } ?? item.feedName))</name></author>\n"
        for topic in [section] + item.topics.filter({ $0 != section }) {
            out += "    <category term=\"\(Self.xml(topic))\"/>\n"
        }
        var html = renderer.htmlSummary(item) ?? ""
        html += "<p><small>\(HTMLText.escape(item.feedName)) · "
            + renderer.whyLine(entry, section: section, escape: HTMLText.escape) + "</small></p>"
        // Without a link, RFC 4287 wants content rather than only a summary.
        let element = link == nil ? "content" : "summary"
        out += "    <\(element) type=\"html\">\(Self.xml(html))</\(element)>\n"
        return out + "  </entry>\n"
    }

    /// Text for XML: `&`, `<`, `>`, `"` escaped; characters XML 1.0 does not allow dropped.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// "urn:uuid:…": a name-based UUID (RFC 9562 version 8, from two FNV-1a 64-bit hashes of
    /// `name`), the same for the same name on every machine.
    static func uuid(_ name: String) -> String {
        var high: UInt64 = 0xcbf2_9ce4_8422_2325, low: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name.utf8 {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low << 7) | (low >> 57)
        }
        high = (high & ~0xF000) | 0x8000                              // version 8
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000   // variant 10
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        return "urn:uuid:" + hex(high >> 32, 8) + "-" + hex((high >> 16) & 0xFFFF, 4) + "-" + hex(high & 0xFFFF, 4)
            + "-" + hex(low >> 48, 4) + "-" + hex(low & 0xFFFF_FFFF_FFFF, 12)
    }
}
