import FeedModel

/// What the configured keep decision made of one sample, with the explained match.
public struct EvalOutcome: Sendable, Equatable {
    public var sample: EvalSample
    public var kept: Bool
    /// From `Matcher.explain`: every topic's trace, hits and cancelled hits.
    public var result: MatchResult

    public var isMiss: Bool { kept != sample.label }
}
