import Foundation
import Testing
import FeedModel
@testable import Storage

@Suite struct StoreSchemaTests {
    @Test func migrationCreatesTheSchema() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.file("feedwatch.sqlite"))

        #expect(try store.appliedMigrations() == ["v1", "v2"])
        #expect(try store.tableNames() == ["feeds", "items", "matches", "runs"])
        #expect(try store.columnNames(of: "feeds") == [
            "id", "name", "url", "title", "etag", "last_modified", "last_checked", "last_success",
            "last_failure", "last_failure_kind", "last_failure_message", "consecutive_failures",
            "next_check", "last_interval_seconds", "last_unconditional", "last_http_status",
            "permanent_redirect_target", "permanent_redirect_since", "moved_to", "gone_at",
            "retry_after_until", "served_url",
        ])
        #expect(try store.columnNames(of: "items") == [
            "id", "feed_id", "item_key", "title", "link", "published", "updated", "authors",
            "categories", "enclosures", "summary", "content", "first_seen",
        ])
        #expect(try store.columnNames(of: "matches") == ["item_id", "topics", "hits"])
        #expect(try store.columnNames(of: "runs") == [
            "id", "started_at", "finished_at", "feeds_checked", "feeds_failed", "new_items", "new_matches",
        ])
        let itemIndexes = try store.indexedColumns(of: "items")
        #expect(itemIndexes.contains(["first_seen", "id"]))
        #expect(itemIndexes.contains(["feed_id", "item_key"]))
        #expect(itemIndexes.contains(["feed_id", "first_seen"]))
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
        #expect(try again.appliedMigrations() == ["v1", "v2"])
    }

    @Test func aVersionOneStoreUpgradesKeepingItsFeedsAndItems() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("feedwatch.sqlite")
        let old = try Store(path: path, migratingUpTo: "v1")
        #expect(try old.appliedMigrations() == ["v1"])
        _ = try old.save(Sample.fetched([(Sample.item("a"), Sample.kept)]))

        let upgraded = try Store(path: path)
        #expect(try upgraded.appliedMigrations() == ["v1", "v2"])
        let state = try #require(try upgraded.feedState(named: "azertag"))
        #expect(state.etag == "\"v1\"")
        #expect(state.lastSuccess == Sample.noon)
        // A feed from before scheduling existed has no next check: it is due.
        #expect(state.schedule == FeedSchedule())
        #expect(try upgraded.rowCount(of: "items") == 1)
    }

    @Test func createsMissingFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("var/lib/feedwatch.sqlite")
        let store = try Store(path: path)
        #expect(try store.tableNames().count == 4)
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
