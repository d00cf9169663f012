import Foundation
import FeedModel

/// The JSON shape of `feedwatch parse --json` (docs/parse-json.md); other tools
/// and the tests rely on it, so its keys and their order do not change.
enum FeedJSON {
    static func encode(_ feed: ParsedFeed) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(feed)), as: UTF8.self)
    }

    /// ISO 8601 in UTC with a trailing Z, whole seconds.
    static func timestamp(_ date: Date?) -> String? {
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    private struct Document: Encodable {
        let feed: ParsedFeed
        init(_ feed: ParsedFeed) { self.feed = feed }

        enum Key: String, CodingKey { case format, title, link, description, language, updated, items, warnings }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(feed.format.rawValue, forKey: .format)
            try c.encode(feed.title, forKey: .title)
            try c.encode(feed.link, forKey: .link)
            try c.encode(feed.description, forKey: .description)
            try c.encode(feed.language, forKey: .language)
            try c.encode(FeedJSON.timestamp(feed.updated), forKey: .updated)
            try c.encode(feed.items.map(Item.init), forKey: .items)
            try c.encode(feed.warnings, forKey: .warnings)
        }
    }

    private struct Item: Encodable {
        let item: FeedItem
        init(_ item: FeedItem) { self.item = item }

        enum Key: String, CodingKey {
            case id, title, link, published, updated, authors, categories, summary, content, enclosures
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(item.id, forKey: .id)
            try c.encode(item.title, forKey: .title)
            try c.encode(item.link, forKey: .link)
            try c.encode(FeedJSON.timestamp(item.published), forKey: .published)
            try c.encode(FeedJSON.timestamp(item.updated), forKey: .updated)
            try c.encode(item.authors, forKey: .authors)
            try c.encode(item.categories, forKey: .categories)
            try c.encode(item.summary, forKey: .summary)
            try c.encode(item.content, forKey: .content)
            try c.encode(item.enclosures.map(EnclosureJSON.init), forKey: .enclosures)
        }
    }

    private struct EnclosureJSON: Encodable {
        let url: String
        let type: String?
        let length: Int?
        init(_ enclosure: Enclosure) {
            url = enclosure.url
            type = enclosure.type
            length = enclosure.length
        }
        enum Key: String, CodingKey { case url, type, length }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(url, forKey: .url)
            try c.encode(type, forKey: .type)
            try c.encode(length, forKey: .length)
        }
    }
}
