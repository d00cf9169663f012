import Foundation
import Testing
@testable import Parsing
import FeedModel

/// The parser's shortcuts around Foundation and Strings must give what the long
/// way gives: plain URLs that skip Foundation's parser, dates read from bytes,
/// attributes read by interned name, HTML kept as bytes.
@Suite struct ShortcutTests {
    static let bases: [URL?] = [nil, URL(string: "https://example.org/dir/page?x=1"), URL(string: "http://h.example/a/b/")]

    @Test(arguments: [
        "http://example.com", "https://example.com/", "https://news.example.az:8443/az/news/123?lang=az&x=1",
        "http://example.com/a/b;c=d,e?f=g:h@i!$'()*+~_-", "https://EXAMPLE.com/Path", "http://example.com//double",
        "http://a.b./x", "http://-a.b/",
    ])
    func plainURLsAreTheirOwnResolution(_ url: String) {
        #expect(url.isPlainHTTPURL)
        for base in Self.bases {
            #expect(resolveURL(url, against: base) == URL(string: url, relativeTo: base)?.absoluteString)
            #expect(resolveURL(url, against: base) == url)
        }
    }

    @Test(arguments: [
        "HTTP://example.com/", "http://example.com/a/../b", "http://example.com/./b", "http://example.com/.well-known",
        "http://example.com/a%20b", "http://example.com/#top", "http://user@example.com/", "http://[::1]/",
        "http://example.com:/x", "http://example.com:123456/", "http://ex_ample.com/", " http://example.com/",
        "http://example.com/a b", "http://example.com/ü", "/relative/path", "ftp://example.com/", "http:/x", "http://",
    ])
    func otherURLsGoToFoundation(_ url: String) {
        #expect(!url.isPlainHTTPURL)
        for base in Self.bases {
            let trimmed = url.trimmedASCIIWhitespace
            let foundation = trimmed.isEmpty ? nil : URL(string: trimmed, relativeTo: base)?.absoluteString
            #expect(resolveURL(url, against: base) == foundation)
        }
    }

    @Test(arguments: DateParserTests.cases)
    func datesFromBytesAreDatesFromStrings(_ c: DateParserTests.Case) {
        let zone = c.zone.flatMap { TimeZone(identifier: $0) }
        let bytes = Array(c.text.utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { FeedDateParser.parse(utf8: $0, defaultTimeZone: zone) }
        #expect(fromBytes == FeedDateParser.parse(c.text, defaultTimeZone: zone))
    }

    @Test func itemDatesWithRunsOfWhitespaceAndUnreadableOnesWarn() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>T</title>
            <item><title>a</title><pubDate>
              Tue,   02 Jan 2024
              10:30:00   GMT </pubDate></item>
            <item><title>b</title><pubDate>  not   a   date  </pubDate></item>
            </channel></rss>
            """)
        #expect(feed.items[0].published?.timeIntervalSince1970 == 1_704_191_400)
        #expect(feed.items[1].published == nil)
        #expect(feed.warnings.contains { $0.hasSuffix("unreadable date \"not a date\"") })
    }

    @Test func attributesInOtherNamespacesAreNotTaken() throws {
        let feed = try FixtureLoader.parse(text: """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:x" xml:lang="hy">
            <title>T</title>
            <entry><id>1</id><title>a</title>
              <link x:href="https://wrong.example/" x:rel="alternate"/>
              <content type="html" x:type="text">&lt;p&gt;One&lt;/p&gt;</content>
            </entry>
            <entry><id>2</id><title>b</title>
              <link href="https://right.example/2" rel="enclosure" type="audio/mpeg" length="42"/>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Two</p></div></content>
            </entry>
            </feed>
            """)
        #expect(feed.language == "hy")
        #expect(feed.items[0].link == nil)
        #expect(feed.items[0].contentHTML == "<p>One</p>")
        #expect(feed.items[1].enclosures == [Enclosure(url: "https://right.example/2", type: "audio/mpeg", length: 42)])
        #expect(feed.items[1].contentHTML == "<div><p>Two</p></div>")
    }

    @Test func keptHTMLIsTheFieldsBytesTrimmed() throws {
        let html = "<p>Şuşa — Ստեփանակերտ, თბილისი</p>"
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>T</title>
            <item><title>a</title><description>
              \(html.replacingOccurrences(of: "<", with: "&lt;"))
            </description></item>
            </channel></rss>
            """)
        #expect(feed.items[0].summaryMarkup?.utf8 == Array(html.utf8))
        #expect(feed.items[0].summaryHTML == html)
    }
}
