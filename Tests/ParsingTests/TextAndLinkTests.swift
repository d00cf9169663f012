import Foundation
import Testing
import Parsing
import FeedModel

@Suite struct TextAndLinkTests {
    private func summary(_ escapedHTML: String) throws -> String? {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title><item><title>x</title><link>https://t.example/1</link>
            <description>\(escapedHTML)</description></item></channel></rss>
            """)
        return feed.items.first?.summary
    }

    @Test func namedEntitiesAreDecoded() throws {
        #expect(try summary("a&amp;nbsp;b &amp;mdash; &amp;laquo;c&amp;raquo; &amp;hellip; &amp;eacute;") == "a b — «c» … é")
    }

    @Test func scriptAndStyleAreDropped() throws {
        let feed = try FixtureLoader.parse("rss20.xml")
        #expect(feed.items[0].content == "Full text «quoted». Second block")
    }

    @Test func cdataIsReadAsHTML() throws {
        #expect(try summary("<![CDATA[<p>One</p><p>Two &amp; <b>three</b></p>]]>") == "One Two & three")
    }

    @Test func blockElementsBecomeBreaks() throws {
        #expect(try summary("&lt;ul&gt;&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;&lt;/ul&gt;x&lt;br&gt;y&lt;h2&gt;z&lt;/h2&gt;") == "a b x y z")
    }

    @Test func whitespaceIsCollapsedAndTrimmed() throws {
        #expect(try summary("  one\n\n\t two   three  ") == "one two three")
    }

    @Test func rawHTMLInsideDescriptionIsText() throws {
        #expect(try summary("<p>Unescaped <b>markup</b></p><p>kept</p>") == "Unescaped markup kept")
    }

    @Test func relativeLinksResolveAgainstTheFeedLink() throws {
        let feed = try FixtureLoader.parse("rss20.xml")
        #expect(feed.items[1].link == "https://news.example.org/caucasus/2024/01/relative")
    }

    @Test func relativeLinksResolveAgainstBaseURLWhenTheFeedHasNoLink() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title><item><title>x</title><link>posts/1</link></item></channel></rss>
            """, options: ParseOptions(baseURL: "https://base.example.com/feeds/rss.xml"))
        #expect(feed.items.first?.link == "https://base.example.com/feeds/posts/1")
    }

    @Test func xmlBaseWinsOverTheFeedLink() throws {
        let feed = try FixtureLoader.parse("atom10.xml")
        #expect(feed.items[1].link == "https://other.example.am/dir/page.html")
    }

    @Test func ampersandsInAttributesAreDecoded() throws {
        let feed = try FixtureLoader.parse(text: """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><id>1</id><title>x</title><link href="https://a.example/?p=1&amp;q=2"/></entry>
            <entry><id>2</id><title>y</title><link href="https://a.example/?p=1&#38;q=&amp;amp;"/>
            <link rel="enclosure" href="https://a.example/f.mp3?x=&amp;" type="audio/mpeg"/></entry></feed>
            """)
        #expect(feed.items.first?.link == "https://a.example/?p=1&q=2")
        // A character reference too; an escaped reference stays one, at the very end as well.
        #expect(feed.items.last?.link == "https://a.example/?p=1&q=&amp;")
        #expect(feed.items.last?.enclosures.first?.url == "https://a.example/f.mp3?x=&")
    }

    @Test func rssEnclosureAndMediaContent() throws {
        let item = try FixtureLoader.parse("rss20.xml").items[0]
        #expect(item.enclosures == [
            Enclosure(url: "https://cdn.example.org/audio/1001.mp3", type: "audio/mpeg", length: 123_456),
            Enclosure(url: "https://cdn.example.org/img/1001.jpg", type: "image/jpeg", length: nil),
        ])
    }

    @Test func atomLinkInsideRSSIsAFallbackLink() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
            <item><title>x</title><atom:link href="https://fallback.example/1"/></item>
            <item><title>y</title><link>https://primary.example/2</link><atom:link href="https://fallback.example/2"/></item>
            </channel></rss>
            """)
        #expect(feed.items.map(\.link) == ["https://fallback.example/1", "https://primary.example/2"])
    }

    @Test func itemWithoutIdOrLinkGetsAStableHash() throws {
        let text = """
            <rss version="2.0"><channel><title>t</title>
            <item><title>Nameless</title><pubDate>Tue, 02 Jan 2024 10:30:00 GMT</pubDate></item>
            </channel></rss>
            """
        let first = try FixtureLoader.parse(text: text).items[0].id
        let second = try FixtureLoader.parse(text: text).items[0].id
        #expect(first == second)
        #expect(first.hasPrefix("fnv1a:") && first.count == "fnv1a:".count + 16)
    }

    @Test func htmlSummaryAndContentAreKeptForTheDigest() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
            <item><title>x</title><link>https://h.example/1</link>
            <description>&lt;p&gt;Short &amp;amp; &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</description>
            <content:encoded><![CDATA[<p>Long</p><script>alert(1)</script><p>text</p>]]></content:encoded></item>
            <item><title>plain</title><link>https://h.example/2</link><description>No markup &amp;amp; here</description></item>
            </channel></rss>
            """)
        let item = feed.items[0]
        #expect(item.summary == "Short & bold")
        #expect(item.summaryHTML == "<p>Short &amp; <b>bold</b></p>")
        #expect(item.content == "Long text")
        #expect(item.contentHTML == "<p>Long</p><script>alert(1)</script><p>text</p>")
        #expect(feed.items[1].summary == "No markup & here")
        #expect(feed.items[1].summaryHTML == nil)
    }

    @Test func rawMarkupInsideADescriptionIsKeptAsHTML() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title><item><title>x</title><link>https://h.example/1</link>
            <description><p>a &lt; b <a href="https://h.example/?x=1&amp;y=2" onclick="evil()">link</a></p><br/><script>x()</script>end</description>
            </item></channel></rss>
            """)
        let item = try #require(feed.items.first)
        #expect(item.summary == "a < b link end")
        #expect(item.summaryHTML == "<p>a &lt; b <a href=\"https://h.example/?x=1&amp;y=2\">link</a></p><br>end")
    }

    @Test func atomXHTMLContentIsKeptAsHTML() throws {
        let feed = try FixtureLoader.parse(text: """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><title type="html">&lt;i&gt;Hi&lt;/i&gt; &amp;amp; bye</title>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One &amp; <em>two</em></p><p>three</p></div></content>
            <summary type="text">1 &lt; 2</summary></entry></feed>
            """)
        let entry = try #require(feed.items.first)
        #expect(entry.title == "Hi & bye")
        #expect(entry.content == "One & two three")
        #expect(entry.contentHTML == "<div><p>One &amp; <em>two</em></p><p>three</p></div>")
        #expect(entry.summary == "1 < 2")
        #expect(entry.summaryHTML == nil)
    }
}
