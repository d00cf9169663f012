import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// Servers that say no, misbehave or go away: each becomes a classified failure.
@Suite struct FetcherFailureTests {
    private func fetch(_ response: LoopbackResponse, totalTimeoutSeconds: Int = 10) async throws
        -> Result<FetchResponse, FetchError> {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", response)
        let result = Fetcher().fetch(.test(server.url("/feed.xml"), totalTimeoutSeconds: totalTimeoutSeconds))
        try await server.stop()
        return result
    }

    @Test func notFoundIsHTTP4xx() async throws {
        let error = try #require(try await fetch(.status(404, body: "gone")).error)
        #expect(error.kind == .http4xx)
        #expect(error.status == 404)
        #expect(error.message.hasSuffix(": HTTP 404"))
    }

    @Test func serverErrorIsHTTP5xx() async throws {
        let error = try #require(try await fetch(.status(500)).error)
        #expect(error.kind == .http5xx)
        #expect(error.status == 500)
    }

    @Test func tooManyRequestsIsRateLimitedWithRetryAfter() async throws {
        let error = try #require(try await fetch(.status(429, headers: ["Retry-After": "120"])).error)
        #expect(error.kind == .rateLimited)
        #expect(error.status == 429)
        #expect(error.headers["retry-after"] == "120")
    }

    @Test func unavailableWithRetryAfterIsRateLimited() async throws {
        let error = try #require(try await fetch(.status(503, headers: ["Retry-After": "3600"])).error)
        #expect(error.kind == .rateLimited)
        #expect(error.status == 503)
    }

    @Test func cloudflareChallengeIsBotChallenge() async throws {
        let error = try #require(try await fetch(.status(403, headers: ["cf-mitigated": "challenge"])).error)
        #expect(error.kind == .botChallenge)
        #expect(error.status == 403)
    }

    @Test func connectionResetIsAFailure() async throws {
        let error = try #require(try await fetch(.reset).error)
        #expect(error.kind == .other)
        #expect(error.status == nil)
        #expect(error.message.contains("connection broken"))
        #expect(error.message.contains("reset"))
    }

    @Test func trickleBeyondTotalTimeoutTimesOut() async throws {
        let slow = LoopbackResponse.trickle(.ok(body: String(repeating: "x", count: 500)), chunkSize: 1,
                                            every: .milliseconds(50))
        let error = try #require(try await fetch(slow, totalTimeoutSeconds: 1).error)
        #expect(error.kind == .timeout)
        #expect(error.message.contains("timed out after 1 s"))
    }

    @Test func serverThatNeverAnswersTimesOut() async throws {
        let error = try #require(try await fetch(.hang, totalTimeoutSeconds: 1).error)
        #expect(error.kind == .timeout)
    }

    @Test func closedPortIsConnectFailure() async throws {
        let server = try await LoopbackServer.start()
        let url = server.url("/feed.xml")
        try await server.stop()
        let error = try #require(Fetcher().fetch(.test(url)).error)
        #expect(error.kind == .connect)
        #expect(error.message.hasPrefix("fetch \(url): "))
    }

    @Test(arguments: [
        (403, "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Enable JavaScript</body></html>"),
        (503, "<html><body><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script></body></html>"),
        (429, "<html><head><title>DDoS-Guard</title></head><body>Checking your browser</body></html>"),
        (403, "<html><body><h1>Please complete the captcha to continue</h1><form></form></body></html>"),
    ])
    func challengePageWithoutHeaderIsBotChallenge(status: Int, page: String) async throws {
        let response = LoopbackResponse.status(status, headers: ["Content-Type": "text/html"], body: page)
        let error = try #require(try await fetch(response).error)
        #expect(error.kind == .botChallenge)
        #expect(error.status == status)
    }

    @Test func ordinaryForbiddenPageIsHTTP4xx() async throws {
        let page = "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>"
        let error = try #require(try await fetch(.status(403, headers: ["Content-Type": "text/html"], body: page)).error)
        #expect(error.kind == .http4xx)
    }
}
