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
    /// `summary` is its plain text, for matching. Kept as bytes: see MarkupText.
    public var summaryMarkup: MarkupText?
    /// The content as the feed sent it, when that was HTML with markup; `content` is its plain text.
    public var contentMarkup: MarkupText?
    /// The item's picture (media:thumbnail), absolute.
    public var thumbnailURL: String?

    public init(id: String, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, authors: [String] = [], categories: [String] = [],
                summary: String? = nil, content: String? = nil, enclosures: [Enclosure] = [],
                summaryHTML: String? = nil, contentHTML: String? = nil, thumbnailURL: String? = nil) {
        self.init(id: id, title: title, link: link, published: published, updated: updated, authors: authors,
                  categories: categories, summary: summary, content: content, enclosures: enclosures,
                  summaryMarkup: summaryHTML.map(MarkupText.init), contentMarkup: contentHTML.map(MarkupText.init),
                  thumbnailURL: thumbnailURL)
    }

    /// The same with the HTML as bytes (the parser's way: no String for items nobody keeps).
    /// The markup parameters have no default, so that a call without them is not ambiguous.
    public init(id: String, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, authors: [String] = [], categories: [String] = [],
                summary: String? = nil, content: String? = nil, enclosures: [Enclosure] = [],
                summaryMarkup: MarkupText?, contentMarkup: MarkupText?, thumbnailURL: String? = nil) {
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
        self.summaryMarkup = summaryMarkup
        self.contentMarkup = contentMarkup
        self.thumbnailURL = thumbnailURL
    }

    /// `summaryMarkup` as a String, made on each read.
    public var summaryHTML: String? {
        get { summaryMarkup?.string }
        set { summaryMarkup = newValue.map(MarkupText.init) }
    }

    /// `contentMarkup` as a String, made on each read.
    public var contentHTML: String? {
        get { contentMarkup?.string }
        set { contentMarkup = newValue.map(MarkupText.init) }
    }
}
