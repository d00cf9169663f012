import Foundation
import Testing
import TestSupport

/// `feedwatch retest` through the built binary, after a real poll against a loopback server.
@Suite struct RetestCommandTests {
    static func writeConfig(_ folder: TemporaryFolder, server: LoopbackServer, topics: String) throws -> URL {
        let config = folder.url.appendingPathComponent("feeds.conf")
        try """
        [settings]
        database = state/feedwatch.sqlite
        digests = digests

        [feeds]
        \(server.url("/news.xml")) name=news

        [entity Nagorno-Karabakh]
        kind = region
        spellings = Nagorno-Karabakh, Karabakh

        \(topics)
        """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    static let before = "[topic Karabakh]\nrule = @Nagorno-Karabakh\n\n[topic Football]\nrule = derby\n"
    static let after = "[topic Karabakh]\nrule = @Nagorno-Karabakh AND NOT derby\n\n[topic Peacekeepers]\nrule = peacekeep*\n"

    /// Polls the feed under `before`, then rewrites feeds.conf with `after`.
    static func polled(_ folder: TemporaryFolder, _ server: LoopbackServer) throws -> (config: URL, database: URL) {
        let items = [("talks", "Karabakh talks resume"), ("derby", "Karabakh derby ends in a draw"),
                     ("convoy", "Russian peacekeepers leave Karabakh"), ("patrol", "Peacekeepers patrol the border")]
        let entries = items.map { "<item><guid>\($0.0)</guid><title>\($0.1)</title></item>" }.joined()
        server.serveFeed(path: "/news.xml", body: "<rss version=\"2.0\"><channel><title>N</title>\(entries)</channel></rss>")
        let config = try writeConfig(folder, server: server, topics: before)
        let poll = try FeedwatchBinary.run(["poll", "--config", config.path])
        #expect(poll.status == 0, "\(poll.stderr)")
        _ = try writeConfig(folder, server: server, topics: after)
        return (config, folder.url.appendingPathComponent("state/feedwatch.sqlite"))
    }

    @Test func printsWhatWouldChangeAndChangesNothing() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let (config, database) = try Self.polled(folder, server)
        let bytes = try Data(contentsOf: database)

        let result = try FeedwatchBinary.run(["retest", "--config", config.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("would drop  "))
        #expect(lines[0].contains("  news  \"Karabakh derby ends in a draw\"  Karabakh, Football -> (not kept)  ("))
        #expect(lines[0].contains("Karabakh: no longer fires; NOT derby title \"derby\""))
        #expect(lines[1].hasPrefix("topics      "))
        #expect(lines[1].contains("\"Russian peacekeepers leave Karabakh\"  Karabakh -> Karabakh, Peacekeepers  "
                                  + "(Peacekeepers: peacekeep* title \"peacekeepers\" (peacekeep*))"))
        #expect(lines[2].hasPrefix("would add   "))
        #expect(lines[2].contains("\"Peacekeepers patrol the border\"  (not kept) -> Peacekeepers"))
        #expect(lines[3].hasPrefix("4 items first seen since "))
        #expect(lines[3].contains("retested: 1 would be added, 1 dropped, 1 with other topics, 0 with other hits; "
                                  + "nothing stored (--apply stores them)"))
        #expect(try Data(contentsOf: database) == bytes, "retest without --apply must not write")

        let json = try FeedwatchBinary.run(["retest", "--config", config.path, "--json", "--since", "36h"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["applied"] as? Bool == false)
        #expect(object["examined"] as? Int == 4)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["kind"] as? String } == ["drop", "topics", "add"])
        #expect(changes.map { $0["id"] as? String } == ["derby", "convoy", "patrol"])
        #expect(changes[1]["topics_after"] as? [String] == ["Karabakh", "Peacekeepers"])
        #expect(try Data(contentsOf: database) == bytes)
        try await server.stop()
    }

    @Test func applyStoresThemOnce() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let (config, database) = try Self.polled(folder, server)
        let bytes = try Data(contentsOf: database)

        let applied = try FeedwatchBinary.run(["retest", "--config", config.path, "--apply"])
        #expect(applied.status == 0, "\(applied.stderr)")
        let lines = applied.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { String($0.prefix(10)) } == ["dropped   ", "refiled   ", "added     ", "4 items fi"])
        #expect(lines[3].contains("1 added, 1 dropped, 1 with other topics, 0 with other hits; stored; "
                                  + "today's digest rewritten: "))
        #expect(try Data(contentsOf: database) != bytes)

        let again = try FeedwatchBinary.run(["retest", "--config", config.path])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("4 items first seen since "))
        #expect(again.stdout.contains("0 would be added, 0 dropped, 0 with other topics, 0 with other hits; nothing to store"))
        try await server.stop()
    }

    @Test func aBadSinceIsAUsageError() throws {
        let folder = try TemporaryFolder()
        for value in ["7", "7x", "-2d", "abc"] {
            let result = try FeedwatchBinary.run(["retest", "--since=\(value)", "--config", folder.url.path + "/none.conf"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("--since \(value): expected a positive whole number and a unit s, m, h, d or w"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func aBadFeedsConfExitsTwoAndNoStoreExitsOne() throws {
        let folder = try TemporaryFolder()
        let config = folder.url.appendingPathComponent("feeds.conf")
        try "[settings]\ndatabase = feedwatch.sqlite\n\n[topic Karabakh]\nrule = @Karabah\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let bad = try FeedwatchBinary.run(["retest", "--config", config.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("feeds.conf:"))

        try "[settings]\ndatabase = feedwatch.sqlite\n".write(to: config, atomically: true, encoding: .utf8)
        let noStore = try FeedwatchBinary.run(["retest", "--config", config.path])
        #expect(noStore.status == 1)
        #expect(noStore.stderr.contains("no store at"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("feedwatch.sqlite").path))
    }
}
