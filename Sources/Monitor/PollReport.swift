/// The result of one `feedwatch poll`.
public struct PollReport: Sendable, Equatable {
    /// One per feed, in feeds.conf order.
    public var outcomes: [FeedOutcome]
    /// Today's digest, brought up to date at the end of the run.
    public var digestPath: String

    public init(outcomes: [FeedOutcome], digestPath: String) {
        self.outcomes = outcomes
        self.digestPath = digestPath
    }

    public var failedCount: Int { outcomes.filter(\.isFailure).count }
    /// Feeds fetched in this run (the others were not due, gone, or asked to wait).
    public var checkedCount: Int { outcomes.filter(\.wasChecked).count }
    public var newItems: Int { outcomes.reduce(0) { $0 + $1.newItems } }
    public var newMatches: Int { outcomes.reduce(0) { $0 + $1.newMatches } }
}

extension FeedOutcome {
    var newItems: Int {
        if case .fetched(_, let new, _) = status { return new }
        return 0
    }
    var newMatches: Int {
        if case .fetched(_, _, let matches) = status { return matches }
        return 0
    }
}
