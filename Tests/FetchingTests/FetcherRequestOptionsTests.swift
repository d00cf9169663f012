import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// Per-feed options from feeds.conf reach the server: headers, cookie, netrc credentials, proxy.
@Suite struct FetcherRequestOptionsTests {
    @Test func extraHeadersAndCookieArriveAsGiven() async throws {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>"))
        var request = FetchRequest.test(server.url("/feed.xml"))
        request.extraHeaders = ["X-Api-Key": "k-123", "Accept-Language": "hy, ru;q=0.8"]
        request.cookie = "session=abc; lang=hy"
        let result = Fetcher().fetch(request)
        try await server.stop()

        #expect(result.response != nil)
        let received = try #require(server.requests.first)
        #expect(received.header("X-Api-Key") == "k-123")
        #expect(received.header("Accept-Language") == "hy, ru;q=0.8")
        #expect(received.header("Cookie") == "session=abc; lang=hy")
    }

    @Test func headerWithLineBreakIsNotSent() async throws {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>"))
        var request = FetchRequest.test(server.url("/feed.xml"))
        request.extraHeaders = ["X-Evil": "a\r\nX-Injected: yes", "X-Fine": "1"]
        _ = Fetcher().fetch(request)
        try await server.stop()

        let received = try #require(server.requests.first)
        #expect(received.header("X-Injected") == nil)
        #expect(received.header("X-Evil") == nil)
        #expect(received.header("X-Fine") == "1")
    }

    @Test func netrcCredentialsAreSentAsBasicAuth() async throws {
        let netrc = FileManager.default.temporaryDirectory.appendingPathComponent("feedwatch-netrc-\(UUID().uuidString)")
        try Data("machine 127.0.0.1 login analyst password s3cret\n".utf8).write(to: netrc)
        defer { try? FileManager.default.removeItem(at: netrc) }
        let expected = "Basic " + Data("analyst:s3cret".utf8).base64EncodedString()
        let server = try await LoopbackServer.start()
        server.route("/private.xml") { request in
            request.header("Authorization") == expected ? .ok(body: "<rss/>") : .status(401, headers: ["WWW-Authenticate": "Basic realm=\"feeds\""])
        }
        var request = FetchRequest.test(server.url("/private.xml"))
        request.netrcFile = netrc.path
        let withNetrc = Fetcher().fetch(request)
        let without = Fetcher().fetch(.test(server.url("/private.xml")))
        try await server.stop()

        #expect(withNetrc.response?.status == 200)
        #expect(server.requests.first?.header("Authorization") == expected)
        #expect(without.error?.status == 401)
    }

    @Test func proxyReceivesTheAbsoluteURL() async throws {
        let proxy = try await LoopbackServer.start()
        proxy.route("/feed.xml", .ok(body: "via proxy"))
        // .invalid never resolves: only a proxy can answer for it.
        var request = FetchRequest.test("http://feeds.example.invalid/feed.xml")
        request.proxy = proxy.baseURL
        let result = Fetcher().fetch(request)
        try await proxy.stop()

        let response = try #require(result.response)
        #expect(String(decoding: response.body, as: UTF8.self) == "via proxy")
        let received = try #require(proxy.requests.first)
        #expect(received.isProxyRequest)
        #expect(received.target == "http://feeds.example.invalid/feed.xml")
        #expect(received.header("Host") == "feeds.example.invalid")
    }
}
