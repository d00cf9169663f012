import Foundation
import FeedModel

/// The digest as one self-contained HTML page: the same content as the Markdown digest, plus
/// each item's summary (sanitised, see `HTMLSanitizer`). Inline CSS only; no script, font,
/// picture or anything else is loaded, and the page's Content-Security-Policy forbids it too,
/// so a page that a sanitiser bug let something through still loads and runs nothing.
/// Readable on a phone (viewport, one column, wrapping) and in dark mode.
extension DigestRenderer {
    public func html(_ model: DigestModel) -> String {
        let day = HTMLText.escape(model.day), zone = HTMLText.escape(timeZone.identifier)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
            <meta name="referrer" content="no-referrer">
            <meta name="generator" content="feedwatch">
            <title>feedwatch digest — \(day)</title>
            <style>\(Self.htmlStyle)</style>
            </head>
            <body>
            <header>
            <h1>feedwatch digest <span class="day">\(day)</span></h1>

            """
        out += "<p class=\"summary-line\">\(zone) · "
            + (model.sections.isEmpty ? "No matching items." : HTMLText.escape(summary(model))) + "</p>\n"
        out += navigation(model) + "</header>\n<main>\n"
        if let glance = model.glance, !glance.isEmpty, !model.sections.isEmpty {
            out += htmlGlance(glance, days: model.historyDays)
        }
        for (index, section) in model.sections.enumerated() {
            out += htmlSection(section, id: "t\(index + 1)", day: model.day)
        }
        if !model.changes.isEmpty || !model.disappearances.isEmpty {
            out += htmlChanges(model)
        }
        if let health = model.health, !health.isEmpty {
            out += htmlHealth(health)
        }
        out += """
            </main>
            <footer>Written by feedwatch for \(day) (\(zone)). Each item shows why it was kept: the topics
            whose rules fired and the spellings they met. Summaries come from the feeds, cut short and cleaned
            of anything but text, emphasis, lists and links; nothing on this page loads from the network.</footer>
            </body>
            </html>

            """
        return out
    }

    func navigation(_ model: DigestModel) -> String {
        var links: [String] = []
        if let glance = model.glance, !glance.isEmpty, !model.sections.isEmpty {
            links.append("<a href=\"#glance\">At a glance</a>")
        }
        for (index, section) in model.sections.enumerated() {
            links.append("<a href=\"#t\(index + 1)\">\(HTMLText.escape(section.topic))</a>")
        }
        if !model.changes.isEmpty || !model.disappearances.isEmpty { links.append("<a href=\"#changes\">Changes</a>") }
        if let health = model.health, !health.isEmpty { links.append("<a href=\"#health\">Feed health</a>") }
        return links.count < 2 ? "" : "<nav>" + links.joined(separator: " ") + "</nav>\n"
    }

    func htmlGlance(_ rows: [GlanceRow], days: Int) -> String {
        var out = "<section id=\"glance\">\n<h2>At a glance</h2>\n<div class=\"table\"><table>\n"
        out += "<thead><tr><th></th><th class=\"n\">today</th><th class=\"n\">daily average, last \(days) days</th>"
            + "<th></th></tr></thead>\n<tbody>\n"
        for row in rows {
            let name = HTMLText.escape(row.name)
            var mark = ""
            if row.isSpike, let average = row.average {
                mark = "<span class=\"spike\">"
                    + (average > 0 ? "spike ×\(Self.decimal(Double(row.count) / average))" : "spike (new)") + "</span>"
            }
            let average = row.average.map(Self.decimal) ?? "–"
            out += "<tr class=\"\(row.kind.rawValue)\"><th scope=\"row\">\(row.kind == .topic ? "<strong>\(name)</strong>" : name)</th>"
                + "<td class=\"n\">\(row.count)</td><td class=\"n\">\(average)</td><td>\(mark)</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }

    func htmlSection(_ section: DigestSection, id: String, day: String) -> String {
        var out = "<section id=\"\(id)\" class=\"topic\">\n<h2>\(HTMLText.escape(section.topic))</h2>\n"
        for story in section.stories {
            out += htmlStory(story, section: section.topic, day: day)
        }
        if !section.backdated.isEmpty {
            out += "<h3>Back-dated</h3>\n<p class=\"note\">Published more than a day before \(HTMLText.escape(day)), first seen on it.</p>\n"
            for story in section.backdated {
                out += htmlStory(story, section: section.topic, day: day)
            }
        }
        return out + "</section>\n"
    }

    func htmlStory(_ story: Story, section: String, day: String) -> String {
        let isGroup = story.entries.count > 1 || !story.earlier.isEmpty
        var out = "<article class=\"story\(isGroup ? " group" : "")\">\n"
        if isGroup {
            let outlets = story.outletCount
            var head = "<strong>Story: \(outlets == 1 ? "1 outlet" : "\(outlets) outlets")"
            if story.entries.count + story.earlier.count > outlets {
                head += ", \(story.entries.count + story.earlier.count) items"
            }
            head += "</strong> · first: \(HTMLText.escape(story.first.item.feedName)) at "
                + HTMLText.escape(moment(story.first.item.firstSeen, onDay: day))
            if !story.earlier.isEmpty {
                head += " · earlier: " + story.earlier.map { entry in
                    HTMLText.escape(entry.item.feedName) + " " + HTMLText.escape(moment(entry.item.firstSeen, onDay: day))
                }.joined(separator: ", ")
            }
            head += Self.storyNames(story, escape: HTMLText.escape)
            out += "<p class=\"story-head\">\(head)</p>\n"
        }
        out += "<ul class=\"items\">\n"
        for entry in story.entries {
            out += htmlItem(entry, section: section, day: day)
        }
        return out + "</ul>\n</article>\n"
    }

    func htmlItem(_ entry: StoryEntry, section: String, day: String) -> String {
        let item = entry.item
        var out = "<li class=\"item\">\n<p class=\"title\">\(Self.htmlTitleLink(title: item.title, link: item.link))</p>\n"
        var line = "<time>\(clockTime(item.firstSeen))</time> · <span class=\"feed\">\(HTMLText.escape(item.feedName))</span>"
        if let outlet = entry.outlet, !outlet.isEmpty {
            let about = [outlet.country, outlet.language, outlet.perspective].compactMap { $0 }
            line += " <span class=\"outlet\">" + about.map(HTMLText.escape).joined(separator: " · ") + "</span>"
        }
        if let date = entry.date {
            if entry.isFutureDated {
                line += " <span class=\"flag warn\">⚠ dated \(dayString(date)) \(clockTime(date)), after it was first seen</span>"
            } else if dayString(date) != dayString(item.firstSeen) {
                line += " <span class=\"flag\">published \(dayString(date))</span>"
            }
        }
        out += "<p class=\"line\">\(line)</p>\n"
        if let summary = htmlSummary(item) {
            out += "<div class=\"text\">\(summary)</div>\n"
        }
        out += "<p class=\"why\">\(whyLine(entry, section: section, escape: HTMLText.escape))</p>\n</li>\n"
        return out
    }

    /// The feed's summary HTML, sanitised and cut short; else its plain summary.
    func htmlSummary(_ item: MatchedItem) -> String? {
        let sanitizer = HTMLSanitizer(maxTextLength: Self.htmlSummaryLength)
        if let html = item.summaryHTML {
            let clean = sanitizer.sanitize(html)
            if !clean.allSatisfy(\.isWhitespace) { return clean }
        }
        guard let text = item.summary.map(MarkdownText.trimmed), !text.isEmpty else { return nil }
        // Plain text goes through the sanitiser too, escaped first: one place cuts it.
        return "<p>" + sanitizer.sanitize(HTMLText.escape(text)) + "</p>"
    }

    /// Characters of a summary the HTML digest shows.
    static let htmlSummaryLength = 400

    /// "entities: … · rules: … · matched: … · names: …", each piece through `escape`.
    func whyLine(_ entry: StoryEntry, section: String, escape: (String) -> String) -> String {
        var parts: [String] = []
        let entities = entry.item.entities
        if !entities.isEmpty {
            parts.append("entities: " + entities.map(escape).joined(separator: ", "))
        }
        let rules = [section] + entry.item.topics.filter { $0 != section }
        parts.append("rules: " + rules.map(escape).joined(separator: ", "))
        if let why = Self.why(entry.item.hits, escape: escape) { parts.append(why) }
        if !entry.contestedNames.isEmpty {
            parts.append("names: " + entry.contestedNames.map { Self.contestedName($0, escape: escape) }
                .joined(separator: ", "))
        }
        return parts.joined(separator: " · ")
    }

    /// A link only to http(s) and mailto; anything else is shown, not linked.
    static func htmlTitleLink(title rawTitle: String?, link: String?) -> String {
        let trimmed = MarkdownText.trimmed(rawTitle ?? "")
        let title = trimmed.isEmpty ? "(untitled)" : HTMLText.escape(trimmed)
        guard let link, !MarkdownText.trimmed(link).isEmpty else { return title }
        guard let url = HTMLSanitizer.safeURL(link, allowRelative: false) else {
            return "\(title) <span class=\"bad-link\">(\(HTMLText.escape(link)))</span>"
        }
        return "<a href=\"\(HTMLText.attribute(url))\">\(title)</a>"
    }

    func htmlChanges(_ model: DigestModel) -> String {
        var out = "<section id=\"changes\">\n<h2>Changes</h2>\n"
        if !model.changes.isEmpty {
            out += "<h3>Edited</h3>\n<ul class=\"changes\">\n"
            for change in model.changes {
                out += "<li>\n<p class=\"title\">\(Self.htmlTitleLink(title: change.newTitle, link: change.link))</p>\n"
                out += "<p class=\"line\"><time>\(clockTime(change.seenAt))</time> · <span class=\"feed\">"
                    + HTMLText.escape(change.feedName) + "</span> · first seen "
                    + HTMLText.escape(moment(change.firstSeen, onDay: model.day)) + "</p>\n"
                if change.titleChanged {
                    out += Self.htmlDiff("title", old: change.oldTitle ?? "", new: change.newTitle ?? "")
                }
                if change.textChanged {
                    out += Self.htmlDiff("text", old: change.oldText ?? "", new: change.newText ?? "")
                }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        if !model.disappearances.isEmpty {
            out += "<h3>Taken out of their feed</h3>\n<ul class=\"changes\">\n"
            for gone in model.disappearances {
                out += "<li>\n<p class=\"title\">\(Self.htmlTitleLink(title: gone.title, link: gone.link))</p>\n"
                out += "<p class=\"line\"><time>\(clockTime(gone.noticedAt))</time> · <span class=\"feed\">"
                    + HTMLText.escape(gone.feedName) + "</span> · first seen "
                    + HTMLText.escape(moment(gone.firstSeen, onDay: model.day)) + ", last listed "
                    + HTMLText.escape(moment(gone.lastPresent, onDay: model.day)) + "</p>\n</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// Old and new side by side: removed words struck through on the left, added ones marked on the right.
    static func htmlDiff(_ what: String, old: String, new: String) -> String {
        var before: [String] = [], after: [String] = []
        for piece in WordDiff(old: old, new: new).pieces {
            switch piece {
            case .same(let words):
                let text = words.map(HTMLText.escape).joined(separator: " ")
                before.append(text)
                after.append(text)
            case .removed(let words): before.append("<del>" + words.map(HTMLText.escape).joined(separator: " ") + "</del>")
            case .added(let words): after.append("<ins>" + words.map(HTMLText.escape).joined(separator: " ") + "</ins>")
            case .gap:
                before.append("…")
                after.append("…")
            }
        }
        return "<div class=\"diff\"><div class=\"old\"><span class=\"label\">\(what) before</span>"
            + before.joined(separator: " ") + "</div><div class=\"new\"><span class=\"label\">\(what) after</span>"
            + after.joined(separator: " ") + "</div></div>\n"
    }

    func htmlHealth(_ notes: [FeedHealthNote]) -> String {
        var out = "<section id=\"health\">\n<h2>Feed health</h2>\n<div class=\"table\"><table>\n"
        out += "<thead><tr><th>feed</th><th>status</th><th>since</th><th></th></tr></thead>\n<tbody>\n"
        for note in notes {
            let since = note.since.map { dayString($0) + " " + clockTime($0) } ?? ""
            out += "<tr><td>\(HTMLText.escape(note.feed))</td><td><span class=\"status \(note.status.rawValue)\">"
                + "\(note.status.rawValue)</span></td><td>\(since)</td><td>\(HTMLText.escape(note.detail))</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n</section>\n"
    }
}
