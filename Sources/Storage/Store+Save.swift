import Foundation
import FeedModel
import GRDB

extension Store {
    /// The body of `save(_:)`, run inside the write transaction: any throw rolls all of it back.
    static func save(_ record: FetchRecord, in db: Database) throws -> SaveSummary {
        let feedID = try upsertFeed(record.feed, in: db)
        if let schedule = record.schedule {
            try saveSchedule(schedule, feedID: feedID, in: db)
        }
        switch record.outcome {
        case let .fetched(feedTitle, etag, lastModified, items):
            // Validators are replaced verbatim, nil included: they describe this response only.
            // A title the feed stopped sending is kept.
            try db.execute(sql: """
                UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?,
                    last_checked = ?, last_success = ?, consecutive_failures = 0
                WHERE id = ?
                """, arguments: [feedTitle, etag, lastModified, record.checkedAt, record.checkedAt, feedID])
            var summary = SaveSummary()
            for (item, match) in items {
                guard let itemID = try insertItem(item, feedID: feedID, firstSeen: record.checkedAt, in: db) else {
                    continue
                }
                summary.newItems += 1
                if match.isKept {
                    try db.cachedStatement(sql: "INSERT INTO matches (item_id, topics, hits) VALUES (?, ?, ?)")
                        .execute(arguments: [itemID, try encodeJSON(match.topics), try encodeJSON(match.hits)])
                    summary.newMatches += 1
                }
            }
            return summary

        case let .notModified(etag, lastModified):
            // A 304 is a success; a server may send fresher validators with it, never fewer.
            try db.execute(sql: """
                UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
                    last_checked = ?, last_success = ?, consecutive_failures = 0
                WHERE id = ?
                """, arguments: [etag, lastModified, record.checkedAt, record.checkedAt, feedID])
            return SaveSummary()

        case let .failed(kind, message):
            try db.execute(sql: """
                UPDATE feeds SET last_checked = ?, last_failure = ?, last_failure_kind = ?,
                    last_failure_message = ?, consecutive_failures = consecutive_failures + 1
                WHERE id = ?
                """, arguments: [record.checkedAt, record.checkedAt, kind.rawValue, message, feedID])
            return SaveSummary()
        }
    }

    /// Written as given, nil included: the scheduler has already decided what to keep.
    private static func saveSchedule(_ schedule: FeedSchedule, feedID: Int64, in db: Database) throws {
        try db.execute(sql: """
            UPDATE feeds SET next_check = ?, last_interval_seconds = ?, last_unconditional = ?,
                last_http_status = ?, permanent_redirect_target = ?, permanent_redirect_since = ?,
                moved_to = ?, gone_at = ?, retry_after_until = ?, served_url = ?
            WHERE id = ?
            """, arguments: [schedule.nextCheck, schedule.lastIntervalSeconds, schedule.lastUnconditional,
                             schedule.lastHTTPStatus, schedule.permanentRedirectTarget,
                             schedule.permanentRedirectSince, schedule.movedTo, schedule.goneAt,
                             schedule.retryAfterUntil, schedule.servedURL, feedID])
    }

    static func saveSchedule(_ schedule: FeedSchedule, feedNamed name: String, in db: Database) throws {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM feeds WHERE name = ?", arguments: [name]) else {
            throw StoreError(message: "no feed named \(name)")
        }
        try saveSchedule(schedule, feedID: id, in: db)
    }

    /// The feed's row id, creating the row on first sight; the URL follows feeds.conf.
    private static func upsertFeed(_ feed: FeedSource, in db: Database) throws -> Int64 {
        let id = try Int64.fetchOne(db, sql: """
            INSERT INTO feeds (name, url) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET url = excluded.url
            RETURNING id
            """, arguments: [feed.name, feed.url])
        guard let id else { throw StoreError(message: "no row id for feed \(feed.name)") }
        return id
    }

    /// Inserts an item not seen before and returns its row id; nil when the feed already has it.
    /// A stored item is left as it is (later revisions are not tracked yet).
    private static func insertItem(_ item: FeedItem, feedID: Int64, firstSeen: Date, in db: Database) throws -> Int64? {
        // Cached: a poll inserts thousands of items through this one statement.
        try db.cachedStatement(sql: """
            INSERT INTO items (feed_id, item_key, title, link, published, updated,
                               authors, categories, enclosures, summary, content, first_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed_id, item_key) DO NOTHING
            """).execute(arguments: [feedID, item.id, item.title, item.link, item.published, item.updated,
                             try encodeJSON(item.authors), try encodeJSON(item.categories),
                             try encodeJSON(item.enclosures), item.summary, item.content, firstSeen])
        return db.changesCount > 0 ? db.lastInsertedRowID : nil
    }
}
