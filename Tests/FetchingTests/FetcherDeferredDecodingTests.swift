import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// A poll leaves bodies compressed in the fetch loop and inflates them on its workers.
@Suite struct FetcherDeferredDecodingTests {
    static func deferred(_ url: String) -> FetchRequest {
        var request = FetchRequest.test(url)
        request.deferDecoding = true
        return request
    }

    @Test func aGzipBodyStaysCompressedUntilDecoded() async throws {
        let server = try await LoopbackServer.start()
        let text = String(repeating: "<item><title>Карабах, Şuşa, ყარაბაღი</title></item>\n", count: 500)
        server.route("/feed.xml", .ok(body: text, gzip: true))
        let result = Fetcher().fetch(Self.deferred(server.url("/feed.xml")))
        let sent = try #require(server.requests(to: "/feed.xml").first)
        try await server.stop()

        let response = try #require(result.response)
        #expect(response.contentEncoding == "gzip")
        #expect(response.body != Data(text.utf8))
        #expect(response.body.count == response.bytesReceived)
        #expect(sent.header("Accept-Encoding") == "gzip, deflate")
        let plain = try response.decoded(maxBytes: 1 << 20)
        #expect(plain.body == Data(text.utf8))
        #expect(plain.contentEncoding == nil)
    }

    @Test func anUncompressedBodyNeedsNoDecoding() async throws {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>"))
        let result = Fetcher().fetch(Self.deferred(server.url("/feed.xml")))
        try await server.stop()
        let response = try #require(result.response)
        #expect(response.contentEncoding == nil)
        #expect(try response.decoded(maxBytes: 10).body == Data("<rss/>".utf8))
    }

    @Test func aGzipBombIsTooLargeOnceInflated() async throws {
        let server = try await LoopbackServer.start()
        let bomb = Gzip.compress(Data(count: 50 * 1024 * 1024))
        server.route("/bomb.xml", LoopbackResponse(status: 200, headers: ["Content-Encoding": "gzip"], body: bomb))
        var request = Self.deferred(server.url("/bomb.xml"))
        request.maxBodyBytes = 1024 * 1024
        let result = Fetcher().fetch(request)
        try await server.stop()

        let response = try #require(result.response, "small on the wire, so the transfer itself is fine")
        #expect(throws: FetchError.self) { try response.decoded(maxBytes: request.maxBodyBytes) }
        do {
            _ = try response.decoded(maxBytes: request.maxBodyBytes)
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test func aCorruptStreamIsReportedNotCrashed() async throws {
        let server = try await LoopbackServer.start()
        server.route("/bad.xml", LoopbackResponse(status: 200, headers: ["Content-Encoding": "gzip"],
                                                  body: Data("this is not gzip at all".utf8)))
        let result = Fetcher().fetch(Self.deferred(server.url("/bad.xml")))
        try await server.stop()
        let response = try #require(result.response)
        do {
            _ = try response.decoded(maxBytes: 1 << 20)
            Issue.record("a corrupt body must not decode")
        } catch {
            #expect(error.kind == .unparseable)
            #expect(error.message.contains(server.url("/bad.xml")))
        }
    }

    @Test func aCompressedChallengePageIsStillRecognised() async throws {
        let server = try await LoopbackServer.start()
        let page = "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>cf-chl</body></html>"
        server.route("/feed.xml", LoopbackResponse(status: 403, headers: ["Content-Encoding": "gzip"],
                                                   body: Gzip.compress(Data(page.utf8))))
        let result = Fetcher().fetch(Self.deferred(server.url("/feed.xml")))
        try await server.stop()
        #expect(result.error?.kind == .botChallenge)
    }
}
