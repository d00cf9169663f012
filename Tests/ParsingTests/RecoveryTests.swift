import Foundation
import Testing
import Parsing
import FeedModel

@Suite struct RecoveryTests {
    @Test func malformedXMLKeepsEveryItemWithWarnings() throws {
        let feed = try FixtureLoader.parse("malformed.xml")
        #expect(feed.items.map(\.id) == ["b1", "b2", "b3"])
        #expect(feed.items[0].title?.hasPrefix("Bare ampersand: Tom") == true)
        #expect(feed.items[2].title == "Control char here")
        #expect(!feed.warnings.isEmpty)
        #expect(feed.warnings.allSatisfy { $0.range(of: #"^\d+:\d+: "#, options: .regularExpression) != nil })
    }

    @Test func truncatedDocumentKeepsTheItemsRead() throws {
        let whole = try FixtureLoader.data("rss20.xml")
        let text = String(decoding: whole, as: UTF8.self)
        let cut = try #require(text.range(of: "<dc:subject>"))
        let feed = try FeedParser().parse(Data(text[..<cut.lowerBound].utf8))
        #expect(feed.items.count == 3)
        #expect(feed.items[2].id == "https://news.example.org/caucasus/2024/01/guid-only")
        #expect(feed.warnings.contains { $0.contains("ends inside") })
    }

    @Test func billionLaughsStaysSmallAndFast() throws {
        var dtd = "<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        dtd += "]>\n"
        let document = dtd + """
            <rss version="2.0"><channel><title>t &lol9;</title>
            <item><title>a &lol9; b</title><link>https://laughs.example/1</link><description>&lol9;</description></item>
            </channel></rss>
            """
        let feed = try FixtureLoader.parse(text: document)
        let item = try #require(feed.items.first)
        // Expanded, lol9 would be 10^9 "lol"s; unexpanded it stays as written, like any unknown entity.
        #expect((item.title ?? "").count < 100)
        #expect(item.summary == "&lol9;")
        #expect(item.link == "https://laughs.example/1")
    }

    @Test func externalEntitiesAreNotLoaded() throws {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
            <rss version="2.0"><channel><title>t</title><item><title>x&xxe;</title><link>https://x.example/1</link></item></channel></rss>
            """
        let feed = try FixtureLoader.parse(text: document)
        // Never loaded: the reference stays as written.
        #expect(feed.items.first?.title == "x&xxe;")
    }

    @Test func duplicateGuidsAreKeyedByLinkWithAWarning() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title>
            <item><guid>same</guid><title>a</title><link>https://d.example/a</link></item>
            <item><guid>same</guid><title>b</title><link>https://d.example/b</link></item>
            <item><guid>other</guid><title>c</title><link>https://d.example/c</link></item>
            </channel></rss>
            """)
        #expect(feed.items.map(\.id) == ["https://d.example/a", "https://d.example/b", "other"])
        #expect(feed.warnings.contains { $0.contains("\"same\"") })
    }

    @Test func warningsAreCapped() throws {
        let items = (0..<60).map { "<item><title>t & \($0)</title><link>https://w.example/\($0)</link></item>" }.joined()
        let feed = try FixtureLoader.parse(text: "<rss version=\"2.0\"><channel><title>t</title>\(items)</channel></rss>")
        #expect(feed.items.count == 60)
        #expect(feed.warnings.count == FeedParser.maxWarnings + 1)
        #expect(feed.warnings.last?.hasPrefix("... and ") == true)
    }
}
