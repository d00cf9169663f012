import Foundation
import GRDB

/// A read-only look at an existing store, for commands that promise to change nothing
/// (`feedwatch retest` without --apply).
///
/// Opening a `Store` writes even when nothing is then written: GRDB's WAL set-up creates
/// and drops a table when the -wal file is missing, which changes the file's schema cookie,
/// and migrations may run. This opens the file read-only, creates nothing and migrates
/// nothing; it reads what schema v1 already had. A poll may write meanwhile (WAL).
public final class StoreReader: Sendable {
    public let path: String
    let dbQueue: DatabaseQueue

    /// Fails when there is no database at `path`.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(message: "open \(path): no such store")
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            configuration.label = "feedwatch.store.reader"
            dbQueue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.wrapping(error, "open \(path) for reading")
        }
    }

    /// Calls `body` with every item first seen at or after `since`, oldest first (then in
    /// the order stored), with its stored match. Items are read one at a time in a single
    /// read transaction, so a week of articles never sits in memory at once and a poll
    /// writing meanwhile is not seen halfway.
    public func forEachItem(firstSeenSince since: Date, _ body: (StoredItem) throws -> Void) throws {
        do {
            try dbQueue.read { db in try Store.forEachItem(firstSeenSince: since, in: db, body) }
        } catch {
            throw StoreError.wrapping(error, "read items first seen since \(since)")
        }
    }
}
