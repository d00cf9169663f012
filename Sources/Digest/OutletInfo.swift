/// Who an outlet is, for the lists of outlets under a story: from feeds.conf's per-feed
/// options (country, language, perspective), keyed by feed name in `DigestInput.outlets`.
public struct OutletInfo: Sendable, Equatable {
    /// ISO country code or a name, as feeds.conf gives it ("AZ", "Armenia").
    public var country: String?
    /// Language code ("az", "hy", "ru").
    public var language: String?
    /// Free text: "state", "independent", "opposition", "foreign", ...
    public var perspective: String?

    public init(country: String? = nil, language: String? = nil, perspective: String? = nil) {
        self.country = country
        self.language = language
        self.perspective = perspective
    }

    var isEmpty: Bool { country == nil && language == nil && perspective == nil }
}
