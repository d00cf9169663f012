import Foundation
import FeedModel
import GRDB

/// What a day's digest reads: the day's kept items, their changes and disappearances,
/// and how many items each topic and entity had.
extension Store {
    /// Kept items first seen in [start, end), oldest first (then in the order they were stored),
    /// each as it stood at `end`: a title or text revised later reads as before that revision,
    /// so a past day's digest does not change when its items are edited afterwards.
    /// `summary` is the item's summary, else the start of its content.
    public func matchedItems(firstSeenFrom start: Date, to end: Date) throws -> [MatchedItem] {
        do {
            return try dbQueue.read { db in try Store.keptItems(firstSeenFrom: start, to: end, withMatches: true, in: db) }
        } catch {
            throw StoreError.wrapping(error, "read matched items")
        }
    }

    /// Kept items first seen in [start, end) with what story grouping needs: feed, id, title,
    /// link, dates and summary (as in `matchedItems`, at `end`), but no topics or hits, which are
    /// not decoded: the window before a digest day is read only to find who reported first.
    public func storyContext(firstSeenFrom start: Date, to end: Date) throws -> [MatchedItem] {
        do {
            return try dbQueue.read { db in try Store.keptItems(firstSeenFrom: start, to: end, withMatches: false, in: db) }
        } catch {
            throw StoreError.wrapping(error, "read story context")
        }
    }

    /// The body of `matchedItems` and `storyContext`. Columns are read by position (by name,
    /// GRDB lower-cases each name on each row), and an item's content only when it has no summary.
    private static func keptItems(firstSeenFrom start: Date, to end: Date, withMatches: Bool,
                                  in db: Database) throws -> [MatchedItem] {
        let statement = try db.cachedStatement(sql: """
            SELECT items.id, feeds.name, feeds.title, items.item_key, items.title, items.link, items.published,
                   items.updated, items.first_seen, items.summary,
                   CASE WHEN items.summary IS NULL THEN items.content END,
                   \(withMatches ? """
                       matches.topics, matches.hits, matches.score, items.summary_html,
                       CASE WHEN items.summary IS NULL THEN substr(items.content_html, 1, \(storyHTMLLength)) END
                       """ : "NULL, NULL, NULL, NULL, NULL")
            FROM items
            JOIN matches ON matches.item_id = items.id
            JOIN feeds ON feeds.id = items.feed_id
            WHERE items.first_seen >= ? AND items.first_seen < ?
            ORDER BY items.first_seen, items.id
            """)
        let before = try versionsBefore(end, firstSeenFrom: start, in: db)
        var items: [MatchedItem] = []
        let rows = try Row.fetchCursor(statement, arguments: [start, end])
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let key: String = row[3]
            var title: String? = row[4], summary: String? = row[9], content: String? = row[10]
            var summaryHTML: String? = row[14], contentHTML: String? = row[15]
            if let old = before[id] {
                (title, summary, content) = (old.title, old.summary, old.content)
                (summaryHTML, contentHTML) = (old.summaryHTML, old.contentHTML.map { String($0.prefix(storyHTMLLength)) })
            }
            var topics: [String] = [], hits: [Hit] = []
            if withMatches {
                topics = try decodeJSON([String].self, from: row[11], column: "topics of item \(key)")
                hits = try decodeHits(row[12], column: "hits of item \(key)")
            }
            items.append(MatchedItem(
                feedName: row[1], feedTitle: row[2], itemID: key, title: title ?? "", link: row[5],
                published: row[6], firstSeen: row[8], topics: topics, hits: hits, updated: row[7],
                summary: summary ?? content.map { String($0.prefix(storyTextLength)) },
                // The HTML of whichever text `summary` came from; nil when that was plain text.
                summaryHTML: summary != nil ? summaryHTML : contentHTML, score: row[13]))
        }
        return items
    }

    /// How much of a content the digest reads when an item has no summary.
    static let storyTextLength = 1_000
    /// The same for its HTML (markup takes room; the HTML digest cuts it shorter anyway).
    static let storyHTMLLength = 4_000

    /// An item as it stood before a revision.
    struct OldVersion {
        var title: String?, summary: String?, content: String?, summaryHTML: String?, contentHTML: String?
    }

    /// For items first seen from `start` and revised at or after `end`: the version the first such
    /// revision replaced, by item row id.
    private static func versionsBefore(_ end: Date, firstSeenFrom start: Date, in db: Database) throws
        -> [Int64: OldVersion] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT item_revisions.item_id, item_revisions.old_title, item_revisions.old_summary,
                   item_revisions.old_content, item_revisions.old_summary_html, item_revisions.old_content_html
            FROM item_revisions JOIN items ON items.id = item_revisions.item_id
            WHERE items.first_seen >= ? AND items.first_seen < ? AND item_revisions.seen_at >= ?
            ORDER BY item_revisions.seen_at, item_revisions.id
            """, arguments: [start, end, end])
        var versions: [Int64: OldVersion] = [:]
        for row in rows {
            let id: Int64 = row["item_id"]
            if versions[id] == nil {
                versions[id] = OldVersion(title: row["old_title"], summary: row["old_summary"], content: row["old_content"],
                                          summaryHTML: row["old_summary_html"], contentHTML: row["old_content_html"])
            }
        }
        return versions
    }

    /// Revisions of kept items seen in [start, end), in the order they were seen. The text
    /// compared is the content, else the summary.
    public func revisions(seenFrom start: Date, to end: Date) throws -> [ItemRevision] {
        do {
            return try dbQueue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT feeds.name AS feed_name, items.item_key, items.link, items.first_seen,
                           item_revisions.seen_at, item_revisions.old_title, item_revisions.new_title,
                           COALESCE(item_revisions.old_content, item_revisions.old_summary) AS old_text,
                           COALESCE(item_revisions.new_content, item_revisions.new_summary) AS new_text
                    FROM item_revisions
                    JOIN items ON items.id = item_revisions.item_id
                    JOIN matches ON matches.item_id = items.id
                    JOIN feeds ON feeds.id = items.feed_id
                    WHERE item_revisions.seen_at >= ? AND item_revisions.seen_at < ?
                    ORDER BY item_revisions.seen_at, item_revisions.id
                    """, arguments: [start, end]).map { row in
                    ItemRevision(feedName: row["feed_name"], itemID: row["item_key"], link: row["link"],
                                 firstSeen: row["first_seen"], seenAt: row["seen_at"],
                                 oldTitle: row["old_title"], newTitle: row["new_title"],
                                 oldText: row["old_text"], newText: row["new_text"])
                }
            }
        } catch {
            throw StoreError.wrapping(error, "read item revisions")
        }
    }

    /// Kept items found missing from their feed in [start, end), in the order they were noticed.
    public func disappearances(noticedFrom start: Date, to end: Date) throws -> [ItemDisappearance] {
        do {
            return try dbQueue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT feeds.name AS feed_name, items.item_key, items.title, items.link, items.first_seen,
                           item_disappearances.last_present, item_disappearances.noticed_at
                    FROM item_disappearances
                    JOIN items ON items.id = item_disappearances.item_id
                    JOIN matches ON matches.item_id = items.id
                    JOIN feeds ON feeds.id = items.feed_id
                    WHERE item_disappearances.noticed_at >= ? AND item_disappearances.noticed_at < ?
                    ORDER BY item_disappearances.noticed_at, item_disappearances.id
                    """, arguments: [start, end]).map { row in
                    ItemDisappearance(feedName: row["feed_name"], itemID: row["item_key"], title: row["title"],
                                      link: row["link"], firstSeen: row["first_seen"],
                                      lastPresent: row["last_present"], noticedAt: row["noticed_at"])
                }
            }
        } catch {
            throw StoreError.wrapping(error, "read item disappearances")
        }
    }

    /// How many kept items first seen in [start, end) had each topic and each entity.
    ///
    /// Whole hours come from `label_hours`; the parts of an hour at either end (a day that
    /// starts at :30 in its time zone) from `match_labels`, so the counts are exact.
    public func labelCounts(firstSeenFrom start: Date, to end: Date) throws -> LabelCounts {
        let hour = 3600.0
        let wholeFrom = Date(timeIntervalSince1970: (start.timeIntervalSince1970 / hour).rounded(.up) * hour)
        let wholeTo = Date(timeIntervalSince1970: (end.timeIntervalSince1970 / hour).rounded(.down) * hour)
        let sql: String
        let arguments: StatementArguments
        if wholeFrom < wholeTo {
            sql = """
                SELECT kind, name, SUM(items) AS items FROM (
                    SELECT kind, name, items FROM label_hours WHERE hour >= substr(?, 1, 13) AND hour < substr(?, 1, 13)
                    UNION ALL
                    SELECT kind, name, 1 FROM match_labels WHERE first_seen >= ? AND first_seen < ?
                    UNION ALL
                    SELECT kind, name, 1 FROM match_labels WHERE first_seen >= ? AND first_seen < ?)
                GROUP BY kind, name HAVING SUM(items) > 0
                """
            arguments = [wholeFrom, wholeTo, start, wholeFrom, wholeTo, end]
        } else {
            sql = """
                SELECT kind, name, COUNT(*) AS items FROM match_labels
                WHERE first_seen >= ? AND first_seen < ?
                GROUP BY kind, name
                """
            arguments = [start, end]
        }
        do {
            return try dbQueue.read { db in
                var counts = LabelCounts()
                for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments) {
                    let kind: String = row[0], name: String = row[1], items: Int = row[2]
                    if kind == "topic" { counts.topics[name] = items } else { counts.entities[name] = items }
                }
                return counts
            }
        } catch {
            throw StoreError.wrapping(error, "count topics and entities")
        }
    }
}
