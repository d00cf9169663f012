import Foundation
import Testing
import FeedModel
@testable import Storage

@Suite struct StoreSchemaTests {
    @Test func migrationCreatesTheSchema() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.file("feedwatch.sqlite"))

        #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5-digest"])
        #expect(try store.tableNames() == [
            "feeds", "item_disappearances", "item_revisions", "items", "label_hours", "match_labels", "matches", "runs",
        ])
        #expect(try store.columnNames(of: "feeds") == [
            "id", "name", "url", "title", "etag", "last_modified", "last_checked", "last_success",
            "last_failure", "last_failure_kind", "last_failure_message", "consecutive_failures",
            "next_check", "last_interval_seconds", "last_unconditional", "last_http_status",
            "permanent_redirect_target", "permanent_redirect_since", "moved_to", "gone_at",
            "retry_after_until", "served_url", "last_listed",
        ])
        #expect(try store.columnNames(of: "items") == [
            "id", "feed_id", "item_key", "title", "link", "published", "updated", "authors",
            "categories", "enclosures", "summary", "content", "first_seen", "last_present",
            "summary_html", "content_html",
        ])
        #expect(try store.columnNames(of: "item_revisions") == [
            "id", "item_id", "seen_at", "old_title", "new_title", "old_summary", "new_summary",
            "old_content", "new_content", "old_summary_html", "old_content_html",
        ])
        #expect(try store.columnNames(of: "item_disappearances") == ["id", "item_id", "last_present", "noticed_at"])
        #expect(try store.columnNames(of: "match_labels") == ["item_id", "kind", "name", "first_seen"])
        #expect(try store.indexedColumns(of: "match_labels").contains(["first_seen", "kind", "name"]))
        #expect(try store.indexedColumns(of: "item_revisions").contains(["seen_at", "item_id"]))
        #expect(try store.indexedColumns(of: "item_disappearances").contains(["noticed_at", "item_id"]))
        #expect(try store.columnNames(of: "matches") == ["item_id", "topics", "hits", "score"])
        #expect(try store.columnNames(of: "label_hours") == ["hour", "kind", "name", "items"])
        #expect(try store.columnNames(of: "runs") == [
            "id", "started_at", "finished_at", "feeds_checked", "feeds_failed", "new_items", "new_matches",
        ])
        let itemIndexes = try store.indexedColumns(of: "items")
        #expect(itemIndexes.contains(["first_seen", "id"]))
        #expect(itemIndexes.contains(["feed_id", "item_key"]))
        #expect(itemIndexes.contains(["feed_id", "first_seen"]))
        #expect(itemIndexes.contains(["feed_id", "last_present"]))
        #expect(try store.indexedColumns(of: "feeds").contains(["name"]))
    }

    @Test func connectionUsesWALAndForeignKeys() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.file("feedwatch.sqlite"))
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("foreign_keys") == "1")
        #expect(FileManager.default.fileExists(atPath: folder.file("feedwatch.sqlite")))
    }

    @Test func openingTwiceMigratesOnce() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("feedwatch.sqlite")
        _ = try Store(path: path)
        let again = try Store(path: path)
        #expect(try again.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5-digest"])
    }

    @Test func aVersionOneStoreUpgradesKeepingItsFeedsAndItems() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("feedwatch.sqlite")
        let old = try Store(path: path, migratingUpTo: "v1")
        #expect(try old.appliedMigrations() == ["v1"])
        try old.seedAsVersionOne()

        let upgraded = try Store(path: path)
        #expect(try upgraded.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5-digest"])
        let state = try #require(try upgraded.feedState(named: "azertag"))
        #expect(state.etag == "\"v1\"")
        #expect(state.lastSuccess == Sample.noon)
        // A feed from before scheduling existed has no next check: it is due.
        #expect(state.schedule == FeedSchedule())
        #expect(try upgraded.rowCount(of: "items") == 2)
    }

    @Test func aVersionTwoStoreUpgradesAndCountsItsOldMatches() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("feedwatch.sqlite")
        let old = try Store(path: path, migratingUpTo: "v2")
        try old.seedAsVersionOne()

        let upgraded = try Store(path: path)
        #expect(try upgraded.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5-digest"])
        let counts = try upgraded.labelCounts(firstSeenFrom: .distantPast, to: .distantFuture)
        #expect(counts == LabelCounts(topics: ["Karabakh": 1, "Diplomacy": 1], entities: ["Karabakh": 1, "Peskov": 1]))
        #expect(try upgraded.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture).map(\.itemID) == ["a"])
    }

    @Test func createsMissingFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("var/lib/feedwatch.sqlite")
        let store = try Store(path: path)
        #expect(try store.tableNames().count == 8)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func openFailureNamesThePath() throws {
        let folder = try TemporaryFolder()
        // A regular file where a folder should be: neither the folder nor the database can be made.
        let blocker = folder.file("blocker")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
        let path = blocker + "/feedwatch.sqlite"
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(error?.message.hasPrefix("open \(path): ") == true)
    }

    @Test func openRefusesAFileThatIsNotADatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("garbage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(error?.message.hasPrefix("open \(path): ") == true)
        #expect(error?.message.contains("not a database") == true)
    }
}

extension Store {
    /// Feed azertag with one kept item "a" (Sample.kept) and one dropped item "b", written the
    /// way a version-one feedwatch wrote them (today's `save` needs the newest schema).
    func seedAsVersionOne() throws {
        try dbQueue.write { db in
            try db.execute(sql: """
                INSERT INTO feeds (id, name, url, title, etag, last_modified, last_checked, last_success)
                VALUES (1, 'azertag', 'https://azertag.az/rss', 'AZERTAC', '"v1"', NULL, ?, ?);
                INSERT INTO items (id, feed_id, item_key, title, link, first_seen) VALUES
                    (1, 1, 'a', 'Item a', 'https://example.org/a', ?),
                    (2, 1, 'b', 'Item b', 'https://example.org/b', ?);
                INSERT INTO matches (item_id, topics, hits) VALUES (1, ?, ?);
                """, arguments: [Sample.noon, Sample.noon, Sample.noon, Sample.noon,
                                 try Store.encodeJSON(Sample.kept.topics), try Store.encodeJSON(Sample.kept.hits)])
        }
    }
}
