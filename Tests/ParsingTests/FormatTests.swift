import Foundation
import Testing
import Parsing
import FeedModel

@Suite struct FormatTests {
    @Test func rss20ChannelFields() throws {
        let feed = try FixtureLoader.parse("rss20.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == "South Caucasus Wire")
        #expect(feed.link == "https://news.example.org/caucasus/")
        #expect(feed.description == "News from Baku, Yerevan and Tbilisi")
        #expect(feed.language == "en-gb")
        #expect(feed.ttlMinutes == 45)
        #expect(feed.updated == FixtureLoader.date("2024-01-02T06:30:00Z"))
        #expect(feed.items.count == 3)
    }

    @Test func rss20ItemFields() throws {
        let item = try #require(FixtureLoader.parse("rss20.xml").items.first)
        #expect(item.id == "urn:example:1001")
        #expect(item.title == "Baku & Yerevan agree on border commission")
        #expect(item.link == "https://news.example.org/caucasus/2024/01/border")
        #expect(item.published == FixtureLoader.date("2024-01-02T05:15:00Z"))
        #expect(item.authors == ["desk@example.org (Caucasus Desk)", "Aysel Mammadova"])
        #expect(item.categories == ["Politics", "Armenia"])
        #expect(item.summary == "The commission met in Gabala. Talks go on — both sides said.")
    }

    @Test func rss20GuidPermalinkBecomesLinkAndDCFields() throws {
        let item = try FixtureLoader.parse("rss20.xml").items[2]
        #expect(item.id == "https://news.example.org/caucasus/2024/01/guid-only")
        #expect(item.link == "https://news.example.org/caucasus/2024/01/guid-only")
        #expect(item.published == FixtureLoader.date("2024-01-01T09:00:00Z"))
        #expect(item.categories == ["Georgia"])
    }

    @Test func rss20ItemWithoutGuidIsKeyedByLink() throws {
        let item = try FixtureLoader.parse("rss20.xml").items[1]
        #expect(item.id == "https://news.example.org/caucasus/2024/01/relative")
    }

    @Test func rss091IsRecognisedByVersion() throws {
        let feed = try FixtureLoader.parse("rss091.xml")
        #expect(feed.format == .rss09x)
        #expect(feed.title == "Old School News")
        #expect(feed.items.map(\.link) == ["http://old.example.com/1", "http://old.example.com/2"])
        #expect(feed.items[0].summary == "Café opens")
    }

    @Test func rss10RDF() throws {
        let feed = try FixtureLoader.parse("rss10.rdf")
        #expect(feed.format == .rss10)
        #expect(feed.title == "RDF Site")
        #expect(feed.updated == FixtureLoader.date("2024-02-03T04:05:06Z"))
        #expect(feed.items.count == 2)
        let a = feed.items[0]
        #expect(a.title == "Item A")
        #expect(a.id == "http://rdf.example.net/a")
        #expect(a.summary == "About A")
        #expect(a.authors == ["Nino Beridze"])
        #expect(a.categories == ["Tbilisi"])
        #expect(a.published == FixtureLoader.date("2024-02-02T21:00:00Z"))
    }

    @Test func rss090NamespaceIsRSS09x() throws {
        let feed = try FixtureLoader.parse(text: """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Netscape</title><link>http://n.example.com/</link></channel>
              <item><title>One</title><link>http://n.example.com/1</link></item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rss09x)
        #expect(feed.items.map(\.title) == ["One"])
    }

    @Test func atom10FeedFields() throws {
        let feed = try FixtureLoader.parse("atom10.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == "Yerevan <Notes>")
        #expect(feed.description == "Armenian affairs")
        #expect(feed.language == "hy")
        #expect(feed.link == "https://blog.example.am/")
        #expect(feed.updated == FixtureLoader.date("2024-03-04T05:06:07Z"))
    }

    @Test func atom10EntryFields() throws {
        let entry = try #require(FixtureLoader.parse("atom10.xml").items.first)
        #expect(entry.id == "tag:blog.example.am,2024:1")
        #expect(entry.title == "Syunik & the corridor")
        #expect(entry.link == "https://blog.example.am/posts/1")
        #expect(entry.published == FixtureLoader.date("2024-03-01T06:00:00Z"))
        #expect(entry.updated == Date(timeIntervalSince1970: FixtureLoader.date("2024-03-02T07:30:00Z").timeIntervalSince1970 + 0.25))
        #expect(entry.authors == ["Armen Petrosyan", "second@example.am"])
        #expect(entry.categories == ["politics", "syunik"])
        #expect(entry.summary == "Less <than> literal")
        #expect(entry.content == "First & para Second line")
        #expect(entry.enclosures == [Enclosure(url: "https://blog.example.am/media/1.ogg", type: "audio/ogg", length: 999)])
    }

    @Test func atom10EntryXMLBaseAndHTMLContent() throws {
        let entry = try FixtureLoader.parse("atom10.xml").items[1]
        #expect(entry.link == "https://other.example.am/dir/page.html")
        #expect(entry.content == "Hello")
        #expect(entry.published == nil)
        #expect(entry.updated == FixtureLoader.date("2024-03-03T00:00:00Z"))
    }

    @Test func atom03() throws {
        let feed = try FixtureLoader.parse("atom03.xml")
        #expect(feed.format == .atom03)
        #expect(feed.title == "Atom Zero Three")
        #expect(feed.description == "Old Atom")
        #expect(feed.link == "http://zero.example.com/")
        #expect(feed.updated == FixtureLoader.date("2004-05-06T07:08:09Z"))
        let entry = try #require(feed.items.first)
        #expect(entry.link == "http://zero.example.com/2004/05/old")
        #expect(entry.published == FixtureLoader.date("2004-05-06T06:02:03Z"))
        #expect(entry.updated == FixtureLoader.date("2004-05-06T02:02:03Z"))
        #expect(entry.authors == ["Old Author"])
        #expect(entry.content == "Escaped & HTML")
    }

    @Test func jsonFeed() throws {
        let feed = try FixtureLoader.parse(text: """
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON &amp; Co",
             "home_page_url": "https://json.example.com/",
             "items": [{"id": "1", "url": "/posts/1", "title": "Hello", "content_html": "<p>Hi &mdash; there</p>",
                        "date_published": "2024-05-06T07:08:09Z", "authors": [{"name": "Ana"}], "tags": ["x"],
                        "attachments": [{"url": "/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}]}]}
            """)
        #expect(feed.format == .json11)
        #expect(feed.link == "https://json.example.com/")
        let item = try #require(feed.items.first)
        #expect(item.id == "1")
        #expect(item.link == "https://json.example.com/posts/1")
        #expect(item.content == "Hi — there")
        #expect(item.published == FixtureLoader.date("2024-05-06T07:08:09Z"))
        #expect(item.authors == ["Ana"])
        #expect(item.categories == ["x"])
        #expect(item.enclosures == [Enclosure(url: "https://json.example.com/a.mp3", type: "audio/mpeg", length: 10)])
    }

    @Test func prologBeforeTheRootDoesNotHideTheFormat() throws {
        // BOM, blank lines, a comment and a stylesheet instruction before <rss>.
        let text = "\u{FEFF}\n\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- generated -->\n"
            + "<?xml-stylesheet type=\"text/xsl\" href=\"/rss.xsl\"?>\n\n"
            + "<rss version=\"2.0\"><channel><title>Prolog</title><item><title>a</title><link>https://p.example/a</link></item></channel></rss>"
        let feed = try FixtureLoader.parse(text: text)
        #expect(feed.format == .rss20)
        #expect(feed.title == "Prolog")
        #expect(feed.items.map(\.link) == ["https://p.example/a"])
    }

    @Test func atomAfterACommentAndStylesheet() throws {
        let feed = try FixtureLoader.parse(text: """
            <!-- a comment first -->
            <?xml-stylesheet href="atom.css" type="text/css"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>e1</id><title>t</title></entry></feed>
            """)
        #expect(feed.format == .atom10)
        #expect(feed.items.map(\.id) == ["e1"])
    }

    @Test func rss092EnclosureSourceAndCategory() throws {
        // RSS 0.92: every element of an item is optional; enclosure and category appear.
        let feed = try FixtureLoader.parse(text: """
            <rss version="0.92"><channel><title>Ninety-two</title><link>http://n.example.com/</link>
            <item><description>Only a description &amp; an enclosure</description>
              <enclosure url="http://n.example.com/a.mp3" length="12216320" type="audio/mpeg"/>
              <category domain="http://n.example.com/cats">Radio</category></item>
            </channel></rss>
            """)
        #expect(feed.format == .rss09x)
        let item = try #require(feed.items.first)
        #expect(item.title == nil)
        #expect(item.summary == "Only a description & an enclosure")
        #expect(item.enclosures == [Enclosure(url: "http://n.example.com/a.mp3", type: "audio/mpeg", length: 12_216_320)])
        #expect(item.categories == ["Radio"])
        #expect(item.id.hasPrefix("fnv1a:"))
    }

    @Test func atom03Base64Content() throws {
        let html = Data("<p>Base &amp; sixty-four</p>".utf8).base64EncodedString()
        let feed = try FixtureLoader.parse(text: """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>
            <entry><id>b</id><title>x</title><issued>2004-05-06T07:08:09+03:00</issued>
            <content type="text/html" mode="base64">\(html)</content></entry></feed>
            """)
        #expect(feed.format == .atom03)
        let entry = try #require(feed.items.first)
        #expect(entry.content == "Base & sixty-four")
        #expect(entry.contentHTML == "<p>Base &amp; sixty-four</p>")
        #expect(entry.published == FixtureLoader.date("2004-05-06T04:08:09Z"))
    }

    @Test func jsonFeed10WithASingleAuthor() throws {
        let feed = try FixtureLoader.parse(text: """
            {"version": "https://jsonfeed.org/version/1", "title": "One",
             "items": [{"id": 7, "content_text": "plain", "author": {"name": "Vugar"}}]}
            """)
        #expect(feed.format == .json10)
        #expect(feed.items.first?.id == "7")
        #expect(feed.items.first?.authors == ["Vugar"])
        #expect(feed.items.first?.content == "plain")
        #expect(feed.items.first?.contentHTML == nil)
    }

    @Test func jsonFeed11AuthorsAndLanguage() throws {
        let feed = try FixtureLoader.parse(text: """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Two", "language": "az",
             "items": [{"id": "1", "content_html": "<p>Salam</p>", "image": "/i.png",
                        "authors": [{"name": "Leyla"}, {"name": "Rashad"}]}]}
            """, options: ParseOptions(baseURL: "https://j.example/feed.json"))
        #expect(feed.format == .json11)
        #expect(feed.language == "az")
        let item = try #require(feed.items.first)
        #expect(item.authors == ["Leyla", "Rashad"])
        #expect(item.contentHTML == "<p>Salam</p>")
        #expect(item.thumbnailURL == "https://j.example/i.png")
    }
}
