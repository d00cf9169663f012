import Foundation
import Testing
import Parsing
import FeedModel

/// Extension elements are told apart by namespace URI, never by prefix.
@Suite struct NamespaceTests {
    @Test func oddPrefixesAreReadByURI() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0" xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:enc="http://purl.org/rss/1.0/modules/content/"
                 xmlns:m="http://search.yahoo.com/mrss/" xmlns:a10="http://www.w3.org/2005/Atom">
            <channel><title>odd</title>
            <item><title>x</title><a10:link href="https://odd.example/1"/>
              <d:creator>Nino</d:creator><d:subject>Batumi</d:subject><d:date>2024-01-02T10:30:00Z</d:date>
              <enc:encoded>&lt;p&gt;Full&lt;/p&gt;</enc:encoded>
              <m:content url="https://odd.example/v.mp4" type="video/mp4" fileSize="10"/>
              <m:thumbnail url="https://odd.example/t.jpg"/>
            </item></channel></rss>
            """)
        let item = try #require(feed.items.first)
        #expect(item.link == "https://odd.example/1")
        #expect(item.authors == ["Nino"])
        #expect(item.categories == ["Batumi"])
        #expect(item.published == FixtureLoader.date("2024-01-02T10:30:00Z"))
        #expect(item.content == "Full")
        #expect(item.enclosures == [Enclosure(url: "https://odd.example/v.mp4", type: "video/mp4", length: 10)])
        #expect(item.thumbnailURL == "https://odd.example/t.jpg")
    }

    @Test func aKnownPrefixBoundToAnotherURIIsNotThatNamespace() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0" xmlns:dc="http://example.com/not-dublin-core/">
            <channel><title>t</title><item><title>x</title><link>https://n.example/1</link>
            <dc:creator>Not an author</dc:creator></item></channel></rss>
            """)
        #expect(feed.items.first?.authors == [])
    }

    @Test func dctermsDates() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>t</title>
            <item><title>x</title><link>https://n.example/1</link>
            <dcterms:issued>2024-01-02T10:30:00Z</dcterms:issued><dcterms:modified>2024-01-03T10:30:00Z</dcterms:modified></item>
            </channel></rss>
            """)
        #expect(feed.items.first?.published == FixtureLoader.date("2024-01-02T10:30:00Z"))
        #expect(feed.items.first?.updated == FixtureLoader.date("2024-01-03T10:30:00Z"))
    }

    @Test func mediaGroupContentThumbnailAndDescription() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title><link>https://m.example/</link>
            <item><title>video</title><link>https://m.example/v</link>
            <media:group>
              <media:content url="/v/720.mp4" type="video/mp4"/>
              <media:thumbnail url="/v/thumb.jpg" width="120"/>
              <media:description>Talks in &lt;Tbilisi&gt;</media:description>
            </media:group></item>
            <item><title>with summary</title><link>https://m.example/w</link>
              <media:description type="html">&lt;b&gt;media&lt;/b&gt;</media:description><description>own summary</description></item>
            </channel></rss>
            """)
        let video = feed.items[0]
        #expect(video.enclosures == [Enclosure(url: "https://m.example/v/720.mp4", type: "video/mp4")])
        #expect(video.thumbnailURL == "https://m.example/v/thumb.jpg")
        // type="plain" is the default: the angle brackets are text.
        #expect(video.summary == "Talks in <Tbilisi>")
        #expect(feed.items[1].summary == "own summary")
    }

    @Test func nestedXMLBaseInAtom() throws {
        let feed = try FixtureLoader.parse(text: """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/"><title>t</title>
            <entry xml:base="2024/"><id>1</id><title>x</title><link href="post.html"/>
              <link rel="enclosure" xml:base="/media/" href="a.mp3" type="audio/mpeg"/></entry>
            <entry><id>2</id><title>y</title><link href="../about"/></entry>
            </feed>
            """)
        #expect(feed.items[0].link == "https://a.example/blog/2024/post.html")
        #expect(feed.items[0].enclosures.map(\.url) == ["https://a.example/media/a.mp3"])
        #expect(feed.items[1].link == "https://a.example/about")
    }

    @Test func xmlBaseInRSS() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0" xml:base="https://r.example/news/"><channel><title>t</title>
            <item xml:base="sport/"><title>x</title><link>match.html</link><enclosure url="pic.jpg" type="image/jpeg"/></item>
            </channel></rss>
            """)
        #expect(feed.items[0].link == "https://r.example/news/sport/match.html")
        #expect(feed.items[0].enclosures.map(\.url) == ["https://r.example/news/sport/pic.jpg"])
    }

    @Test func atomCategoriesTermAndLabelAndPeople() throws {
        let feed = try FixtureLoader.parse(text: """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><id>1</id><title>x</title>
              <category term="politics" label="Politics"/><category term="karabakh"/>
              <author><name>Armen</name><email>a@example.am</email></author>
              <author><email>only@example.am</email></author></entry></feed>
            """)
        #expect(feed.items[0].categories == ["politics", "karabakh"])
        #expect(feed.items[0].authors == ["Armen", "only@example.am"])
    }
}
