/// A value of the feed an item came from, tested by `feed:`, `lang:` and
/// `country:` in a rule (from the feed's line in [feeds]).
public enum FeedAttribute: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The feed's name.
    case feed
    /// The feed's `lang=` (or the item's own language, when known).
    case lang
    /// The feed's `country=`.
    case country
}
