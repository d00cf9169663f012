import Foundation
import FeedModel
import GRDB

/// Re-running the rules over stored items (`feedwatch retest`): `StoreReader` reads them
/// back with their stored match, then the matches that changed are replaced here.
extension Store {
    /// Replaces the stored match of each item, all in one transaction: a kept result is
    /// written (topics and hits), a result that is not kept removes the item's match.
    /// Any failure (an unknown item among them) leaves every match as it was.
    public func replaceMatches(_ updates: [(itemRowID: Int64, match: MatchResult)]) throws {
        do {
            try dbQueue.write { db in
                for (rowID, match) in updates {
                    // The digest counts topics and entities in match_labels: they follow the match.
                    try db.cachedStatement(sql: "DELETE FROM match_labels WHERE item_id = ?").execute(arguments: [rowID])
                    if match.isKept {
                        try db.cachedStatement(sql: """
                            INSERT INTO matches (item_id, topics, hits, score) VALUES (?, ?, ?, ?)
                            ON CONFLICT (item_id) DO UPDATE SET topics = excluded.topics, hits = excluded.hits,
                                score = excluded.score
                            """).execute(arguments: [rowID, try Store.encodeJSON(match.topics), try Store.encodeJSON(match.hits),
                                                     match.score])
                        guard let firstSeen = try Date.fetchOne(db.cachedStatement(sql: "SELECT first_seen FROM items WHERE id = ?"),
                                                                arguments: [rowID])
                        else { throw StoreError(message: "no item with row id \(rowID)") }
                        try Store.insertLabels(of: match, itemID: rowID, firstSeen: firstSeen, in: db)
                    } else {
                        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM items WHERE id = ?", arguments: [rowID]) != nil
                        else { throw StoreError(message: "no item with row id \(rowID)") }
                        try db.cachedStatement(sql: "DELETE FROM matches WHERE item_id = ?").execute(arguments: [rowID])
                    }
                }
            }
        } catch {
            throw StoreError.wrapping(error, "replace matches of \(updates.count) items")
        }
    }

    /// Every item first seen at or after `since`, oldest first (then in the order stored),
    /// with its stored match, one row at a time.
    static func forEachItem(firstSeenSince since: Date, in db: Database,
                            _ body: (StoredItem) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT items.id AS row_id, feeds.name AS feed_name, items.item_key, items.title, items.link,
                   items.published, items.updated, items.authors, items.categories, items.enclosures,
                   items.summary, items.content, items.first_seen,
                   matches.topics, matches.hits
            FROM items
            JOIN feeds ON feeds.id = items.feed_id
            LEFT JOIN matches ON matches.item_id = items.id
            WHERE items.first_seen >= ?
            ORDER BY items.first_seen, items.id
            """, arguments: [since])
        while let row = try rows.next() {
            try body(try storedItem(from: row))
        }
    }

    static func storedItem(from row: Row) throws -> StoredItem {
        let key: String = row["item_key"]
        let item = FeedItem(
            id: key, title: row["title"], link: row["link"], published: row["published"], updated: row["updated"],
            authors: try decodeJSON([String].self, from: row["authors"], column: "authors of item \(key)"),
            categories: try decodeJSON([String].self, from: row["categories"], column: "categories of item \(key)"),
            summary: row["summary"], content: row["content"],
            enclosures: try decodeJSON([Enclosure].self, from: row["enclosures"], column: "enclosures of item \(key)"))
        let topics: String? = row["topics"]
        let hits: String? = row["hits"]
        return StoredItem(
            itemRowID: row["row_id"], feedName: row["feed_name"], item: item, firstSeen: row["first_seen"],
            keptTopics: try topics.map { try decodeJSON([String].self, from: $0, column: "topics of item \(key)") },
            keptHits: try hits.map { try decodeHits($0, column: "hits of item \(key)") } ?? [])
    }
}
