import Foundation
import FeedModel

/// The JSON shape of `feedwatch parse --json` (docs/parse-json.md); other tools
/// and the tests rely on it, so its keys and their order do not change.
enum FeedJSON {
    static func encode(_ feed: ParsedFeed) -> String {
        JSONValue.object([
            ("format", .string(feed.format.rawValue)),
            ("title", .optional(feed.title)),
            ("link", .optional(feed.link)),
            ("description", .optional(feed.description)),
            ("language", .optional(feed.language)),
            ("updated", .optional(timestamp(feed.updated))),
            ("items", .array(feed.items.map(item))),
            ("warnings", .array(feed.warnings.map(JSONValue.string))),
        ]).rendered()
    }

    static func item(_ item: FeedItem) -> JSONValue {
        .object([
            ("id", .string(item.id)),
            ("title", .optional(item.title)),
            ("link", .optional(item.link)),
            ("published", .optional(timestamp(item.published))),
            ("updated", .optional(timestamp(item.updated))),
            ("authors", .array(item.authors.map(JSONValue.string))),
            ("categories", .array(item.categories.map(JSONValue.string))),
            ("summary", .optional(item.summary)),
            ("content", .optional(item.content)),
            ("enclosures", .array(item.enclosures.map { enclosure in
                .object([
                    ("url", .string(enclosure.url)),
                    ("type", .optional(enclosure.type)),
                    ("length", .optional(enclosure.length)),
                ])
            })),
        ])
    }

    /// ISO 8601 in UTC with a trailing Z, whole seconds.
    static func timestamp(_ date: Date?) -> String? {
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
