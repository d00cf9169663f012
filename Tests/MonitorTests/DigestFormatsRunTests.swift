import Foundation
import Testing
import Config
import FeedModel
import Parsing
import Storage
import TestSupport
@testable import Monitor

/// DigestRun with every format on: the files it writes, that a past day gives the same bytes in
/// each, the feeds' HTML kept through the store and sanitised, and the Atom feed read back by
/// our own parser and by Python's XML parser.
@Suite struct DigestFormatsRunTests {
    let folder: TemporaryFolder
    let configuration: Configuration
    let store: Store
    let zone = TimeZone(identifier: "Asia/Baku")!
    let day: DigestDay

    init() throws {
        folder = try TemporaryFolder()
        configuration = try TestConfiguration.make(
            in: folder.url,
            settings: TestConfiguration.storeAndDigests + ["digest_formats = atom, json, html, markdown"],
            feedLines: ["https://azertag.az/rss name=azertag country=AZ lang=az",
                        "https://armenpress.am/rss name=armenpress country=AM lang=hy"])
        store = try Store(path: folder.url.appendingPathComponent("state.sqlite").path)
        day = try #require(DigestDay(label: "2024-04-18", in: zone))
    }

    func at(_ hours: Double) -> Date { day.start.addingTimeInterval(hours * 3600) }

    static let kept = MatchResult(topics: ["Karabakh"], hits: [
        Hit(entity: "Nagorno-Karabakh", spelling: "Karabakh", field: .title, matchedText: "Karabakh", start: 0, end: 8),
    ])

    func save(_ feed: String, at hours: Double, _ items: [FeedItem]) throws {
        let source = try #require(configuration.feeds.first { $0.name == feed })
        _ = try store.save(FetchRecord(feed: source, checkedAt: at(hours),
                                       outcome: .fetched(feedTitle: "\(feed) news", etag: nil, lastModified: nil,
                                                         items: items.map { ($0, Self.kept) })))
    }

    /// The plain summary is the HTML's text, as the parser would give it.
    func item(_ id: String, _ title: String, summaryHTML: String? = nil) -> FeedItem {
        let text = summaryHTML?.replacing(/<[^>]*>/, with: "") ?? "Karabakh summary of \(id)"
        return FeedItem(id: id, title: title, link: "https://example.org/\(id)", published: at(1),
                        summary: text, summaryHTML: summaryHTML)
    }

    func files(now: Date) throws -> [String: Data] {
        let paths = try DigestRun(configuration: configuration, store: store).writeAll(day: day, now: now)
        var files: [String: Data] = [:]
        for path in paths { files[(path as NSString).lastPathComponent] = try Data(contentsOf: URL(fileURLWithPath: path)) }
        return files
    }

    @Test func aPastDayGivesTheSameBytesInEveryFormat() throws {
        try save("azertag", at: 9, [item("a", "Karabakh talks resume", summaryHTML: "<p>Talks <b>resume</b></p>"),
                                    item("b", "Karabakh mine blast")])
        try save("armenpress", at: 10, [item("x", "Karabakh border commissions meet")])
        // Edited the same day, then again later: the past day keeps the version of its day.
        try save("azertag", at: 15, [item("a", "Karabakh talks resume", summaryHTML: "<p>Talks <i>resume</i> today</p>"),
                                     item("b", "Karabakh mine blast: two hurt")])

        let first = try files(now: at(50))
        #expect(first.keys.sorted() == ["2024-04-18.atom", "2024-04-18.html", "2024-04-18.json", "2024-04-18.md"],
                "feedwatch.atom is written only with today's digest")
        let html = String(decoding: try #require(first["2024-04-18.html"]), as: UTF8.self)
        #expect(html.contains("<div class=\"text\"><p>Talks <i>resume</i> today</p></div>"))

        try save("azertag", at: 40, [item("a", "Karabakh talks collapse", summaryHTML: "<p>Talks <u>collapse</u></p>"),
                                     item("c", "Karabakh news of a later day")])
        try save("armenpress", at: 41, [item("y", "Karabakh later")])
        let again = try files(now: at(24 * 30))
        #expect(again == first)
        let reread = String(decoding: try #require(again["2024-04-18.html"]), as: UTF8.self)
        #expect(!reread.contains("Talks <u>collapse</u>"))
    }

    @Test func todayAlsoWritesTheRollingAtomFeed() throws {
        try save("azertag", at: -3, [item("y1", "Karabakh of yesterday")])
        try save("azertag", at: 9, [item("a", "Karabakh talks resume")])
        let paths = try DigestRun(configuration: configuration, store: store).writeAll(day: day, now: at(12))
        #expect(paths.map { ($0 as NSString).lastPathComponent }
                == ["2024-04-18.md", "2024-04-18.html", "2024-04-18.json", "2024-04-18.atom", "feedwatch.atom"])
        #expect(try DigestRun(configuration: configuration, store: store).write(day: day, now: at(12)).hasSuffix(".md"))

        let rolling = try Data(contentsOf: URL(fileURLWithPath: try #require(paths.last)))
        let parsed = try FeedParser().parse(rolling)
        #expect(parsed.format == .atom10)
        #expect(parsed.items.map(\.title) == ["Karabakh talks resume", "Karabakh of yesterday"])
        #expect(parsed.items.map(\.link) == ["https://example.org/a", "https://example.org/y1"])
        #expect(parsed.items.map(\.authors) == [["azertag news"], ["azertag news"]])
        #expect(parsed.items.allSatisfy { $0.id.hasPrefix("urn:uuid:") && $0.updated != nil })
        #expect(parsed.items.first?.summary?.contains("rules: Karabakh") == true)

        // The day's own file gives today's item the same id: a reader following either sees it once.
        let dayFeed = try FeedParser().parse(try Data(contentsOf: URL(fileURLWithPath: paths[3])))
        #expect(dayFeed.items.map(\.id) == [parsed.items[0].id])
        #expect(dayFeed.warnings.isEmpty, "\(dayFeed.warnings)")

        try Self.checkWellFormed(path: try #require(paths.last))
        try Self.checkWellFormed(path: paths[3])
    }

    @Test func hostileFeedHTMLIsStoredAndSanitised() throws {
        let hostile = "<p>Ceasefire <script>document.title='x'</script><img src=x onerror=alert(1)>"
            + "<a href=\"&#106;avascript:alert(1)\" onclick=\"alert(2)\">details</a><iframe src=\"https://evil.example\"></iframe></p>"
        try save("azertag", at: 9, [item("a", "Karabakh <script>alert('title')</script>", summaryHTML: hostile)])
        let files = try files(now: at(50))
        let html = String(decoding: try #require(files["2024-04-18.html"]), as: UTF8.self)
        #expect(html.contains("<div class=\"text\"><p>Ceasefire <a>details</a></p></div>"))
        #expect(html.contains("Karabakh &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        for forbidden in ["<script", "onerror", "onclick", "javascript:", "<iframe", "evil.example"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        let atom = String(decoding: try #require(files["2024-04-18.atom"]), as: UTF8.self)
        #expect(!atom.contains("<script") && !atom.contains("&lt;script&gt;document") && !atom.contains("onerror"))
        let jsonData = try #require(files["2024-04-18.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        #expect(json["day"] as? String == "2024-04-18")
    }

    /// Python's own XML parser (expat) must read the file: catches anything our parser's recover
    /// mode would forgive.
    static func checkWellFormed(path: String) throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile) else {
            Issue.record("python3 is missing: scripts/setup --tests installs it")
            return
        }
        let result = try ChildProcess.run(URL(fileURLWithPath: python), ["-c", """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            ns = '{http://www.w3.org/2005/Atom}'
            assert root.tag == ns + 'feed', root.tag
            for name in ('id', 'title', 'updated'):
                assert root.find(ns + name) is not None, name
            for entry in root.findall(ns + 'entry'):
                for name in ('id', 'title', 'updated', 'author'):
                    assert entry.find(ns + name) is not None, name
                assert entry.find(ns + 'summary') is not None or entry.find(ns + 'content') is not None
            """, path])
        #expect(result.status == 0, "python3 xml.etree rejected \(path): \(result.stderr)")
    }
}
