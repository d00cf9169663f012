import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// The body cap holds whatever the server claims or compresses.
@Suite struct FetcherBodyCapTests {
    private static let cap = 1024 * 1024

    private func fetch(_ response: LoopbackResponse) async throws -> Result<FetchResponse, FetchError> {
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", response)
        let result = Fetcher().fetch(.test(server.url("/feed.xml"), maxBodyBytes: Self.cap))
        try await server.stop()
        return result
    }

    @Test func bodyOverTheCapIsTooLarge() async throws {
        let error = try #require(try await fetch(.ok(body: Data(count: 3 * Self.cap))).error)
        #expect(error.kind == .tooLarge)
    }

    @Test func bodyAtTheCapIsAccepted() async throws {
        let response = try #require(try await fetch(.ok(body: Data(repeating: 65, count: Self.cap))).response)
        #expect(response.body.count == Self.cap)
    }

    @Test func lyingContentLengthWithLargerChunkedBodyIsTooLarge() async throws {
        // Claims 100 bytes, then streams 2 MB in chunks until the connection closes.
        var bytes = Data("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        let chunk = Data(repeating: 66, count: 64 * 1024)
        for _ in 0..<32 {
            bytes.append(Data("\(String(chunk.count, radix: 16))\r\n".utf8))
            bytes.append(chunk)
            bytes.append(Data("\r\n".utf8))
        }
        bytes.append(Data("0\r\n\r\n".utf8))
        let error = try #require(try await fetch(.raw(bytes)).error)
        #expect(error.kind == .tooLarge)
    }

    @Test func declaredContentLengthOverTheCapIsTooLarge() async throws {
        let raw = LoopbackResponse.raw("HTTP/1.1 200 OK\r\nContent-Length: 5000000000\r\n\r\n<rss>")
        let error = try #require(try await fetch(raw).error)
        #expect(error.kind == .tooLarge)
    }

    @Test func gzipBombIsTooLarge() async throws {
        let zeros = Data(count: 50 * 1024 * 1024)
        let bomb = Gzip.compress(zeros)
        // Small on the wire, so only the decoded size can trip the cap.
        #expect(bomb.count < Self.cap)
        let response = LoopbackResponse(status: 200, headers: ["Content-Encoding": "gzip"], body: bomb)
        let error = try #require(try await fetch(response).error)
        #expect(error.kind == .tooLarge)
    }
}
