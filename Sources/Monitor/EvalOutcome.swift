import FeedModel

/// What the configured keep decision made of one sample, with its match (explained for a miss).
public struct EvalOutcome: Sendable, Equatable {
    public var sample: EvalSample
    public var kept: Bool
    /// Hits and cancelled hits; for a miss, from `Matcher.explain`, also every topic's trace.
    public var result: MatchResult

    public var isMiss: Bool { kept != sample.label }
}
