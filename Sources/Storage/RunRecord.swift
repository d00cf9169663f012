import Foundation

/// One `feedwatch poll` run, for the runs table.
public struct RunRecord: Sendable, Equatable {
    public var startedAt: Date
    public var finishedAt: Date
    public var feedsChecked: Int
    public var feedsFailed: Int
    public var newItems: Int
    public var newMatches: Int

    public init(startedAt: Date, finishedAt: Date, feedsChecked: Int, feedsFailed: Int, newItems: Int, newMatches: Int) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.feedsChecked = feedsChecked
        self.feedsFailed = feedsFailed
        self.newItems = newItems
        self.newMatches = newMatches
    }
}
