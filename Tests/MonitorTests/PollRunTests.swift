import Foundation
import Testing
import Config
import FeedModel
import TestSupport
@testable import Monitor

/// A poll run against a real HTTP server on 127.0.0.1.
@Suite struct PollRunTests {
    static func rss(_ items: [(guid: String, title: String)]) -> String {
        let entries = items.map { item in
            "<item><guid>\(item.guid)</guid><title>\(item.title)</title><link>https://example.org/\(item.guid)</link>"
                + "<description>Talks on Nagorno-Karabakh resumed in Baku.</description></item>"
        }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test</title>\(entries)</channel></rss>"
    }

    static func configuration(in folder: URL, feeds: [String]) throws -> Configuration {
        try TestConfiguration.make(
            in: folder, settings: TestConfiguration.storeAndDigests,
            feedLines: feeds.enumerated().map { index, url in "\(url) name=feed\(index)" })
    }

    @Test func secondPollGetsNotModifiedAndStoresNothingNew() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.serveFeed(path: "/a.xml", body: Self.rss([("a1", "One"), ("a2", "Two")]),
                         etag: "\"v1-a\"", lastModified: "Mon, 15 Apr 2024 10:00:00 GMT")
        server.serveFeed(path: "/b.xml", body: Self.rss([("b1", "Three")]), etag: "W/\"v1-b\"")
        let config = try Self.configuration(in: folder.url, feeds: [server.url("/a.xml"), server.url("/b.xml")])

        let first = try PollRun(configuration: config).run()
        #expect(first.failedCount == 0)
        #expect(first.newItems == 3)
        #expect(first.outcomes.map(\.status) == [.fetched(items: 2, newItems: 2, newMatches: 2),
                                                 .fetched(items: 1, newItems: 1, newMatches: 1)])

        // Not due yet: --all forces the check.
        let second = try PollRun(configuration: config, forceAll: true).run()
        #expect(second.outcomes.map(\.status) == [.notModified, .notModified])
        #expect(second.newItems == 0)
        #expect(second.newMatches == 0)
        // The validators went back verbatim, weak-ETag quotes and all.
        #expect(server.requests(to: "/a.xml").last?.header("If-None-Match") == "\"v1-a\"")
        #expect(server.requests(to: "/a.xml").last?.header("If-Modified-Since") == "Mon, 15 Apr 2024 10:00:00 GMT")
        #expect(server.requests(to: "/b.xml").last?.header("If-None-Match") == "W/\"v1-b\"")
        try await server.stop()
    }

    @Test func aFailingFeedNeverStopsTheOthers() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.serveFeed(path: "/good.xml", body: Self.rss([("g1", "Karabakh talks")]))
        server.route("/broken", .status(503))
        server.route("/html", .ok(body: "<!DOCTYPE html><html><body>Not a feed</body></html>",
                                  headers: ["Content-Type": "text/html"]))
        server.route("/reset", .reset)
        let config = try Self.configuration(in: folder.url, feeds: [
            server.url("/broken"), server.url("/good.xml"), server.url("/html"), server.url("/reset"),
        ])

        let report = try PollRun(configuration: config).run()
        #expect(report.failedCount == 3)
        #expect(report.outcomes[1].status == .fetched(items: 1, newItems: 1, newMatches: 1))
        guard case .failed(let kind, let message) = report.outcomes[0].status else {
            Issue.record("503 should fail"); return
        }
        #expect(kind == .http5xx)
        #expect(message.contains(server.url("/broken")))
        if case .failed(let kind, _) = report.outcomes[2].status { #expect(kind == .htmlNotFeed) }
        else { Issue.record("an HTML page should fail as html-not-feed") }
        #expect(report.outcomes[3].isFailure)
        #expect(FileManager.default.fileExists(atPath: report.digestPath))
        try await server.stop()
    }

    @Test func aRunIsRefusedWhileAnotherHoldsTheLock() throws {
        let folder = try TemporaryFolder()
        let config = try Self.configuration(in: folder.url, feeds: [])
        let held = try PollLock(path: config.settings.lockPath)
        #expect(throws: MonitorError.locked(path: config.settings.lockPath)) {
            try PollRun(configuration: config).run()
        }
        withExtendedLifetime(held) {}
    }
}
