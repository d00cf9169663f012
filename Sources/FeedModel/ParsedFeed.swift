import Foundation

/// The syndication format a document was recognised as (by content, not by name).
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    case rss20 = "rss2.0"
    case rss10 = "rss1.0"
    case rss09x = "rss0.9x"
    case atom10 = "atom1.0"
    case atom03 = "atom0.3"
    case json11 = "json1.1"
    /// JSON Feed 1.0 (https://jsonfeed.org/version/1): one `author`, no `language`.
    case json10 = "json1.0"
}

/// One feed document as the parser understood it. Text fields are plain text:
/// tags stripped, entities decoded, whitespace collapsed.
public struct ParsedFeed: Sendable, Equatable {
    public var format: FeedFormat
    public var title: String?
    public var link: String?
    public var description: String?
    public var language: String?
    public var updated: Date?
    /// RSS <ttl>, in minutes, when the feed gives one (the scheduler honours it).
    public var ttlMinutes: Int?
    public var items: [FeedItem]
    /// Everything the parser had to forgive, as "line:column: what" sentences.
    public var warnings: [String]

    public init(format: FeedFormat, title: String? = nil, link: String? = nil,
                description: String? = nil, language: String? = nil, updated: Date? = nil,
                ttlMinutes: Int? = nil, items: [FeedItem] = [], warnings: [String] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.updated = updated
        self.ttlMinutes = ttlMinutes
        self.items = items
        self.warnings = warnings
    }
}
