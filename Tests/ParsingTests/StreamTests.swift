import Foundation
import Testing
import Parsing
import FeedModel

/// FeedParser.Stream reads a document in chunks and agrees with parse(_:).
@Suite struct StreamTests {
    private func streamed(_ data: Data, chunk: Int, options: ParseOptions = ParseOptions()) throws -> ParsedFeed {
        let stream = FeedParser.Stream(options: options)
        var offset = 0
        while offset < data.count {
            try stream.feed(data.subdata(in: offset..<min(offset + chunk, data.count)))
            offset += chunk
        }
        return try stream.finish()
    }

    @Test(arguments: ["rss20.xml", "atom10.xml", "rss10.rdf", "windows-1251.xml", "koi8-r.xml", "malformed.xml"])
    func chunkedParseEqualsWholeParse(_ name: String) throws {
        let data = try FixtureLoader.data(name)
        let whole = try FeedParser().parse(data)
        #expect(try streamed(data, chunk: 7) == whole)
    }

    @Test func headOverOneMegabyteStillDecodesAsDeclared() throws {
        // The encoding is decided on the first megabyte; the rest follows in chunks.
        let filler = "<item><title>" + String(repeating: "a", count: 1000) + "</title><link>https://s.example/x</link></item>"
        let text = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>t</title>"
            + String(repeating: filler, count: 1500) + "<item><title>Баку</title><link>https://s.example/last</link></item></channel></rss>"
        let data = try #require(text.data(using: .windowsCP1251))
        let feed = try streamed(data, chunk: 64 * 1024)
        #expect(feed.items.count == 1501)
        #expect(feed.items.last?.title == "Баку")
    }

    @Test func jsonFeedThroughTheStream() throws {
        let data = Data(#"{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "title": "j"}]}"#.utf8)
        #expect(try streamed(data, chunk: 5).items.map(\.title) == ["j"])
    }

    @Test func htmlPageIsRefusedThroughTheStream() throws {
        let data = try FixtureLoader.data("not-a-feed.html")
        #expect((try? streamed(data, chunk: 100)) == nil)
        do {
            _ = try streamed(data, chunk: 100)
        } catch {
            #expect((error as? ParseError)?.kind == .htmlNotFeed)
        }
    }

    @Test func fileIsParsedFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).xml")
        try FixtureLoader.data("rss20.xml").write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let feed = try FeedParser().parse(contentsOf: url)
        #expect(feed == (try FixtureLoader.parse("rss20.xml")))
    }
}
