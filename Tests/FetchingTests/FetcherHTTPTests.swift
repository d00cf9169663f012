import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// Well-behaved servers: bodies, headers, validators, compression, redirects.
@Suite struct FetcherHTTPTests {
    @Test func plainOKReturnsBodyAndHeaders() async throws {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .ok(body: "<rss version=\"2.0\"/>",
                                      headers: ["Content-Type": "application/rss+xml; charset=windows-1251",
                                                "X-Served-By": "loopback"]))
        let result = Fetcher().fetch(.test(server.url("/feed.xml")))
        try await server.stop()

        let response = try #require(result.response)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "<rss version=\"2.0\"/>")
        #expect(response.headers["x-served-by"] == "loopback")
        #expect(response.charset == "windows-1251")
        #expect(response.effectiveURL == server.url("/feed.xml"))
        #expect(response.redirectCount == 0)
        #expect(!response.isNotModified)
        let received = try #require(server.requests(to: "/feed.xml").first)
        #expect(received.method == "GET")
        #expect(received.header("User-Agent") == "feedwatch-tests/1.0")
        #expect(received.header("If-None-Match") == nil)
    }

    @Test func conditionalGetSendsValidatorsVerbatimAndGets304() async throws {
        let server = try await LoopbackServer.start()
        let etag = "W/\"5e1f-abc\""
        let lastModified = "Tue, 03 Jun 2025 10:15:00 GMT"
        server.serveFeed(path: "/feed.xml", body: "<rss/>", etag: etag, lastModified: lastModified)
        let fetcher = Fetcher()

        let first = try #require(fetcher.fetch(.test(server.url("/feed.xml"))).response)
        #expect(first.status == 200)
        #expect(first.etag == etag)
        #expect(first.lastModified == lastModified)

        let second = fetcher.fetch(.test(server.url("/feed.xml"), etag: first.etag, lastModified: first.lastModified))
        try await server.stop()

        let notModified = try #require(second.response)
        #expect(notModified.isNotModified)
        #expect(notModified.body.isEmpty)
        let sent = try #require(server.requests(to: "/feed.xml").last)
        #expect(sent.header("If-None-Match") == etag)
        #expect(sent.header("If-Modified-Since") == lastModified)
    }

    @Test func gzipBodyIsDecoded() async throws {
        let server = try await LoopbackServer.start()
        // Runs of every length exercise the encoder's matches; the trailer's CRC is checked by libcurl.
        let text = (1...300).map { "<item><title>Ստեփանակերտ \($0)</title>" + String(repeating: "z", count: $0) + "</item>\n" }
            .joined()
        server.route("/feed.xml", .ok(body: text, gzip: true))
        let result = Fetcher().fetch(.test(server.url("/feed.xml")))
        try await server.stop()

        let response = try #require(result.response)
        #expect(response.headers["content-encoding"] == "gzip")
        #expect(String(decoding: response.body, as: UTF8.self) == text)
        let acceptEncoding = try #require(server.requests.first?.header("Accept-Encoding"))
        #expect(acceptEncoding.contains("gzip"))
    }

    @Test func redirectsAreFollowedAndReported() async throws {
        let server = try await LoopbackServer.start()
        server.route("/old", LoopbackResponse(status: 301, headers: ["Location": "/mid", "X-Hop": "first"]))
        server.route("/mid", .redirect(to: server.url("/new"), status: 307))
        server.route("/new", .ok(body: "moved here"))
        let result = Fetcher().fetch(.test(server.url("/old")))
        try await server.stop()

        let response = try #require(result.response)
        #expect(String(decoding: response.body, as: UTF8.self) == "moved here")
        #expect(response.effectiveURL == server.url("/new"))
        #expect(response.redirectCount == 2)
        // Headers are those of the final hop only.
        #expect(response.headers["x-hop"] == nil)
        #expect(response.headers["location"] == nil)
    }

    @Test func redirectLoopFailsCleanly() async throws {
        let server = try await LoopbackServer.start()
        server.route("/a", .redirect(to: "/b"))
        server.route("/b", .redirect(to: "/a"))
        let result = Fetcher().fetch(.test(server.url("/a")))
        try await server.stop()

        let error = try #require(result.error)
        #expect(error.kind == .other)
        #expect(error.message.contains("too many redirects"))
        #expect(server.requestCount == 11)
    }

    @Test func connectionIsReusedAcrossFetchCalls() async throws {
        let server = try await LoopbackServer.start()
        server.route("/a.xml", .ok(body: "a"))
        server.route("/b.xml", .ok(body: "b"))
        let fetcher = Fetcher()
        let first = fetcher.fetch(.test(server.url("/a.xml")))
        let second = fetcher.fetch(.test(server.url("/b.xml")))
        try await server.stop()

        #expect(first.response != nil && second.response != nil)
        #expect(server.connectionCount == 1)
        #expect(server.requests.map(\.connection) == [1, 1])
    }

    @Test func emptyBodyIsClassifiedEmpty() async throws {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .ok(body: ""))
        let result = Fetcher().fetch(.test(server.url("/feed.xml")))
        try await server.stop()

        let error = try #require(result.error)
        #expect(error.kind == .empty)
        #expect(error.status == 200)
    }
}
