import Foundation
import FeedModel

/// The SQLite file that holds feeds, items, matches and runs. The only place that knows SQL.
public final class Store: Sendable {
    /// Opens (creating and migrating if needed) the database at `path`.
    public init(path: String) throws {
        throw StoreError(message: "open \(path): not implemented yet")
    }

    /// The remembered state of a feed, or nil for a feed never polled.
    public func feedState(named name: String) throws -> FeedState? { nil }

    /// Writes one fetch of one feed (state, new items, their matches) in one transaction.
    /// Items are deduplicated per feed by guid/id, else link.
    public func save(_ record: FetchRecord) throws -> SaveSummary { SaveSummary() }

    public func recordRun(_ run: RunRecord) throws {}

    /// Kept items first seen in [start, end), oldest first.
    public func matchedItems(firstSeenFrom start: Date, to end: Date) throws -> [MatchedItem] { [] }

    /// Every feed the store knows.
    public func allFeedStates() throws -> [FeedState] { [] }
}
