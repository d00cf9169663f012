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
            let previousListing = try Date.fetchOne(
                db, sql: "SELECT last_listed FROM feeds WHERE id = ?", arguments: [feedID])
            var summary = SaveSummary()
            var listed = Set<String>()
            for (item, match) in items {
                // The same id twice in one document: the first copy wins.
                guard listed.insert(item.id).inserted else { continue }
                guard let itemID = try insertItem(item, feedID: feedID, firstSeen: record.checkedAt, in: db) else {
                    if try reviseItem(item, feedID: feedID, seenAt: record.checkedAt, in: db) {
                        summary.revisedItems += 1
                    }
                    continue
                }
                summary.newItems += 1
                if match.isKept {
                    try db.cachedStatement(sql: "INSERT INTO matches (item_id, topics, hits, score) VALUES (?, ?, ?, ?)")
                        .execute(arguments: [itemID, try encodeJSON(match.topics), try encodeJSON(match.hits), match.score])
                    try insertLabels(of: match, itemID: itemID, firstSeen: record.checkedAt, in: db)
                    summary.newMatches += 1
                }
            }
            if let previousListing, previousListing < record.checkedAt {
                summary.disappearedItems = try recordDisappearances(
                    feedID: feedID, previousListing: previousListing, now: record.checkedAt, in: db)
            }
            try db.execute(sql: "UPDATE feeds SET last_listed = ? WHERE id = ?", arguments: [record.checkedAt, feedID])
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

    /// Inserts an item not seen before and returns its row id; nil when the feed already has it
    /// (then `reviseItem` looks at it).
    private static func insertItem(_ item: FeedItem, feedID: Int64, firstSeen: Date, in db: Database) throws -> Int64? {
        // Cached: a poll inserts thousands of items through this one statement.
        try db.cachedStatement(sql: """
            INSERT INTO items (feed_id, item_key, title, link, published, updated,
                               authors, categories, enclosures, summary, content, first_seen, last_present,
                               summary_html, content_html)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (feed_id, item_key) DO NOTHING
            """).execute(arguments: [feedID, item.id, item.title, item.link, item.published, item.updated,
                             try encodeJSON(item.authors), try encodeJSON(item.categories),
                             try encodeJSON(item.enclosures), item.summary, item.content, firstSeen, firstSeen,
                                     item.summaryHTML, item.contentHTML])
        return db.changesCount > 0 ? db.lastInsertedRowID : nil
    }

    /// An item the feed lists again: marks it present and, when its title, summary or content
    /// changed, stores a revision (old and new) and the new version. True when it changed.
    ///
    /// Its match stays as decided at first sight, so the day it was filed under keeps its items.
    private static func reviseItem(_ item: FeedItem, feedID: Int64, seenAt: Date, in db: Database) throws -> Bool {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, title, summary, content, summary_html, content_html FROM items WHERE feed_id = ? AND item_key = ?
            """), arguments: [feedID, item.id]) else { return false }
        let id: Int64 = row["id"]
        let oldTitle: String? = row["title"], oldSummary: String? = row["summary"], oldContent: String? = row["content"]
        let oldSummaryHTML: String? = row["summary_html"], oldContentHTML: String? = row["content_html"]
        guard oldTitle != item.title || oldSummary != item.summary || oldContent != item.content else {
            try db.cachedStatement(sql: "UPDATE items SET last_present = ? WHERE id = ?").execute(arguments: [seenAt, id])
            return false
        }
        try db.cachedStatement(sql: """
            INSERT INTO item_revisions (item_id, seen_at, old_title, new_title, old_summary, new_summary,
                                        old_content, new_content, old_summary_html, old_content_html)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, seenAt, oldTitle, item.title, oldSummary, item.summary,
                                     oldContent, item.content, oldSummaryHTML, oldContentHTML])
        try db.cachedStatement(sql: """
            UPDATE items SET title = ?, summary = ?, content = ?, summary_html = ?, content_html = ?,
                             updated = COALESCE(?, updated), last_present = ?
            WHERE id = ?
            """).execute(arguments: [item.title, item.summary, item.content, item.summaryHTML, item.contentHTML,
                                     item.updated, seenAt, id])
        return true
    }

    /// One row per topic and per distinct entity of a kept item, for the digest's counts.
    static func insertLabels(of match: MatchResult, itemID: Int64, firstSeen: Date, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO match_labels (item_id, kind, name, first_seen) VALUES (?, ?, ?, ?)
            """)
        for topic in match.topics {
            try statement.execute(arguments: [itemID, "topic", topic, firstSeen])
        }
        for entity in match.entities {
            try statement.execute(arguments: [itemID, "entity", entity, firstSeen])
        }
    }

    /// Items of the previous listing that this one lacks, while an item dated before them
    /// (and listed before too) is still listed: taken down or replaced, not rolled off the
    /// end of the feed. Returns how many were recorded.
    private static func recordDisappearances(feedID: Int64, previousListing: Date, now: Date,
                                             in db: Database) throws -> Int {
        try db.execute(sql: """
            INSERT INTO item_disappearances (item_id, last_present, noticed_at)
            SELECT gone.id, gone.last_present, ?
            FROM items AS gone
            WHERE gone.feed_id = ? AND gone.last_present = ?
              AND EXISTS (
                  SELECT 1 FROM items AS kept
                  WHERE kept.feed_id = gone.feed_id AND kept.last_present = ? AND kept.first_seen < ?
                    AND COALESCE(kept.published, kept.updated, kept.first_seen)
                        < COALESCE(gone.published, gone.updated, gone.first_seen))
            """, arguments: [now, feedID, previousListing, now, now])
        return db.changesCount
    }
}
