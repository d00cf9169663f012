import Foundation
import Testing
import FeedModel
@testable import Digest

/// HTML, JSON and Atom show what the Markdown shows, from the same model.
@Suite struct DigestFormatsTests {
    let utc = TimeZone(secondsFromGMT: 0)!

    func model(summaryHTML: String? = nil) -> DigestModel {
        var input = DigestMarkdownTests().fullDay()
        input.items[0].summary = "Talks resume"
        input.items[0].summaryHTML = summaryHTML
        return DigestBuilder().build(input)
    }

    @Test func htmlShowsEverythingTheMarkdownShows() {
        let html = DigestRenderer(timeZone: utc).html(model())
        let story = HTMLText.escape(DigestMarkdownTests.story)
        for fragment in [
            "<title>feedwatch digest — 2024-04-18</title>",
            "4 items, 1 topic, 3 sources; 1 story from several outlets; 1 back-dated.",
            "<h2>At a glance</h2>", "<strong>Karabakh</strong></th><td class=\"n\">4</td><td class=\"n\">1.0</td>",
            "<th scope=\"row\">Armenia</th><td class=\"n\">2</td><td class=\"n\">2.0</td>",
            "<h2>Karabakh</h2>",
            "<strong>Story: 2 outlets</strong> · first: armenpress at 09:14 · names: apa: Xankəndi (Azerbaijani) for Stepanakert</p>",
            "<a href=\"https://armenpress.am/1\">\(story)</a>", "<a href=\"https://apa.az/1\">\(story) on Thursday</a>",
            "<span class=\"feed\">armenpress</span> <span class=\"outlet\">AM · hy · state</span>",
            "entities: Armenia · rules: Karabakh · matched: \"Armenia\" in title · names: Xankəndi (Azerbaijani) for Stepanakert",
            "<span class=\"flag warn\">⚠ dated 2024-04-18 20:30, after it was first seen</span>",
            "<h3>Back-dated</h3>", "<span class=\"flag\">published 2024-04-09</span>",
            "<h2>Changes</h2>", "<h3>Edited</h3>",
            "<div class=\"old\"><span class=\"label\">title before</span><del>Two</del> soldiers wounded near Tartar</div>",
            "<div class=\"new\"><span class=\"label\">title after</span><ins>Three</ins> soldiers wounded near Tartar</div>",
            "<h3>Taken out of their feed</h3>", "<a href=\"https://trend.az/5\">Ceasefire claim</a>",
            "first seen 08:00, last listed 15:30",
            "<h2>Feed health</h2>", "<td>old-feed</td><td><span class=\"status gone\">gone</span></td><td>2024-04-17 00:00</td>",
            "<td>1 failure: [timeout] fetch</td>",
            "<div class=\"text\"><p>Talks resume</p></div>",
        ] {
            #expect(html.contains(fragment), "missing: \(fragment)")
        }
        // One item block per item, in Markdown's order.
        #expect(html.components(separatedBy: "<li class=\"item\">").count - 1 == 4)
    }

    @Test func htmlIsSelfContainedAndPhoneReady() throws {
        let html = DigestRenderer(timeZone: utc).html(model(summaryHTML:
            "<p>Talks <img src=\"https://cdn.example/x.jpg\" onerror=\"alert(1)\"><script>alert(2)</script>"
            + "<a href=\"javascript:alert(3)\">resume</a> <style>*{}</style></p>"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("prefers-color-scheme:dark"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'"))
        // Nothing to load: no src, no CSS url() or @import, no script, no handler.
        for forbidden in ["src=", "url(", "@import", "<script", "onerror", "javascript:", "<img", "<link"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("<div class=\"text\"><p>Talks <a href=\"https://cdn.example/x.jpg\">[image]</a><a>resume</a> </p></div>"))
        // Every href is one the page's own links or the sanitiser let through.
        let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        #expect(!hrefs.isEmpty)
        for href in hrefs {
            #expect(href.hasPrefix("#") || href.hasPrefix("https://"), "\(href)")
        }
    }

    @Test func anUnsafeItemLinkIsShownNotLinked() {
        #expect(DigestRenderer.htmlTitleLink(title: "<b>T</b>", link: " javascript:alert(1)")
                == "&lt;b&gt;T&lt;/b&gt; <span class=\"bad-link\">( javascript:alert(1))</span>")
        #expect(DigestRenderer.htmlTitleLink(title: "T", link: "https://a.example/?q=1&r=\"2\"")
                == "<a href=\"https://a.example/?q=1&amp;r=&quot;2&quot;\">T</a>")
    }

    @Test func jsonHasStableKeysAndISODates() throws {
        let text = DigestRenderer(timeZone: utc).json(model())
        #expect(text.hasPrefix("{\n  \"format\": \"feedwatch-digest\",\n  \"version\": 1,\n  \"day\": \"2024-04-18\",\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["start"] as? String == "2024-04-18T00:00:00Z")
        #expect(json["end"] as? String == "2024-04-19T00:00:00Z")
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts == ["items": 4, "topics": 1, "sources": 3, "sharedStories": 1, "backdated": 1])
        let sections = try #require(json["sections"] as? [[String: Any]])
        let stories = try #require(sections.first?["stories"] as? [[String: Any]])
        let first = try #require((stories.first?["items"] as? [[String: Any]])?.first)
        #expect(first["feed"] as? String == "armenpress")
        #expect(first["firstSeen"] as? String == "2024-04-18T09:14:00Z")
        #expect(first["published"] is NSNull)
        #expect(first["why"] as? String == "entities: Armenia · rules: Karabakh · matched: \"Armenia\" in title")
        #expect((first["outlet"] as? [String: String]) == ["country": "AM", "language": "hy", "perspective": "state"])
        #expect((first["contestedNames"] as? [Any])?.isEmpty == true)
        let second = try #require((stories.first?["items"] as? [[String: Any]])?.last)
        #expect((second["contestedNames"] as? [[String: String]])
                == [["entity": "Stepanakert", "variant": "Xankəndi", "side": "Azerbaijani"]])
        let glance = try #require(json["glance"] as? [String: Any])
        #expect((glance["rows"] as? [[String: Any]])?.first?["average"] as? Double == 1.0)
        let changes = try #require(json["changes"] as? [[String: Any]])
        #expect(changes.first?["oldTitle"] as? String == "Two soldiers wounded near Tartar")
        #expect((json["disappeared"] as? [[String: Any]])?.first?["noticedAt"] as? String == "2024-04-18T16:30:00Z")
        #expect((json["health"] as? [[String: Any]])?.map { $0["status"] as? String } == ["gone", "failing", "silent"])
        #expect(DigestRenderer(timeZone: utc).json(model()) == text)
    }

    @Test func atomEntriesHaveStableIDsAndTheRequiredElements() throws {
        let feed = DigestAtomFeed(timeZone: utc)
        let day = feed.day(model())
        #expect(day.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(day.components(separatedBy: "<entry>").count - 1 == 4)
        #expect(day.components(separatedBy: "<author>").count - 1 == 5)
        // The feed's updated is its newest entry's first sighting: no clock.
        #expect(day.contains("  <updated>2024-04-18T12:00:00Z</updated>\n"))
        let id = DigestAtomFeed.uuid("armenpress\u{0}" + DigestMarkdownTests.story)
        #expect(id.wholeMatch(of: /urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        #expect(day.contains("<id>\(id)</id>"))
        // The same item has the same id in the rolling feed.
        #expect(feed.recent([model()]).contains("<id>\(id)</id>"))
        #expect(DigestAtomFeed.uuid("a\u{0}b") != DigestAtomFeed.uuid("a\u{0}c"))
        #expect(DigestAtomFeed.xml("a<b>&\"\u{1}\u{FFFE}c") == "a&lt;b&gt;&amp;&quot;c")
    }
}
