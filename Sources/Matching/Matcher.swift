import FeedModel

/// Finds every spelling of every entity and term in an item's text at once,
/// then evaluates each topic's rule over what was found.
public final class Matcher: Sendable {
    public init(entities: [EntityDefinition], topics: [TopicDefinition], maxSuffixLength: Int = 6) {}

    public func match(_ input: MatchInput) -> MatchResult {
        MatchResult()
    }
}
