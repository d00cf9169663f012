import Foundation
import GRDB

/// When feeds publish, for the scheduler (rhythm) and the health report (silence).
///
/// An item's date is its published date, else the time it was first seen; a published
/// date later than the first sighting (a feed without zones, a clock ahead) counts as
/// the first sighting, so a future date never makes a feed look busier or fresher.
extension Store {
    static let itemDateSQL = "MIN(COALESCE(items.published, items.first_seen), items.first_seen)"

    /// The dates of the items of feed `name` dated at or after `since`, newest first.
    public func itemDates(feedNamed name: String, since: Date) throws -> [Date] {
        do {
            return try dbQueue.read { db in try Store.itemDates(feedNamed: name, since: since, in: db) }
        } catch {
            throw StoreError.wrapping(error, "read item dates of feed \(name)")
        }
    }

    static func itemDates(feedNamed name: String, since: Date, in db: Database) throws -> [Date] {
        try Date.fetchAll(db, sql: """
            SELECT \(Store.itemDateSQL) AS item_date
            FROM items JOIN feeds ON feeds.id = items.feed_id
            WHERE feeds.name = ? AND item_date >= ?
            ORDER BY item_date DESC
            """, arguments: [name, since])
    }

    /// The date of the newest item of every feed that has items, by feed name.
    public func newestItemDates() throws -> [String: Date] {
        do {
            return try dbQueue.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT feeds.name AS name, MAX(\(Store.itemDateSQL)) AS newest
                    FROM items JOIN feeds ON feeds.id = items.feed_id
                    GROUP BY items.feed_id
                    """)
                var newest: [String: Date] = [:]
                for row in rows { newest[row["name"]] = row["newest"] }
                return newest
            }
        } catch {
            throw StoreError.wrapping(error, "read newest item dates")
        }
    }

    /// The dates of the newest `limit` items of every feed that has items, newest first, by feed name.
    /// One index range per feed (items_feed_item_date), so the cost follows the number of feeds,
    /// not the number of stored items.
    public func recentItemDates(limit: Int) throws -> [String: [Date]] {
        do {
            return try dbQueue.read { db in
                let feeds = try Row.fetchAll(db, sql: "SELECT id, name FROM feeds ORDER BY name")
                // The expression must read as the index's does: unqualified columns.
                let statement = try db.makeStatement(sql: """
                    SELECT MIN(COALESCE(published, first_seen), first_seen) AS item_date FROM items
                    WHERE feed_id = ?
                    ORDER BY MIN(COALESCE(published, first_seen), first_seen) DESC
                    LIMIT ?
                    """)
                var dates: [String: [Date]] = [:]
                for feed in feeds {
                    let id: Int64 = feed["id"], name: String = feed["name"]
                    let newest = try Date.fetchAll(statement, arguments: [id, limit])
                    if !newest.isEmpty { dates[name] = newest }
                }
                return dates
            }
        } catch {
            throw StoreError.wrapping(error, "read recent item dates")
        }
    }
}
