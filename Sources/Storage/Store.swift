import Foundation
import FeedModel
import GRDB

/// The SQLite file that holds feeds, items, matches and runs. The only place that knows SQL.
///
/// One `DatabaseQueue` in WAL mode: a poll run writes one feed at a time, and WAL lets
/// another process (a digest run, `sqlite3` in a terminal) read while it does.
public final class Store: Sendable {
    public let path: String
    let dbQueue: DatabaseQueue

    /// Opens (creating and migrating if needed) the database at `path`.
    /// The folder is created when missing.
    public convenience init(path: String) throws {
        try self.init(path: path, migratingUpTo: nil)
    }

    /// `migratingUpTo`: stop after that migration (tests of upgrades from an older schema).
    init(path: String, migratingUpTo lastMigration: String?) throws {
        self.path = path
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            configuration.journalMode = .wal
            configuration.foreignKeysEnabled = true
            // Another poll or a digest run may hold the write lock for a moment.
            configuration.busyMode = .timeout(10)
            configuration.label = "feedwatch.store"
            dbQueue = try DatabaseQueue(path: path, configuration: configuration)
            if let lastMigration {
                try Store.migrator.migrate(dbQueue, upTo: lastMigration)
            } else {
                try Store.migrator.migrate(dbQueue)
            }
        } catch {
            throw StoreError.wrapping(error, "open \(path)")
        }
    }

    /// The remembered state of a feed, or nil for a feed never polled.
    public func feedState(named name: String) throws -> FeedState? {
        do {
            return try dbQueue.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM feeds WHERE name = ?", arguments: [name])
                    .map(Store.feedState(from:))
            }
        } catch {
            throw StoreError.wrapping(error, "read feed \(name)")
        }
    }

    /// Writes one fetch of one feed (state, new items, their matches) in one transaction.
    /// Items are deduplicated per feed by guid/id, else link.
    public func save(_ record: FetchRecord) throws -> SaveSummary {
        do {
            return try dbQueue.write { db in try Store.save(record, in: db) }
        } catch {
            throw StoreError.wrapping(error, "save feed \(record.feed.name)")
        }
    }

    /// Like `save(_:)`, with the feed's schedule decided inside the same transaction once the
    /// items are in: `schedule` gets the dates of the feed's items dated at or after `since`
    /// (this record's new items included; see `itemDates(feedNamed:since:)`) and returns the
    /// schedule to store, which replaces `record.schedule`.
    public func save(_ record: FetchRecord, itemDatesSince since: Date,
                     schedule: (_ itemDates: [Date]) -> FeedSchedule) throws -> SaveSummary {
        do {
            return try dbQueue.write { db in
                var record = record
                record.schedule = nil
                let summary = try Store.save(record, in: db)
                let dates = try Store.itemDates(feedNamed: record.feed.name, since: since, in: db)
                try Store.saveSchedule(schedule(dates), feedNamed: record.feed.name, in: db)
                return summary
            }
        } catch {
            throw StoreError.wrapping(error, "save feed \(record.feed.name)")
        }
    }

    public func recordRun(_ run: RunRecord) throws {
        do {
            try dbQueue.write { db in
                try db.execute(sql: """
                    INSERT INTO runs (started_at, finished_at, feeds_checked, feeds_failed, new_items, new_matches)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [run.startedAt, run.finishedAt, run.feedsChecked, run.feedsFailed,
                                     run.newItems, run.newMatches])
            }
        } catch {
            throw StoreError.wrapping(error, "record run")
        }
    }

    /// The last `limit` runs, newest first (for health reports).
    public func recentRuns(limit: Int = 20) throws -> [RunRecord] {
        do {
            return try dbQueue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT ?",
                                 arguments: [limit]).map { row in
                    RunRecord(startedAt: row["started_at"], finishedAt: row["finished_at"],
                              feedsChecked: row["feeds_checked"], feedsFailed: row["feeds_failed"],
                              newItems: row["new_items"], newMatches: row["new_matches"])
                }
            }
        } catch {
            throw StoreError.wrapping(error, "read runs")
        }
    }

    /// Every feed the store knows, by name.
    public func allFeedStates() throws -> [FeedState] {
        do {
            return try dbQueue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM feeds ORDER BY name").map(Store.feedState(from:))
            }
        } catch {
            throw StoreError.wrapping(error, "read feeds")
        }
    }
}
