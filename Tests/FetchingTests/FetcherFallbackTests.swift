import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// When a feed's URL fails, its fallback URLs are tried in order within the same fetch.
@Suite struct FetcherFallbackTests {
    @Test func fallbackServesWhenTheFirstURLFails() async throws {
        let server = try await LoopbackServer.start()
        server.route("/primary.xml", .status(500))
        server.route("/mirror.xml", .ok(body: "<rss>mirror</rss>"))
        var request = FetchRequest.test(server.url("/primary.xml"))
        request.fallbackURLs = [server.url("/mirror.xml")]
        let result = Fetcher().fetch(request)
        try await server.stop()

        let response = try #require(result.response)
        #expect(response.servedURL == server.url("/mirror.xml"))
        #expect(String(decoding: response.body, as: UTF8.self) == "<rss>mirror</rss>")
        #expect(server.requests.map(\.path) == ["/primary.xml", "/mirror.xml"])
    }

    @Test func allURLsFailingListsEveryAttempt() async throws {
        let closed = try await LoopbackServer.start(host: "127.0.0.2")
        let closedURL = closed.url("/gone.xml")
        try await closed.stop()
        let server = try await LoopbackServer.start()
        server.route("/primary.xml", .status(500))
        server.route("/second.xml", .status(404))
        var request = FetchRequest.test(server.url("/primary.xml"))
        request.fallbackURLs = [closedURL, server.url("/second.xml")]
        let result = Fetcher().fetch(request)
        try await server.stop()

        let error = try #require(result.error)
        // Kind and status are those of the feed's own URL.
        #expect(error.kind == .http5xx)
        #expect(error.status == 500)
        let parts = error.message.components(separatedBy: "; ")
        #expect(parts.count == 3)
        #expect(parts.first == "fetch \(server.url("/primary.xml")): HTTP 500")
        #expect(parts.dropFirst().first?.hasPrefix("\(closedURL): cannot connect") == true)
        #expect(parts.last == "\(server.url("/second.xml")): HTTP 404")
    }

    @Test func notModifiedNeedsNoFallback() async throws {
        let server = try await LoopbackServer.start()
        server.serveFeed(path: "/primary.xml", body: "<rss/>", etag: "\"v1\"")
        server.route("/mirror.xml", .ok(body: "<rss>mirror</rss>"))
        var request = FetchRequest.test(server.url("/primary.xml"), etag: "\"v1\"")
        request.fallbackURLs = [server.url("/mirror.xml")]
        let result = Fetcher().fetch(request)
        try await server.stop()

        let response = try #require(result.response)
        #expect(response.isNotModified)
        #expect(response.servedURL == server.url("/primary.xml"))
        #expect(server.requestCount(to: "/mirror.xml") == 0)
    }
}
