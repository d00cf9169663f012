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
            return try dbQueue.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT items.id, feeds.name AS feed_name, feeds.title AS feed_title,
                           items.item_key, items.title, items.link, items.published, items.updated,
                           items.first_seen, items.summary, items.content, matches.topics, matches.hits,
                           items.summary_html, substr(items.content_html, 1, \(Store.storyHTMLLength)) AS content_html
                    FROM items
                    JOIN matches ON matches.item_id = items.id
                    JOIN feeds ON feeds.id = items.feed_id
                    WHERE items.first_seen >= ? AND items.first_seen < ?
                    ORDER BY items.first_seen, items.id
                    """, arguments: [start, end])
                let before = try Store.versionsBefore(end, firstSeenFrom: start, in: db)
                return try rows.map { row in
                    let id: Int64 = row["id"]
                    var item = try Store.matchedItem(from: row)
                    var summary: String? = row["summary"], content: String? = row["content"]
                    var summaryHTML: String? = row["summary_html"], contentHTML: String? = row["content_html"]
                    if let old = before[id] {
                        item.title = old.title ?? ""
                        summary = old.summary
                        content = old.content
                        (summaryHTML, contentHTML) = (old.summaryHTML, old.contentHTML.map { String($0.prefix(Store.storyHTMLLength)) })
                    }
                    item.summary = summary ?? content.map { String($0.prefix(Store.storyTextLength)) }
                    // The HTML of whichever text `summary` came from; nil when that was plain text.
                    item.summaryHTML = summary != nil ? summaryHTML : contentHTML
                    return item
                }
            }
        } catch {
            throw StoreError.wrapping(error, "read matched items")
        }
    }

    /// Kept items first seen in [start, end) with what story grouping needs: feed, id, title,
    /// link, dates and summary (as in `matchedItems`, at `end`), but no topics or hits, which are
    /// not decoded: the window before a digest day is read only to find who reported first.
    public func storyContext(firstSeenFrom start: Date, to end: Date) throws -> [MatchedItem] {
        do {
            return try dbQueue.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT items.id, feeds.name AS feed_name, feeds.title AS feed_title,
                           items.item_key, items.title, items.link, items.published, items.updated,
                           items.first_seen, items.summary, items.content
                    FROM items
                    JOIN matches ON matches.item_id = items.id
                    JOIN feeds ON feeds.id = items.feed_id
                    WHERE items.first_seen >= ? AND items.first_seen < ?
                    ORDER BY items.first_seen, items.id
                    """, arguments: [start, end])
                let before = try Store.versionsBefore(end, firstSeenFrom: start, in: db)
                return rows.map { row in
                    let id: Int64 = row["id"]
                    var title: String? = row["title"], summary: String? = row["summary"], content: String? = row["content"]
                    if let old = before[id] {
                        (title, summary, content) = (old.title, old.summary, old.content)
                    }
                    return MatchedItem(feedName: row["feed_name"], feedTitle: row["feed_title"], itemID: row["item_key"],
                                       title: title ?? "", link: row["link"], published: row["published"],
                                       firstSeen: row["first_seen"], topics: [], hits: [], updated: row["updated"],
                                       summary: summary ?? content.map { String($0.prefix(Store.storyTextLength)) })
                }
            }
        } catch {
            throw StoreError.wrapping(error, "read story context")
        }
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
    public func labelCounts(firstSeenFrom start: Date, to end: Date) throws -> LabelCounts {
        do {
            return try dbQueue.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT kind, name, COUNT(*) AS items FROM match_labels
                    WHERE first_seen >= ? AND first_seen < ?
                    GROUP BY kind, name
                    """, arguments: [start, end])
                var counts = LabelCounts()
                for row in rows {
                    let kind: String = row["kind"], name: String = row["name"], items: Int = row["items"]
                    if kind == "topic" { counts.topics[name] = items } else { counts.entities[name] = items }
                }
                return counts
            }
        } catch {
            throw StoreError.wrapping(error, "count topics and entities")
        }
    }
}
