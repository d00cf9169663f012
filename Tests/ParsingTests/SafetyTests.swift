import Foundation
import Glibc
import Testing
import Parsing
import FeedModel

/// Hostile documents: no file or network is read for them, and they cost little.
@Suite struct SafetyTests {
    @Test func externalEntityToALocalFileIsNotRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString).txt")
        try Data("TOP-SECRET-MARKER".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let feed = try FixtureLoader.parse(text: """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "\(secret.absoluteString)"><!ENTITY % p SYSTEM "\(secret.absoluteString)"> %p;]>
            <rss version="2.0"><channel><title>t &xxe;</title>
            <item><title>x&xxe;</title><link>https://x.example/1</link><description>&xxe;</description></item></channel></rss>
            """)
        let everything = [feed.title, feed.items.first?.title, feed.items.first?.summary].compactMap { $0 } + feed.warnings
        #expect(!everything.joined().contains("TOP-SECRET-MARKER"))
        #expect(feed.items.first?.link == "https://x.example/1")
    }

    @Test func externalDTDOnLoopbackIsNeverFetched() throws {
        // A listening socket on 127.0.0.1: after the parse, nobody may have connected.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        try #require(bound && listen(listener, 8) == 0)
        let port = UInt16(bigEndian: address.sin_port)
        let dtd = "http://127.0.0.1:\(port)/evil.dtd"
        let feed = try FixtureLoader.parse(text: """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "\(dtd)" [<!ENTITY % remote SYSTEM "\(dtd)"> %remote; <!ENTITY ext SYSTEM "\(dtd)">]>
            <rss version="2.0"><channel><title>t</title><item><title>x &ext;</title><link>https://d.example/1</link></item></channel></rss>
            """)
        #expect(feed.items.count == 1)
        _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)
        let connection = accept(listener, nil, nil)
        if connection >= 0 { close(connection) }
        #expect(connection < 0, "the parser connected to \(dtd)")
    }

    @Test func billionLaughsInAttributesAndContentStaysSmall() throws {
        var dtd = "<!DOCTYPE rss [\n<!ENTITY a \"aaaaaaaaaa\">\n"
        for level in 1...12 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            dtd += "<!ENTITY a\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        dtd += "]>\n"
        let feed = try FixtureLoader.parse(text: dtd + """
            <rss version="2.0"><channel><title>&a12;</title>
            <item><title>x</title><link>https://l.example/1?q=&a12;</link><guid isPermaLink="&a12;">g</guid>
            <description>&a12;&a12;&a12;</description><enclosure url="https://l.example/&a12;" type="&a12;"/></item>
            </channel></rss>
            """)
        let item = try #require(feed.items.first)
        let sizes = [feed.title, item.title, item.link, item.summary].map { $0?.utf8.count ?? 0 }
            + item.enclosures.map { $0.url.utf8.count + ($0.type?.utf8.count ?? 0) }
        #expect(sizes.allSatisfy { $0 < 200 }, "\(sizes)")
    }

    @Test func tenThousandNestedElementsEndCleanly() throws {
        let depth = 10_000
        let text = "<rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>before</title><link>https://n.example/1</link></item>"
            + "<item><title>deep</title><description>" + String(repeating: "<div>", count: depth) + "x"
            + String(repeating: "</div>", count: depth) + "</description></item></channel></rss>"
        let feed = try FixtureLoader.parse(text: text)
        #expect(feed.items.first?.title == "before")
        #expect(!feed.warnings.isEmpty)
    }

    @Test func aTextOverTheCapIsCutWithAWarning() throws {
        let limits = ParseLimits(maxFieldBytes: 1_000)
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title><item><title>big</title><link>https://c.example/1</link>
            <description>\(String(repeating: "ж", count: 5_000))</description></item></channel></rss>
            """, options: ParseOptions(limits: limits))
        let summary = try #require(feed.items.first?.summary)
        #expect(summary.utf8.count <= 1_000 && summary.utf8.count > 900)
        #expect(summary.allSatisfy { $0 == "ж" })
        #expect(feed.warnings.contains { $0.contains("<description> is longer than 1000 bytes") })
    }

    @Test func aDocumentOverTheSizeLimitIsRefused() throws {
        let options = ParseOptions(limits: ParseLimits(maxDocumentBytes: 10_000))
        let data = try FixtureLoader.data("rss20.xml") + Data(repeating: 0x20, count: 10_000)
        for parse in [{ try FeedParser().parse(data, options: options) },
                      { let s = FeedParser.Stream(options: options); try s.feed(data); return try s.finish() }] {
            do {
                _ = try parse()
                Issue.record("an oversized document was parsed")
            } catch {
                #expect((error as? ParseError)?.kind == .tooLarge)
                #expect((error as? ParseError)?.message.contains("10000 bytes") == true)
            }
        }
    }
}
