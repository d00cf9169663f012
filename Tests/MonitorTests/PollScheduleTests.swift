import Foundation
import Testing
import Config
import FeedModel
import Storage
import TestSupport
@testable import Monitor

/// Scheduling through whole poll runs against a loopback server, with the clock injected.
@Suite struct PollScheduleTests {
    static let start = Date(timeIntervalSince1970: 1_713_441_600)  // Thu, 18 Apr 2024 12:00:00 GMT
    static let minute: TimeInterval = 60, hour: TimeInterval = 3_600, day: TimeInterval = 86_400

    /// feeds.conf with one `name=` feed per line of `feeds` ("URL name=x [options]"), polite
    /// limits relaxed for one loopback host.
    static func configuration(in folder: URL, feeds: [String]) throws -> Configuration {
        try TestConfiguration.make(
            in: folder, settings: ["database = state.sqlite", "digests = digests", "per_host = 8", "host_gap = 0s"],
            feedLines: feeds)
    }

    /// A poll run at a fixed instant, jitter pinned to the middle (none).
    static func poll(_ config: Configuration, at time: Date, all: Bool = false, feeds: Set<String> = []) throws -> PollReport {
        var run = PollRun(configuration: config, forceAll: all, forcedFeeds: feeds)
        run.random = { 0.5 }
        return try run.run(now: { time })
    }

    static func state(_ config: Configuration, _ name: String) throws -> FeedState? {
        try Store(path: config.settings.databasePath).feedState(named: name)
    }

    static func rss(_ guids: [String]) -> String { PollRunTests.rss(guids.map { ($0, "Karabakh \($0)") }) }

    @Test func onlyDueFeedsAreFetchedUnlessForced() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.serveFeed(path: "/a.xml", body: Self.rss(["a1"]), etag: "\"a\"")
        server.serveFeed(path: "/b.xml", body: Self.rss(["b1"]), etag: "\"b\"")
        let config = try Self.configuration(in: folder.url, feeds: [
            "\(server.url("/a.xml")) name=a interval=1h", "\(server.url("/b.xml")) name=b interval=2h",
        ])

        let first = try Self.poll(config, at: Self.start)
        #expect(first.checkedCount == 2)
        #expect(first.outcomes.map(\.nextCheck) == [Self.start.addingTimeInterval(Self.hour),
                                                    Self.start.addingTimeInterval(2 * Self.hour)])

        // Ten minutes later nothing is due: no request goes out.
        let early = try Self.poll(config, at: Self.start.addingTimeInterval(10 * Self.minute))
        #expect(early.checkedCount == 0)
        #expect(early.outcomes.map(\.status) == [.skipped(.notDue(next: Self.start.addingTimeInterval(Self.hour))),
                                                 .skipped(.notDue(next: Self.start.addingTimeInterval(2 * Self.hour)))])
        #expect(server.requestCount == 2)

        // After an hour and a half only a is due.
        let later = try Self.poll(config, at: Self.start.addingTimeInterval(90 * Self.minute))
        #expect(later.outcomes.map(\.wasChecked) == [true, false])
        #expect(server.requestCount(to: "/a.xml") == 2)
        #expect(server.requestCount(to: "/b.xml") == 1)

        // --feed b and --all force; --feed alone fetches only the named feed, due or not.
        let named = try Self.poll(config, at: Self.start.addingTimeInterval(4 * Self.hour), feeds: ["b"])
        #expect(named.outcomes.map(\.status.isSkippedNotRequested) == [true, false])
        #expect(named.outcomes.map(\.wasChecked) == [false, true])
        let all = try Self.poll(config, at: Self.start.addingTimeInterval(4 * Self.hour + Self.minute), all: true)
        #expect(all.outcomes.map(\.wasChecked) == [true, true])
        #expect(server.requestCount == 6)

        #expect(throws: MonitorError.configuration("--feed nope: no feed of that name in feeds.conf")) {
            try Self.poll(config, at: Self.start, feeds: ["nope"])
        }
        try await server.stop()
    }

    @Test func failuresBackOffAndTheFeedStaysScheduled() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.route("/down", .status(500))
        let config = try Self.configuration(in: folder.url, feeds: ["\(server.url("/down")) name=down"])

        var time = Self.start
        var delays: [TimeInterval] = []
        for _ in 0..<7 {
            let report = try Self.poll(config, at: time)
            #expect(report.failedCount == 1)
            let next = try #require(report.outcomes[0].nextCheck)
            delays.append(next.timeIntervalSince(time))
            // Not fetched again before its time.
            let before = server.requestCount
            _ = try Self.poll(config, at: next.addingTimeInterval(-1))
            #expect(server.requestCount == before)
            time = next
        }
        // Jitter pinned to the middle of its range; at the 24 h cap that range is [21.6 h, 24 h].
        #expect(delays == [1, 2, 4, 8, 16, 22.8, 22.8].map { $0 * Self.hour })
        let state = try #require(try Self.state(config, "down"))
        #expect(state.consecutiveFailures == 7)
        #expect(state.lastFailureKind == .http5xx)
        #expect(state.schedule.lastHTTPStatus == 500)
        try await server.stop()
    }

    @Test(arguments: [
        (429, "7200", 2 * hour),
        (429, "HTTP-DATE+3h", 3 * hour),
        (503, "10800", 3 * hour),
        (503, "HTTP-DATE+5h", 5 * hour),
    ])
    func retryAfterIsRespected(status: Int, retryAfter: String, expected: TimeInterval) async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        let value = retryAfter.hasPrefix("HTTP-DATE+")
            ? HTTPDate.string(Self.start.addingTimeInterval(Double(retryAfter.dropFirst(10).dropLast())! * Self.hour))
            : retryAfter
        server.route("/limited", .status(status, headers: ["Retry-After": value]))
        server.serveFeed(path: "/good.xml", body: Self.rss(["g1"]))
        let config = try Self.configuration(in: folder.url, feeds: [
            "\(server.url("/limited")) name=limited", "\(server.url("/good.xml")) name=good",
        ])

        let report = try Self.poll(config, at: Self.start)
        guard case .failed(let kind, _) = report.outcomes[0].status else {
            Issue.record("HTTP \(status) should fail"); return
        }
        #expect(kind == .rateLimited)
        #expect(report.outcomes[0].nextCheck == Self.start.addingTimeInterval(expected))
        #expect(report.outcomes[1].status == .fetched(items: 1, newItems: 1, newMatches: 1))
        #expect(try Self.state(config, "limited")?.schedule.retryAfterUntil == Self.start.addingTimeInterval(expected))

        // Even --all waits for the server; --feed is a person's explicit call.
        let forced = try Self.poll(config, at: Self.start.addingTimeInterval(expected - 60), all: true)
        #expect(forced.outcomes[0].status == .skipped(.waiting(until: Self.start.addingTimeInterval(expected))))
        #expect(server.requestCount(to: "/limited") == 1)
        _ = try Self.poll(config, at: Self.start.addingTimeInterval(expected), all: true)
        #expect(server.requestCount(to: "/limited") == 2)
        try await server.stop()
    }

    @Test func goneStopsTheFeedUntilFeedsConfChangesItsURL() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.route("/gone", .status(410))
        server.serveFeed(path: "/new.xml", body: Self.rss(["n1"]))
        let config = try Self.configuration(in: folder.url, feeds: ["\(server.url("/gone")) name=old"])

        let first = try Self.poll(config, at: Self.start)
        #expect(first.failedCount == 1)
        #expect(first.outcomes[0].events == [.gone])
        #expect(first.outcomes[0].nextCheck == nil)

        let month = Self.start.addingTimeInterval(30 * Self.day)
        let later = try Self.poll(config, at: month, all: true)
        #expect(later.outcomes[0].status == .skipped(.gone(since: Self.start)))
        #expect(later.failedCount == 0)
        #expect(server.requestCount(to: "/gone") == 1)

        // --feed asks anyway.
        _ = try Self.poll(config, at: month, feeds: ["old"])
        #expect(server.requestCount(to: "/gone") == 2)

        // A new URL in feeds.conf starts the feed afresh.
        let moved = try Self.configuration(in: folder.url, feeds: ["\(server.url("/new.xml")) name=old"])
        let revived = try Self.poll(moved, at: month.addingTimeInterval(60))
        #expect(revived.outcomes[0].status == .fetched(items: 1, newItems: 1, newMatches: 1))
        #expect(try Self.state(moved, "old")?.schedule.goneAt == nil)
        try await server.stop()
    }

    @Test func aPermanentRedirectForAWeekRewritesTheURL() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.route("/old.xml", .redirect(to: server.url("/new.xml"), status: 301))
        server.serveFeed(path: "/new.xml", body: Self.rss(["n1"]))
        let config = try Self.configuration(in: folder.url, feeds: ["\(server.url("/old.xml")) name=moving interval=1d"])

        var events: [[FeedEvent]] = []
        for dayNumber in [0.0, 2, 4, 6, 7] {
            let report = try Self.poll(config, at: Self.start.addingTimeInterval(dayNumber * Self.day), all: true)
            #expect(report.failedCount == 0)
            events.append(report.outcomes[0].events)
        }
        #expect(events[0] == [.redirectPending(to: server.url("/new.xml"), since: Self.start)])
        #expect(events[3] == [.redirectPending(to: server.url("/new.xml"), since: Self.start)])
        #expect(events[4] == [.moved(from: server.url("/old.xml"), to: server.url("/new.xml"))])
        #expect(try Self.state(config, "moving")?.schedule.movedTo == server.url("/new.xml"))

        // From now on the new URL is asked directly.
        let oldRequests = server.requestCount(to: "/old.xml")
        let after = try Self.poll(config, at: Self.start.addingTimeInterval(8 * Self.day), all: true)
        #expect(after.outcomes[0].url == server.url("/new.xml"))
        #expect(after.outcomes[0].events.isEmpty)
        #expect(server.requestCount(to: "/old.xml") == oldRequests)
        try await server.stop()
    }

    @Test func validatorsAreLeftOutEveryTwelveHours() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.serveFeed(path: "/feed.xml", body: Self.rss(["f1"]), etag: "\"v1\"",
                         lastModified: "Thu, 18 Apr 2024 10:00:00 GMT")
        let config = try Self.configuration(in: folder.url, feeds: ["\(server.url("/feed.xml")) name=f interval=1h"])

        _ = try Self.poll(config, at: Self.start)
        let conditional = try Self.poll(config, at: Self.start.addingTimeInterval(Self.hour))
        #expect(conditional.outcomes[0].status == .notModified)
        #expect(server.requests(to: "/feed.xml").last?.header("If-None-Match") == "\"v1\"")

        let twelveHours = try Self.poll(config, at: Self.start.addingTimeInterval(12 * Self.hour))
        #expect(twelveHours.outcomes[0].status == .fetched(items: 1, newItems: 0, newMatches: 0))
        #expect(server.requests(to: "/feed.xml").last?.header("If-None-Match") == nil)
        #expect(server.requests(to: "/feed.xml").last?.header("If-Modified-Since") == nil)
        #expect(try Self.state(config, "f")?.schedule.lastUnconditional == Self.start.addingTimeInterval(12 * Self.hour))

        _ = try Self.poll(config, at: Self.start.addingTimeInterval(13 * Self.hour))
        #expect(server.requests(to: "/feed.xml").last?.header("If-None-Match") == "\"v1\"")
        try await server.stop()
    }

    @Test func aFallbackThatServedIsToldAndRemembered() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.route("/main.xml", .status(502))
        server.serveFeed(path: "/mirror.xml", body: Self.rss(["m1"]))
        let config = try Self.configuration(in: folder.url, feeds: [
            "\(server.url("/main.xml")) name=f fallback=\(server.url("/mirror.xml"))",
        ])
        let report = try Self.poll(config, at: Self.start)
        #expect(report.outcomes[0].status == .fetched(items: 1, newItems: 1, newMatches: 1))
        #expect(report.outcomes[0].events == [.servedByFallback(url: server.url("/mirror.xml"))])
        #expect(PollRun.describe(report.outcomes[0]).contains("served by fallback \(server.url("/mirror.xml"))"))
        #expect(try Self.state(config, "f")?.schedule.servedURL == server.url("/mirror.xml"))
        try await server.stop()
    }

    @Test func perFeedOptionsReachTheServer() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.serveFeed(path: "/feed.xml", body: Self.rss(["o1"]))
        let config = try Self.configuration(in: folder.url, feeds: [
            "\(server.url("/feed.xml")) name=f user-agent=\"Analyst/1.0\" header=\"X-Token: abc 123\" cookie=\"session=s1\"",
        ])
        _ = try Self.poll(config, at: Self.start)
        let request = try #require(server.requests(to: "/feed.xml").first)
        #expect(request.header("User-Agent") == "Analyst/1.0")
        #expect(request.header("X-Token") == "abc 123")
        #expect(request.header("Cookie") == "session=s1")
        try await server.stop()
    }

    @Test func headerLinesBecomeFields() {
        #expect(PollRun.headerFields(["X-A: 1", "X-B:two: parts", "bad", ": no name", "X-A: 3"])
                == ["X-A": "3", "X-B": "two: parts"])
    }

    @Test func theFeedsRhythmSetsTheInterval() async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        // 84 items dated within the last week: one every 2 hours.
        let items = (0..<84).map { index in
            "<item><guid>r\(index)</guid><title>Item \(index)</title><pubDate>"
                + HTTPDate.string(Self.start.addingTimeInterval(-Double(index) * 2 * Self.hour)) + "</pubDate></item>"
        }.joined()
        server.serveFeed(path: "/busy.xml", body: "<rss version=\"2.0\"><channel><title>Busy</title>\(items)</channel></rss>")
        server.serveFeed(path: "/ttl.xml", body: "<rss version=\"2.0\"><channel><title>TTL</title><ttl>300</ttl>\(items)</channel></rss>")
        let config = try Self.configuration(in: folder.url, feeds: [
            "\(server.url("/busy.xml")) name=busy", "\(server.url("/ttl.xml")) name=ttl",
        ])
        let report = try Self.poll(config, at: Self.start)
        #expect(report.outcomes[0].nextCheck == Self.start.addingTimeInterval(2 * Self.hour))
        #expect(report.outcomes[1].nextCheck == Self.start.addingTimeInterval(5 * Self.hour))
        try await server.stop()
    }
}

extension FeedOutcome.Status {
    var isSkippedNotRequested: Bool { self == .skipped(.notRequested) }
}

/// Each kind of misbehaving server, in the same run as a healthy feed whose items must be stored.
@Suite struct HostileServerTests {
    enum Hostile: String, CaseIterable, Sendable {
        case trickle, reset, redirectLoop, gzipBomb, lyingContentLength, htmlPage
    }

    static func install(_ hostile: Hostile, on server: LoopbackServer) -> (path: String, options: String) {
        switch hostile {
        case .trickle:
            server.route("/bad", .trickle(.ok(body: PollScheduleTests.rss(["t1"])), chunkSize: 1, every: .milliseconds(200)))
            return ("/bad", "timeout=2s")
        case .reset:
            server.route("/bad", .reset)
        case .redirectLoop:
            server.route("/bad", .redirect(to: "/bad2"))
            server.route("/bad2", .redirect(to: "/bad"))
        case .gzipBomb:
            server.route("/bad", .ok(body: Data(count: 2_000_000), headers: ["Content-Type": "application/rss+xml"], gzip: true))
        case .lyingContentLength:
            server.route("/bad", .raw("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n"
                                      + PollScheduleTests.rss(["l1"])))
        case .htmlPage:
            server.route("/bad", .ok(body: "<!DOCTYPE html><html><head><title>Login</title></head><body><p>Sign in</p></body></html>",
                                     headers: ["Content-Type": "text/html; charset=utf-8"]))
        }
        return ("/bad", "")
    }

    static let expectedKind: [Hostile: FetchFailureKind] = [
        .trickle: .timeout, .gzipBomb: .tooLarge, .htmlPage: .htmlNotFeed,
    ]

    @Test(arguments: Hostile.allCases)
    func aHostileServerFailsAloneAndTheHealthyFeedIsStored(_ hostile: Hostile) async throws {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        server.serveFeed(path: "/good.xml", body: PollScheduleTests.rss(["g1", "g2"]))
        let (path, options) = Self.install(hostile, on: server)
        var config = try PollScheduleTests.configuration(in: folder.url, feeds: [
            "\(server.url(path)) name=hostile \(options)", "\(server.url("/good.xml")) name=good",
        ])
        // The bomb inflates to 2 MB against a 1 MB cap.
        config.settings.maxBodyBytes = 1_000_000

        let report = try PollScheduleTests.poll(config, at: PollScheduleTests.start)
        #expect(report.failedCount == 1)
        guard case .failed(let kind, let message) = report.outcomes[0].status else {
            Issue.record("\(hostile) should fail"); return
        }
        if let expected = Self.expectedKind[hostile] { #expect(kind == expected, "\(message)") }
        #expect(report.outcomes[0].nextCheck == PollScheduleTests.start.addingTimeInterval(PollScheduleTests.hour))
        #expect(report.outcomes[1].status == .fetched(items: 2, newItems: 2, newMatches: 2))

        let store = try Store(path: config.settings.databasePath)
        let hostileState = try #require(try store.feedState(named: "hostile"))
        #expect(hostileState.lastFailureKind == kind)
        #expect(hostileState.lastFailureMessage == message)
        #expect(hostileState.lastFailure == PollScheduleTests.start)
        #expect(try store.itemDates(feedNamed: "good", since: .distantPast).count == 2)
        try await server.stop()
    }
}
