import Foundation
import TestSupport
import Testing

/// `feedwatch parse --json` keeps the shape that other tools rely on (docs/parse-json.md).
@Suite struct ParseJSONTests {
    @Test func jsonHasTheDocumentedKeysInOrderAndUTCDates() throws {
        let seed = FeedwatchBinary.repositoryRoot.appendingPathComponent("seeds/peacekeepers.xml")
        let result = try FeedwatchBinary.run(["parse", "--json", seed.path])
        #expect(result.status == 0, "\(result.stderr)")

        let feed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(feed["format"] as? String == "rss2.0")
        #expect(feed["title"] as? String == "News Line")
        #expect(feed["warnings"] as? [String] == [])
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 5)
        let article = items[0]
        #expect(article["id"] as? String == "newsline-2024-04-18-difficult-question-peacekeepers")
        // 18 Apr 2024 21:40 +0400 is 17:40 UTC.
        #expect(article["published"] as? String == "2024-04-18T17:40:00Z")
        #expect(article["updated"] is NSNull)
        let summary = try #require(article["summary"] as? String)
        #expect(summary.hasPrefix("The recent initiation of the withdrawal of Russian peacekeepers"))
        #expect(!summary.contains("<p>"))
        #expect(!summary.contains("  "))

        // Keys in the documented order, as a reader of the raw text sees them.
        let topKeys = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(topKeys == ["format", "title", "link", "description", "language", "updated", "items", "warnings"])
        let itemKeys = result.stdout.split(separator: "\n").filter { $0.hasPrefix("      \"") }.prefix(10)
            .map { $0.dropFirst(7).prefix { $0 != "\"" } }
        #expect(itemKeys == ["id", "title", "link", "published", "updated", "authors", "categories", "summary", "content", "enclosures"])
        for key in ["id", "title", "link", "published", "updated", "authors", "categories", "summary", "content", "enclosures"] {
            #expect(article.keys.contains(key), "item key \(key) missing")
        }
    }

    @Test func anHTMLPageIsRefusedWithItsOwnMessage() throws {
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("page.html")
        try "<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>"
            .write(to: page, atomically: true, encoding: .utf8)
        let result = try FeedwatchBinary.run(["parse", "--json", page.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.lowercased().contains("html"), "\(result.stderr)")
    }
}
