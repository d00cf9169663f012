import FeedModel
import Fetching
import Foundation
import Testing
import TestSupport

/// file: is read only for a feed configured as file:, and never reached by redirect.
@Suite struct FetcherSchemeTests {
    private func temporaryFeed() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedwatch-fetching-\(UUID().uuidString).xml")
        try Data("<rss version=\"2.0\"><channel/></rss>".utf8).write(to: url)
        return url
    }

    @Test func fileURLIsRefusedUnlessAllowed() throws {
        let file = try temporaryFeed()
        defer { try? FileManager.default.removeItem(at: file) }
        let error = try #require(Fetcher().fetch(.test(file.absoluteString)).error)
        #expect(error.kind == .refused)
    }

    @Test func fileURLIsReadWhenAllowed() throws {
        let file = try temporaryFeed()
        defer { try? FileManager.default.removeItem(at: file) }
        let response = try #require(Fetcher().fetch(.test(file.absoluteString, allowFileScheme: true)).response)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "<rss version=\"2.0\"><channel/></rss>")
    }

    @Test(arguments: [false, true])
    func redirectToFileIsRefused(allowFileScheme: Bool) async throws {
        let file = try temporaryFeed()
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try await LoopbackServer.start()
        server.route("/feed.xml", .redirect(to: file.absoluteString))
        let result = Fetcher().fetch(.test(server.url("/feed.xml"), allowFileScheme: allowFileScheme))
        try await server.stop()

        let error = try #require(result.error)
        #expect(error.kind == .refused)
    }
}
