import Foundation
import Testing
import TestSupport

/// `feedwatch feeds` through the built binary, after real polls against a loopback server.
@Suite struct FeedsCommandTests {
    static func writeConfig(in folder: TemporaryFolder, server: LoopbackServer) throws -> URL {
        let config = folder.url.appendingPathComponent("feeds.conf")
        try """
        [settings]
        database = feedwatch.sqlite
        digests = digests
        per_host = 4
        host_gap = 0s

        [feeds]
        \(server.url("/good.xml")) name=good
        \(server.url("/down")) name=down
        \(server.url("/gone")) name=gone
        \(server.url("/never.xml")) name=fresh
        """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    static func rss() -> String {
        let now = Date()
        let items = (0..<3).map { index in
            "<item><guid>g\(index)</guid><title>Item \(index)</title><pubDate>"
                + HTTPDate.string(now.addingTimeInterval(-Double(index) * 3_600)) + "</pubDate></item>"
        }.joined()
        return "<rss version=\"2.0\"><channel><title>Good</title>\(items)</channel></rss>"
    }

    /// Polls good, down and gone once (fresh is left unpolled) and returns the config path.
    static func polled(_ folder: TemporaryFolder, _ server: LoopbackServer) throws -> URL {
        server.serveFeed(path: "/good.xml", body: rss())
        server.route("/down", .status(503))
        server.route("/gone", .status(410))
        let config = try writeConfig(in: folder, server: server)
        let poll = try FeedwatchBinary.run(["poll", "--config", config.path, "--feed", "good", "--feed", "down",
                                            "--feed", "gone"])
        #expect(poll.status == 1, "\(poll.stderr)")
        #expect(poll.stderr.contains("gone: not fetched again until feeds.conf gives it a new URL"))
        return config
    }

    @Test func tableShowsOneLinePerFeedWithItsStatus() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let config = try Self.polled(folder, server)

        let result = try FeedwatchBinary.run(["feeds", "--config", config.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("STATUS"))
        let byFeed = Dictionary(uniqueKeysWithValues: lines.dropFirst().map { line in
            (line.split(separator: " ", omittingEmptySubsequences: true)[1], line)
        })
        #expect(byFeed["good"]?.hasPrefix("ok ") == true)
        #expect(byFeed["good"]?.contains("(usually every 1h)") == true)
        #expect(byFeed["down"]?.hasPrefix("failing ") == true)
        #expect(byFeed["down"]?.contains("1× http-5xx") == true)
        #expect(byFeed["gone"]?.hasPrefix("gone ") == true)
        #expect(byFeed["gone"]?.contains("410 Gone since") == true)
        #expect(byFeed["fresh"]?.hasPrefix("new ") == true)
        #expect(server.requestCount(to: "/never.xml") == 0)
        try await server.stop()
    }

    @Test func jsonHasStableKeysForScripts() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let config = try Self.polled(folder, server)

        let result = try FeedwatchBinary.run(["feeds", "--json", "--config", config.path])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(root["generated_at"] is String)
        let feeds = try #require(root["feeds"] as? [[String: Any]])
        #expect(feeds.map { $0["name"] as? String } == ["good", "down", "gone", "fresh"])
        #expect(feeds.map { $0["status"] as? String } == ["ok", "failing", "gone", "new"])
        // Keys in their documented order, the same for every feed.
        let keyLine = result.stdout.split(separator: "\n").filter { $0.hasPrefix("      \"") }
            .prefix(20).map { $0.split(separator: "\"")[1] }
        #expect(keyLine == ["name", "url", "status", "last_checked", "last_success", "last_failure",
                            "last_failure_kind", "last_failure_message", "consecutive_failures", "last_http_status",
                            "next_check", "newest_item", "newest_item_age_seconds", "usual_gap_seconds",
                            "silent_after_seconds", "moved_to", "gone_since", "served_url", "pending_redirect",
                            "pending_redirect_since"])
        #expect(feeds[0]["consecutive_failures"] as? Int == 0)
        #expect(feeds[0]["usual_gap_seconds"] as? Int == 3_600)
        #expect(feeds[0]["next_check"] is String)
        #expect(feeds[1]["last_failure_kind"] as? String == "http-5xx")
        #expect(feeds[1]["last_http_status"] as? Int == 503)
        #expect(feeds[1]["consecutive_failures"] as? Int == 1)
        #expect(feeds[2]["gone_since"] is String)
        #expect(feeds[2]["next_check"] is NSNull)
        #expect(feeds[3]["last_checked"] is NSNull)
        try await server.stop()
    }

    @Test func feedsBeforeAnyPollListsEveryFeedAsNewWithoutCreatingTheStore() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let config = try Self.writeConfig(in: folder, server: server)
        let result = try FeedwatchBinary.run(["feeds", "--config", config.path])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("new ") })
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("feedwatch.sqlite").path))
        #expect(server.requestCount == 0)
        try await server.stop()
    }
}
