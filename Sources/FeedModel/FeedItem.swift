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

    public init(id: String, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, authors: [String] = [], categories: [String] = [],
                summary: String? = nil, content: String? = nil, enclosures: [Enclosure] = []) {
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
    }
}
