import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// What a response says about how it came: served URL, permanent redirects, protocol, wire bytes.
@Suite struct FetcherResponseInfoTests {
    @Test func servedURLIsTheRequestURLWithoutFallbacks() async throws {
        let server = try await LoopbackServer.start()
        server.route("/old.xml", .redirect(to: "/new.xml"))
        server.route("/new.xml", .ok(body: "<rss/>"))
        let result = Fetcher().fetch(.test(server.url("/old.xml")))
        try await server.stop()

        let response = try #require(result.response)
        // Before redirects, unlike effectiveURL.
        #expect(response.servedURL == server.url("/old.xml"))
        #expect(response.effectiveURL == server.url("/new.xml"))
    }

    @Test func onlyPermanentHopsGiveAPermanentRedirect() async throws {
        let server = try await LoopbackServer.start()
        server.route("/a", .redirect(to: "/b", status: 301))
        server.route("/b", .redirect(to: "/c", status: 308))
        server.route("/c", .ok(body: "<rss/>"))
        let result = Fetcher().fetch(.test(server.url("/a")))
        try await server.stop()

        let response = try #require(result.response)
        #expect(response.redirectCount == 2)
        #expect(response.permanentRedirect == server.url("/c"))
    }

    @Test func aTemporaryHopMeansNoPermanentRedirect() async throws {
        let server = try await LoopbackServer.start()
        server.route("/a", .redirect(to: "/b", status: 301))
        server.route("/b", .redirect(to: "/c", status: 302))
        server.route("/c", .ok(body: "<rss/>"))
        let result = Fetcher().fetch(.test(server.url("/a")))
        try await server.stop()

        let response = try #require(result.response)
        #expect(response.redirectCount == 2)
        #expect(response.effectiveURL == server.url("/c"))
        #expect(response.permanentRedirect == nil)
    }

    @Test func noRedirectMeansNoPermanentRedirect() async throws {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>"))
        let result = Fetcher().fetch(.test(server.url("/feed.xml")))
        try await server.stop()

        #expect(try #require(result.response).permanentRedirect == nil)
    }

    @Test func loopbackServerSpeaksHTTP11() async throws {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>"))
        let result = Fetcher().fetch(.test(server.url("/feed.xml")))
        try await server.stop()

        #expect(try #require(result.response).httpVersion == "1.1")
    }

    @Test func bytesReceivedCountsTheCompressedBody() async throws {
        let text = String(repeating: "<item><title>Gyumri</title></item>", count: 20)
            + String(repeating: " ", count: 100_000)
        let compressed = Gzip.compress(Data(text.utf8))
        #expect(compressed.count * 10 < text.utf8.count)
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .ok(body: text, gzip: true))
        let result = Fetcher().fetch(.test(server.url("/feed.xml")))
        try await server.stop()

        let response = try #require(result.response)
        #expect(response.body.count == text.utf8.count)
        #expect(response.bytesReceived == compressed.count)
    }
}
