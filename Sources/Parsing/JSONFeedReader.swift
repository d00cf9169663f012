import Foundation
import FeedModel

/// JSON Feed 1 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
    static func read(_ data: Data, options: ParseOptions) throws(ParseError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ParseError(kind: .unparseable, message: "parse: starts with '{' but is not valid JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any], let version = root["version"] as? String,
              version.hasPrefix("https://jsonfeed.org/version/") || version.hasPrefix("http://jsonfeed.org/version/") else {
            throw ParseError(kind: .unparseable, message: "parse: JSON document is not a JSON Feed (no jsonfeed.org version)")
        }
        var warnings: [String] = []
        // JSON strings are Strings already: well-formed UTF-8.
        let plainText = PlainTextMaker()
        plainText.inputIsWellFormed = true
        func text(_ value: Any?, html: Bool) -> String? { Self.text(value, html: html, plainText) }
        let documentBase = options.baseURL.flatMap { URL(string: $0) }
        let homePage = (root["home_page_url"] as? String).flatMap { resolveURL($0, against: documentBase) }
        let base = homePage.flatMap { URL(string: $0) } ?? documentBase
        // Version 1 has one `author`; 1.1 has `authors` and `language`. Both are read either way.
        var feed = ParsedFeed(format: version.hasSuffix("/version/1") ? .json10 : .json11)
        feed.title = text(root["title"], html: false)
        feed.link = homePage
        feed.description = text(root["description"], html: false)
        feed.language = root["language"] as? String
        let entries = root["items"] as? [[String: Any]] ?? []
        var seen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let link = (entry["url"] as? String ?? entry["external_url"] as? String).flatMap { resolveURL($0, against: base) }
            var item = FeedItem(id: "")
            item.title = text(entry["title"], html: false)
            item.link = link
            item.summary = text(entry["summary"], html: false)
            item.content = text(entry["content_html"], html: true) ?? text(entry["content_text"], html: false)
            if item.content != nil, let html = entry["content_html"] as? String, hasMarkup(html) { item.contentHTML = html }
            item.thumbnailURL = (entry["image"] as? String ?? entry["banner_image"] as? String).flatMap { resolveURL($0, against: base) }
            for key in ["date_published", "date_modified"] {
                guard let raw = entry[key] as? String else { continue }
                guard let date = FeedDateParser.parse(raw, defaultTimeZone: options.defaultTimeZone) else {
                    warnings.append("item \(index + 1): unreadable date \"\(raw.prefix(60))\"")
                    continue
                }
                if key == "date_published" { item.published = date } else { item.updated = date }
            }
            var people = entry["authors"] as? [[String: Any]] ?? []
            if let single = entry["author"] as? [String: Any] { people.append(single) }
            item.authors = people.compactMap { $0["name"] as? String }
            item.categories = entry["tags"] as? [String] ?? []
            item.enclosures = (entry["attachments"] as? [[String: Any]] ?? []).compactMap { attachment in
                guard let url = (attachment["url"] as? String).flatMap({ resolveURL($0, against: base) }) else { return nil }
                return Enclosure(url: url, type: attachment["mime_type"] as? String, length: (attachment["size_in_bytes"] as? NSNumber)?.intValue)
            }
            let rawID = (entry["id"] as? String) ?? (entry["id"] as? NSNumber)?.stringValue
            item.id = rawID ?? link ?? "fnv1a:" + FNV1a.hex((item.title ?? item.content ?? "") + "\u{1F}" + (entry["date_published"] as? String ?? ""))
            seen[item.id, default: 0] += 1
            feed.items.append(item)
        }
        for (index, item) in feed.items.enumerated() where seen[item.id, default: 0] > 1 {
            if let link = item.link { feed.items[index].id = link }
        }
        let future = FutureDate(options: options)
        for (index, item) in feed.items.enumerated() {
            if let warning = future.warning(title: item.title, id: item.id, published: item.published, updated: item.updated) {
                warnings.append("item \(index + 1): " + warning)
            }
        }
        for (id, count) in seen where count > 1 {
            warnings.append("id \"\(id.prefix(80))\" is used by \(count) items; keyed them by link")
        }
        feed.warnings = warnings
        return feed
    }

    private static func text(_ value: Any?, html: Bool, _ plainText: PlainTextMaker) -> String? {
        guard var string = value as? String else { return nil }
        let plain = string.withUTF8 { html ? plainText.fromHTML($0) : plainText.literal($0) }
        return plain.isEmpty ? nil : plain
    }

    /// Whether the HTML holds a `<`: memchr on its bytes (a byte-by-byte
    /// contains on the UTF-8 view cost more than the rest of the test).
    private static func hasMarkup(_ html: String) -> Bool {
        html.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 0x3C, bytes.count) != nil
        } ?? html.utf8.contains(UInt8(ascii: "<"))
    }
}
