import Foundation
import Testing
import TestSupport
import FeedModel
@testable import Digest

@Suite struct DigestRendererTests {
    let utc = DigestRenderer(timeZone: TimeZone(secondsFromGMT: 0)!)
    let baku = DigestRenderer(timeZone: TimeZone(identifier: "Asia/Baku")!)

    @Test func rendersTheWholeDay() {
        let items = [
            Item.make("Peskov on Karabakh talks", link: "https://tass.ru/1", seen: Item.at(9, 14),
                      topics: ["Karabakh", "Russia"],
                      hits: [Item.hit("Karabakh", "Karabakh", .title), Item.hit("Peskov", "Песков", .summary, text: "Пескова"),
                             Item.hit("Karabakh", "Karabakh", .summary)]),
            Item.make("Şuşa festival", feed: "apa", link: "https://apa.az/2", seen: Item.at(7, 5),
                      published: Item.at(-5, 0),
                      hits: [Item.hit("Shusha", "Şuşa*", .title, text: "Şuşa"), Item.hit("Shusha", "Şuşa*", .content, text: "Şuşada")]),
        ]
        let expected = """
            # feedwatch digest — 2024-04-18 (Asia/Baku)

            2 items, 1 topic, 2 sources.

            ## Karabakh

            - 13:14 · azertag · [Peskov on Karabakh talks](https://tass.ru/1) — entities: Karabakh, Peskov
              rules: Karabakh, Russia · matched: "Karabakh" in title and summary, "Песков" as "Пескова" in summary
            - 11:05 · apa · [Şuşa festival](https://apa.az/2) (published 2024-04-17) — entities: Shusha
              rules: Karabakh · matched: "Şuşa\\*" as "Şuşada" in title and content

            """
        #expect(baku.markdown(day: "2024-04-18", items: items, topicOrder: ["Karabakh", "Russia"]) == expected)
    }

    @Test func sectionsFollowFeedsConfOrderAndSkipEmptyTopics() {
        let items = [
            Item.make("a", topics: ["Energy"]),
            Item.make("b", topics: ["Borders"]),
        ]
        let text = utc.markdown(day: "2024-04-18", items: items, topicOrder: ["Borders", "Elections", "Energy"])
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## Borders", "## Energy"])
        #expect(text.contains("2 items, 2 topics, 1 source."))
    }

    @Test func anItemKeptByTwoTopicsStandsOnceUnderTheFirstAndNamesTheOther() {
        let both = Item.make("Border talks", topics: ["Borders", "Diplomacy"])
        let only = Item.make("Envoy visits", topics: ["Borders"])
        let text = utc.markdown(day: "2024-04-18", items: [both, only], topicOrder: ["Diplomacy", "Borders"])
        #expect(text.components(separatedBy: "[Border talks]").count - 1 == 1)
        #expect(text.contains("2 items, 2 topics, 1 source."))
        let diplomacy = text.range(of: "## Diplomacy")!, borders = text.range(of: "## Borders")!
        let talks = text.range(of: "[Border talks]")!
        #expect(diplomacy.lowerBound < talks.lowerBound && talks.lowerBound < borders.lowerBound)
        #expect(text.contains("rules: Diplomacy, Borders"))
    }

    @Test func topicsMissingFromTheOrderStillGetASection() {
        let items = [Item.make("a", topics: ["Zeta"]), Item.make("b", topics: ["Alpha"]), Item.make("c", topics: ["Known"])]
        let text = utc.markdown(day: "2024-04-18", items: items, topicOrder: ["Known"])
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## Known", "## Alpha", "## Zeta"])
    }

    /// With equal topics and scores (no hits here), the order is first seen, then title.
    @Test func itemsAreSortedByFirstSeenThenTitle() {
        let items = [
            Item.make("Late", seen: Item.at(18, 0)),
            Item.make("Beta", seen: Item.at(8, 0)),
            Item.make("Alpha", seen: Item.at(8, 0)),
            Item.make("Early", seen: Item.at(6, 30)),
        ]
        let text = utc.markdown(day: "2024-04-18", items: items, topicOrder: ["Karabakh"])
        let titles = text.split(separator: "\n").filter { $0.hasPrefix("- ") }.map { line in
            String(line.split(separator: "[")[1].split(separator: "]")[0])
        }
        #expect(titles == ["Early", "Alpha", "Beta", "Late"])
    }

    @Test func timesAreShownInTheDigestsTimeZone() {
        let item = Item.make("Talks", seen: Item.at(5, 30))
        let inUTC = utc.markdown(day: "2024-04-18", items: [item], topicOrder: ["Karabakh"])
        let inBaku = baku.markdown(day: "2024-04-18", items: [item], topicOrder: ["Karabakh"])
        #expect(inUTC.contains("- 05:30 · azertag · [Talks]"))
        #expect(inBaku.contains("- 09:30 · azertag · [Talks]"))
        #expect(inBaku.hasPrefix("# feedwatch digest — 2024-04-18 (Asia/Baku)\n"))
    }

    @Test func publishedDateIsShownOnlyWhenOnAnotherDay() {
        // 22:00 UTC on the 17th is 02:00 on the 18th in Baku: the same day there, not in UTC.
        let item = Item.make("Night news", seen: Item.at(8, 0), published: Item.at(-2, 0))
        let inUTC = utc.markdown(day: "2024-04-18", items: [item], topicOrder: ["Karabakh"])
        let inBaku = baku.markdown(day: "2024-04-18", items: [item], topicOrder: ["Karabakh"])
        #expect(inUTC.contains("[Night news](https://azertag.az/1) (published 2024-04-17)"))
        #expect(!inBaku.contains("published"))
    }

    @Test func titlesAreEscaped() {
        let item = Item.make("[Breaking](javascript:x) *bold* _it_ `code` <script> a\\b ~~x~~\nnext",
                             link: "https://x.az/1")
        let text = utc.markdown(day: "2024-04-18", items: [item], topicOrder: ["Karabakh"])
        let escaped = #"\[Breaking\](javascript:x) \*bold\* \_it\_ \`code\` \<script\> a\\b \~\~x\~\~ next"#
        #expect(text.contains("[\(escaped)](https://x.az/1)"))
    }

    @Test func onlyWebAndFileLinksBecomeLinks() {
        let links = [
            "javascript:alert(1)": "Title (javascript:alert(1))",
            "data:text/html,<b>": #"Title (data:text/html,\<b\>)"#,
            "/relative/path": "Title (/relative/path)",
            "HTTPS://Example.org/a": "[Title](HTTPS://Example.org/a)",
            "file:///srv/feeds/a.xml": "[Title](file:///srv/feeds/a.xml)",
            "https://x.az/a b(c)<d>": "[Title](https://x.az/a%20b%28c%29%3Cd%3E)",
        ]
        for (link, shown) in links {
            let text = utc.markdown(day: "2024-04-18", items: [Item.make("Title", link: link)], topicOrder: ["Karabakh"])
            #expect(text.contains("· azertag · \(shown)\n"), "link \(link)")
        }
    }

    @Test func anItemWithoutTitleOrLinkStillShows() {
        let text = utc.markdown(day: "2024-04-18", items: [Item.make("", link: nil)], topicOrder: ["Karabakh"])
        #expect(text.contains("- 09:00 · azertag · (untitled)\n"))
    }

    @Test func termHitsWithoutEntityShowNoEntitiesButExplainTheMatch() {
        let item = Item.make("Ceasefire", hits: [Item.hit(nil, "ceasefire", .title, text: "Ceasefire")])
        let text = utc.markdown(day: "2024-04-18", items: [item], topicOrder: ["Karabakh"])
        #expect(text.contains("[Ceasefire](https://azertag.az/1)\n  rules: Karabakh · matched: \"ceasefire\" in title\n"))
        #expect(!text.contains("entities"))
    }

    @Test func anEmptyDaySaysSo() {
        let text = baku.markdown(day: "2024-04-18", items: [], topicOrder: ["Karabakh"])
        #expect(text == "# feedwatch digest — 2024-04-18 (Asia/Baku)\n\nNo matching items.\n")
    }

    @Test func sameInputsGiveTheSameBytes() {
        let items = (0..<30).map { index in
            Item.make("Item \(index % 7)", feed: "feed\(index % 3)", id: "id\(index)", seen: Item.at(index % 5, 0),
                      topics: index % 2 == 0 ? ["A", "B"] : ["B"],
                      hits: [Item.hit("E\(index % 4)", "e\(index % 4)", .title)])
        }
        let first = baku.markdown(day: "2024-04-18", items: items, topicOrder: ["A", "B"])
        var generator = SeededRandom(state: 42)
        for _ in 0..<5 {
            let shuffled = items.shuffled(using: &generator)
            #expect(baku.markdown(day: "2024-04-18", items: shuffled, topicOrder: ["A", "B"]) == first)
        }
    }
}

@Suite struct DigestRendererTimeTests {
    /// The fast wall-clock arithmetic agrees with Calendar across years, zones and DST changes.
    @Test(arguments: ["UTC", "Asia/Baku", "Europe/Berlin", "America/New_York", "Asia/Kathmandu"])
    func localTimeAgreesWithCalendar(_ zone: String) throws {
        let renderer = DigestRenderer(timeZone: try #require(TimeZone(identifier: zone)))
        var instant = -2_000_000_000.0 // 1906
        while instant < 4_200_000_000 { // 2103
            let date = Date(timeIntervalSince1970: instant)
            let parts = renderer.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let local = renderer.local(date)
            #expect([local.year, local.month, local.day, local.hour, local.minute]
                    == [parts.year, parts.month, parts.day, parts.hour, parts.minute].map { $0 ?? -1 }, "\(date)")
            instant += 7_777_777.7
        }
    }
}
