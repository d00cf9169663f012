import Foundation

/// One feed as configured in feeds.conf's [feeds] section.
public struct FeedSource: Sendable, Equatable, Hashable {
    /// Unique short name; defaults to the URL's host when feeds.conf gives none.
    public var name: String
    public var url: String
    public var country: String?
    public var language: String?
    public var tags: [String]
    /// `perspective=`: whose point of view the outlet takes (`state`, `independent`, `opposition`, ...), free text.
    public var perspective: String?
    /// Every other key=value option of the feed line, verbatim.
    public var options: [String: String]
    /// The options that change how the feed is fetched and read, checked and typed.
    public var fetch: FeedFetchOptions

    public init(name: String, url: String, country: String? = nil, language: String? = nil,
                tags: [String] = [], options: [String: String] = [:], fetch: FeedFetchOptions = FeedFetchOptions(),
                perspective: String? = nil) {
        self.name = name
        self.url = url
        self.country = country
        self.language = language
        self.tags = tags
        self.options = options
        self.fetch = fetch
        self.perspective = perspective
    }
}
