/// The text of one item as the matcher sees it (plain text, not HTML), and
/// what is known of the feed it came from (for `feed:`, `lang:`, `country:`).
public struct MatchInput: Sendable, Equatable {
    public var title: String
    public var summary: String
    public var content: String
    public var authors: [String]
    public var categories: [String]
    /// The feed's name.
    public var feed: String?
    /// The item's language, else the feed's `lang=`.
    public var language: String?
    /// The feed's `country=`.
    public var country: String?

    public init(title: String = "", summary: String = "", content: String = "", authors: [String] = [],
                categories: [String] = [], feed: String? = nil, language: String? = nil, country: String? = nil) {
        self.title = title
        self.summary = summary
        self.content = content
        self.authors = authors
        self.categories = categories
        self.feed = feed
        self.language = language
        self.country = country
    }
}
