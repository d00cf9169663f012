import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// Limits that keep the fetcher polite at scale: per-host connections, a gap between starts, many hosts.
@Suite struct FetcherPolitenessTests {
    @Test func startsToOneHostKeepTheGapWhileOtherHostsGoAhead() async throws {
        let first = try await LoopbackServer.start(host: "127.0.0.1")
        let second = try await LoopbackServer.start(host: "127.0.0.2")
        for server in [first, second] {
            for index in 0..<3 { server.route("/\(index).xml", .ok(body: "<rss/>")) }
        }
        let gap = 400
        // The first host's requests come first, so the second host is only on time if it does not wait behind them.
        let requests = (0..<3).map { FetchRequest.test(first.url("/\($0).xml"), key: $0) }
            + (0..<2).map { FetchRequest.test(second.url("/\($0).xml"), key: 10 + $0) }
        var completed = 0
        Fetcher(maxConcurrent: 8, maxPerHost: 4, hostGapMilliseconds: gap).fetch(requests) { _, result in
            if result.response != nil { completed += 1 }
        }
        try await first.stop()
        try await second.stop()

        #expect(completed == 5)
        let firstTimes = first.requests.map(\.receivedAt)
        let secondTimes = second.requests.map(\.receivedAt)
        #expect(firstTimes.count == 3 && secondTimes.count == 2)
        // Arrival times jitter by a few milliseconds around the starts the fetcher spaced out.
        let slack = Duration.milliseconds(100)
        for (earlier, later) in zip(firstTimes, firstTimes.dropFirst()) {
            #expect(later - earlier >= .milliseconds(gap) - slack)
        }
        #expect(secondTimes[1] - secondTimes[0] >= .milliseconds(gap) - slack)
        // The second host's first request did not wait for the first host's gap.
        #expect(secondTimes[0] < firstTimes[1])
    }

    @Test func oneTransferPerHostUsesOneConnection() async throws {
        let server = try await LoopbackServer.start()
        for index in 0..<20 { server.route("/\(index).xml", .ok(body: "feed \(index)")) }
        let requests = (0..<20).map { FetchRequest.test(server.url("/\($0).xml"), key: $0) }
        var bodies: [Int: String] = [:]
        Fetcher(maxConcurrent: 8, maxPerHost: 1).fetch(requests) { request, result in
            bodies[request.key] = result.response.map { String(decoding: $0.body, as: UTF8.self) }
        }
        try await server.stop()

        #expect(bodies.count == 20)
        #expect(bodies.allSatisfy { $0.value == "feed \($0.key)" })
        // Never two at once, so one kept-alive connection carried them all.
        #expect(server.connectionCount == 1)
    }

    @Test func thousandRequestsOverTenHostsAllComplete() async throws {
        var servers: [LoopbackServer] = []
        for host in 1...10 {
            let server = try await LoopbackServer.start(host: "127.0.0.\(host)")
            server.route("/feed.xml") { request in .ok(body: request.target) }
            servers.append(server)
        }
        let requests = (0..<1000).map { index in
            FetchRequest.test(servers[index % 10].url("/feed.xml?n=\(index)"), key: index)
        }
        var bodies: [Int: String] = [:]
        var completions = 0
        Fetcher(maxConcurrent: 16).fetch(requests) { request, result in
            completions += 1
            bodies[request.key] = result.response.map { String(decoding: $0.body, as: UTF8.self) }
        }
        for server in servers { try await server.stop() }

        #expect(completions == 1000)
        #expect((0..<1000).allSatisfy { bodies[$0] == "/feed.xml?n=\($0)" })
        for server in servers {
            #expect(server.requestCount == 100)
            // Kept-alive connections carried many requests each.
            #expect(server.connectionCount < 50)
        }
    }
}
