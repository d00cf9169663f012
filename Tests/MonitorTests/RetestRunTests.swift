import Foundation
import Testing
import Config
import FeedModel
import Storage
import TestSupport
@testable import Monitor

/// `retest` over a real store filled by real polls against 127.0.0.1, with feeds.conf
/// changed in between: a topic added, one removed, one rule tightened.
@Suite struct RetestRunTests {
    /// Before: Karabakh (any mention) and Football.
    static let before = """
        [topic Karabakh]
        rule = @Nagorno-Karabakh

        [topic Football]
        rule = football OR derby
        """
    /// After: Football gone, Peacekeepers new, Karabakh not in derby reports.
    static let after = """
        [topic Karabakh]
        rule = @Nagorno-Karabakh AND NOT derby

        [topic Peacekeepers]
        rule = peacekeep*
        """

    static func configuration(in folder: URL, feeds: [String], topics: String, keep: String? = nil) throws -> Configuration {
        try TestConfiguration.make(
            in: folder, settings: TestConfiguration.storeAndDigests, feedLines: feeds,
            gazetteer: """
                [entity Nagorno-Karabakh]
                kind = region
                spellings = Nagorno-Karabakh, Karabakh

                \(topics)
                \(keep.map { "\n[keep]\nrule = \($0)\n" } ?? "")
                """)
    }

    static func rss(_ items: [(guid: String, title: String)]) -> String {
        let entries = items.map { "<item><guid>\($0.guid)</guid><title>\($0.title)</title></item>" }.joined()
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\(entries)</channel></rss>"
    }

    static let items: [(guid: String, title: String)] = [
        ("talks", "Karabakh talks resume in Almaty"),
        ("derby", "Karabakh derby ends in a draw"),
        ("convoy", "Russian peacekeepers leave Karabakh"),
        ("patrol", "Peacekeepers patrol the border"),
        ("weather", "Rain expected in Baku"),
    ]

    /// A store polled under `before`: talks, derby (Karabakh, Football) and convoy kept;
    /// `old` (peacekeepers, first seen 10 days ago) not kept.
    static func polledStore(_ folder: TemporaryFolder, _ server: LoopbackServer) throws -> (feeds: [String], now: Date) {
        let feeds = ["\(server.url("/news.xml")) name=news", "\(server.url("/old.xml")) name=archive"]
        let now = Date()
        server.serveFeed(path: "/old.xml", body: rss([("old", "Peacekeepers withdraw, ten days on")]))
        server.serveFeed(path: "/news.xml", body: rss(items))
        let config = try configuration(in: folder.url, feeds: feeds, topics: before)
        let tenDaysAgo = now.addingTimeInterval(-10 * 86_400)
        _ = try PollRun(configuration: config, forcedFeeds: ["archive"]).run(now: { tenDaysAgo })
        _ = try PollRun(configuration: config, forcedFeeds: ["news"]).run(now: { now })
        return (feeds, now)
    }

    static func databaseBytes(_ config: Configuration) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: config.settings.databasePath))
    }

    @Test func theSameFeedsConfChangesNothing() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let (feeds, now) = try Self.polledStore(folder, server)
        let config = try Self.configuration(in: folder.url, feeds: feeds, topics: Self.before)

        let report = try RetestRun(configuration: config, window: LookbackWindow("30d")!).run(apply: false, now: now)
        #expect(report.examined == 6)
        #expect(report.changes.isEmpty)
        #expect(report.refreshedHits == 0)
        try await server.stop()
    }

    @Test func reportsExactlyTheAddsDropsAndTopicChangesAndWritesNothing() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let (feeds, now) = try Self.polledStore(folder, server)
        let config = try Self.configuration(in: folder.url, feeds: feeds, topics: Self.after)
        let bytes = try Self.databaseBytes(config)

        let report = try RetestRun(configuration: config, window: LookbackWindow("7d")!).run(apply: false, now: now)
        #expect(report.examined == 5, "the item first seen 10 days ago is outside 7d")
        #expect(report.changes.map(\.itemID) == ["derby", "convoy", "patrol"])
        let byID = Dictionary(uniqueKeysWithValues: report.changes.map { ($0.itemID, $0) })

        let derby = try #require(byID["derby"])
        #expect(derby.kind == .drop)
        #expect(derby.topicsBefore == ["Karabakh", "Football"])
        #expect(derby.topicsAfter == [])
        #expect(derby.reasons.contains("Karabakh: no longer fires; NOT derby title \"derby\""))
        #expect(derby.reasons.contains("Football: no such topic in feeds.conf now"))

        let convoy = try #require(byID["convoy"])
        #expect(convoy.kind == .topics)
        #expect(convoy.topicsBefore == ["Karabakh"])
        #expect(convoy.topicsAfter == ["Karabakh", "Peacekeepers"])
        #expect(convoy.reasons == ["Peacekeepers: peacekeep* title \"peacekeepers\" (peacekeep*)"])

        let patrol = try #require(byID["patrol"])
        #expect(patrol.kind == .add)
        #expect(patrol.topicsBefore == [])
        #expect(patrol.topicsAfter == ["Peacekeepers"])
        #expect(patrol.feedName == "news")
        #expect(patrol.title == "Peacekeepers patrol the border")
        #expect(patrol.reasons == ["Peacekeepers: peacekeep* title \"Peacekeepers\" (peacekeep*)"])

        #expect((report.adds, report.drops, report.topicChanges) == (1, 1, 1))
        #expect(!report.applied)
        #expect(report.digestPath == nil)
        #expect(try Self.databaseBytes(config) == bytes, "a retest without --apply must not write")

        // A longer window reaches the old item too.
        let wider = try RetestRun(configuration: config, window: LookbackWindow("2w")!).run(apply: false, now: now)
        #expect(wider.changes.map(\.itemID) == ["old", "derby", "convoy", "patrol"])
        #expect(wider.changes.first?.kind == .add)
        #expect(try Self.databaseBytes(config) == bytes)
        try await server.stop()
    }

    @Test func applyStoresTheNewMatchesAndRewritesTodaysDigest() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let (feeds, now) = try Self.polledStore(folder, server)
        let config = try Self.configuration(in: folder.url, feeds: feeds, topics: Self.after)
        let bytes = try Self.databaseBytes(config)

        let report = try RetestRun(configuration: config, window: LookbackWindow("7d")!).run(apply: true, now: now)
        #expect(report.applied)
        #expect(report.changes.count == 3)
        #expect(try Self.databaseBytes(config) != bytes)

        let store = try Store(path: config.settings.databasePath)
        let kept = try store.matchedItems(firstSeenFrom: now.addingTimeInterval(-86_400), to: now.addingTimeInterval(60))
        #expect(kept.map(\.itemID) == ["talks", "convoy", "patrol"])
        #expect(kept.map(\.topics) == [["Karabakh"], ["Karabakh", "Peacekeepers"], ["Peacekeepers"]])
        #expect(kept.last?.hits.map(\.matchedText) == ["Peacekeepers"])

        // Today's digest is rebuilt from the store, as the poll does at its end.
        let digestPath = try #require(report.digestPath)
        let digest = try String(contentsOfFile: digestPath, encoding: .utf8)
        #expect(digest.contains("Peacekeepers patrol the border"))
        #expect(!digest.contains("Karabakh derby"))
        #expect(report.staleDigestDays.isEmpty)

        // Applied: the same feeds.conf now finds nothing to change; the old item was outside the window.
        let again = try RetestRun(configuration: config, window: LookbackWindow("7d")!).run(apply: false, now: now)
        #expect(again.changes.isEmpty)
        let older = try RetestRun(configuration: config, window: LookbackWindow("14d")!).run(apply: false, now: now)
        #expect(older.changes.map(\.itemID) == ["old"])
        try await server.stop()
    }

    @Test func aKeepRuleThatRefusesSaysSo() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let (feeds, now) = try Self.polledStore(folder, server)
        let config = try Self.configuration(in: folder.url, feeds: feeds, topics: Self.before,
                                            keep: "@Karabakh AND NOT Almaty")

        let report = try RetestRun(configuration: config, window: LookbackWindow("7d")!).run(apply: false, now: now)
        #expect(report.changes.map(\.itemID) == ["talks"])
        #expect(report.changes.first?.kind == .drop)
        #expect(report.changes.first?.reasons == ["keep: no longer fires; NOT Almaty title \"Almaty\""])
        try await server.stop()
    }

    @Test func itemsOfFeedsNoLongerConfiguredAreLeftAlone() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let (feeds, now) = try Self.polledStore(folder, server)
        let config = try Self.configuration(in: folder.url, feeds: [feeds[1]], topics: Self.after)

        let report = try RetestRun(configuration: config, window: LookbackWindow("7d")!).run(apply: true, now: now)
        #expect(report.examined == 0)
        #expect(report.skipped == 5)
        #expect(report.changes.isEmpty)
        #expect(!report.applied)
        try await server.stop()
    }

    @Test func applyWaitsForNoPollButADryRunIgnoresTheLock() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let (feeds, now) = try Self.polledStore(folder, server)
        let config = try Self.configuration(in: folder.url, feeds: feeds, topics: Self.after)
        let bytes = try Self.databaseBytes(config)
        let held = try PollLock(path: config.settings.lockPath)

        let run = RetestRun(configuration: config, window: LookbackWindow("7d")!)
        #expect(throws: MonitorError.locked(path: config.settings.lockPath)) { try run.run(apply: true, now: now) }
        #expect(try Self.databaseBytes(config) == bytes)
        #expect(try run.run(apply: false, now: now).changes.count == 3)
        withExtendedLifetime(held) {}
        try await server.stop()
    }

    @Test func noStoreIsAStorageErrorAndCreatesNone() throws {
        let folder = try TemporaryFolder()
        let config = try Self.configuration(in: folder.url, feeds: [], topics: Self.after)
        #expect(throws: MonitorError.self) {
            try RetestRun(configuration: config, window: LookbackWindow("7d")!).run(apply: false)
        }
        #expect(!FileManager.default.fileExists(atPath: config.settings.databasePath))
    }

    @Test(arguments: [("90m", 5_400), ("36h", 129_600), ("7d", 604_800), ("2w", 1_209_600), (" 1s ", 1)])
    func windows(_ text: String, _ seconds: Int) {
        #expect(LookbackWindow(text)?.seconds == seconds)
    }

    @Test(arguments: ["", "7", "d", "7x", "-1d", "0d", "7D", "1.5h", "7 d", "99999999999999999999d"])
    func badWindows(_ text: String) {
        #expect(LookbackWindow(text) == nil)
    }
}
