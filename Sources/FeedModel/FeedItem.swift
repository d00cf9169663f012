import Foundation

/// One entry of a feed. `id` is stable across fetches: the guid or Atom id,
/// else the link, else a hash of title and date (the parser decides).
public struct FeedItem: Sendable, Equatable {
    public var id: String
    public var title: String?
    public var link: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [String]
    public var categories: [String]
    public var summary: String?
    public var content: String?
    public var enclosures: [Enclosure]
    /// The summary as the feed sent it, when that was HTML with markup (for the digest);
    /// `summary` is its plain text, for matching.
    public var summaryHTML: String?
    /// The content as the feed sent it, when that was HTML with markup; `content` is its plain text.
    public var contentHTML: String?
    /// The item's picture (media:thumbnail), absolute.
    public var thumbnailURL: String?

    public init(id: String, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, authors: [String] = [], categories: [String] = [],
                summary: String? = nil, content: String? = nil, enclosures: [Enclosure] = [],
                summaryHTML: String? = nil, contentHTML: String? = nil, thumbnailURL: String? = nil) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.summary = summary
        self.content = content
        self.enclosures = enclosures
        self.summaryHTML = summaryHTML
        self.contentHTML = contentHTML
        self.thumbnailURL = thumbnailURL
    }
}
