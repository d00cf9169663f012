import Foundation
import Testing
import FeedModel
@testable import Digest

/// The Markdown of the newer parts: stories, back-dated, glance, changes, health.
@Suite struct DigestMarkdownTests {
    let utc = TimeZone(secondsFromGMT: 0)!
    static let story = "Armenia and Azerbaijan border commissions meet in Yerevan to continue delimitation talks"

    func fullDay() -> DigestInput {
        let hit = Item.hit("Armenia", "Armenia", .title)
        var input = DigestInput(
            day: "2024-04-18", dayStart: Item.dayStart, dayEnd: Item.at(24, 0), timeZone: utc,
            items: [
                Item.make(Self.story, feed: "armenpress", link: "https://armenpress.am/1", seen: Item.at(9, 14), hits: [hit]),
                Item.make(Self.story + " on Thursday", feed: "apa", link: "https://apa.az/1", seen: Item.at(9, 40), hits: [hit]),
                Item.make("Archive photo essay on Shusha", feed: "apa", id: "old", link: "https://apa.az/2",
                          seen: Item.at(11, 0), published: Item.at(-24 * 9, 0)),
                Item.make("Interview scheduled", feed: "civilnet", id: "future", link: "https://civilnet.am/3",
                          seen: Item.at(12, 0), published: Item.at(20, 30)),
            ],
            topicOrder: ["Karabakh"])
        input.outlets = ["armenpress": OutletInfo(country: "AM", language: "hy", perspective: "state"),
                         "apa": OutletInfo(country: "AZ", language: "az")]
        input.contestedNames = [DigestInput.key(feed: "apa", item: Self.story + " on Thursday"): [
            ContestedNameUse(entity: "Stepanakert", variant: "Xankəndi", side: "Azerbaijani")]]
        input.todayCounts = LabelCounts(topics: ["Karabakh": 4], entities: ["Armenia": 2])
        input.historyCounts = LabelCounts(topics: ["Karabakh": 14], entities: ["Armenia": 28])
        input.revisions = [ItemRevision(feedName: "apa", itemID: "e", link: "https://apa.az/9", firstSeen: Item.at(-10, 0),
                                        seenAt: Item.at(14, 2), oldTitle: "Two soldiers wounded near Tartar",
                                        newTitle: "Three soldiers wounded near Tartar", oldText: "a", newText: "a")]
        input.disappearances = [ItemDisappearance(feedName: "trend", itemID: "g", title: "Ceasefire claim",
                                                  link: "https://trend.az/5", firstSeen: Item.at(8, 0),
                                                  lastPresent: Item.at(15, 30), noticedAt: Item.at(16, 30))]
        input.health = [FeedHealthNote(feed: "news.am", status: .silent, since: Item.at(-24 * 12, 0), detail: "no new item"),
                        FeedHealthNote(feed: "apa", status: .failing, since: Item.at(6, 0), detail: "1 failure: [timeout] fetch"),
                        FeedHealthNote(feed: "old-feed", status: .gone, since: Item.at(-24, 0), detail: "HTTP 410 Gone")]
        return input
    }

    @Test func aFullDayReadsAsExpected() {
        let text = DigestRenderer(timeZone: utc).markdown(DigestBuilder().build(fullDay()))
        let expected = """
            # feedwatch digest — 2024-04-18 (GMT)

            4 items, 1 topic, 3 sources; 1 story from several outlets; 1 back-dated.

            ## At a glance

            | | today | daily average, last 14 days | |
            |---|---:|---:|---|
            | **Karabakh** | 4 | 1.0 | |
            | Armenia | 2 | 2.0 | |

            ## Karabakh

            **Story: 2 outlets** · first: armenpress at 09:14 · names: apa: Xankəndi (Azerbaijani) for Stepanakert
            - 09:14 · armenpress (AM · hy · state) · [\(Self.story)](https://armenpress.am/1) — entities: Armenia
              rules: Karabakh · matched: "Armenia" in title
            - 09:40 · apa (AZ · az) · [\(Self.story) on Thursday](https://apa.az/1) — entities: Armenia
              rules: Karabakh · matched: "Armenia" in title · names: Xankəndi (Azerbaijani) for Stepanakert

            - 12:00 · civilnet · [Interview scheduled](https://civilnet.am/3) (⚠ dated 2024-04-18 20:30, after it was first seen)
              rules: Karabakh

            ### Back-dated

            Published more than a day before 2024-04-18, first seen on it.

            - 11:00 · apa (AZ · az) · [Archive photo essay on Shusha](https://apa.az/2) (published 2024-04-09)
              rules: Karabakh

            ## Changes

            ### Edited

            - 14:02 · apa · [Three soldiers wounded near Tartar](https://apa.az/9) · first seen 2024-04-17 14:00
              title: ~~Two~~ **Three** soldiers wounded near Tartar

            ### Taken out of their feed

            - 16:30 · trend · [Ceasefire claim](https://trend.az/5) · first seen 08:00, last listed 15:30

            ## Feed health

            | feed | status | since | |
            |---|---|---|---|
            | old-feed | gone | 2024-04-17 00:00 | HTTP 410 Gone |
            | apa | failing | 2024-04-18 06:00 | 1 failure: \\[timeout\\] fetch |
            | news.am | silent | 2024-04-06 00:00 | no new item |

            """
        #expect(text == expected)
    }

    @Test func spikesAreMarkedWithTheirFactor() {
        var input = fullDay()
        input.todayCounts = LabelCounts(topics: ["Karabakh": 12], entities: ["Shusha": 5])
        input.historyCounts = LabelCounts(topics: ["Karabakh": 28])
        var text = DigestRenderer(timeZone: utc).markdown(DigestBuilder().build(input))
        #expect(text.contains("| **Karabakh** | 12 | 2.0 | spike ×6.0 |"))
        #expect(text.contains("| Shusha | 5 | 0.0 | spike (new) |"))
        input.historyCounts = nil
        text = DigestRenderer(timeZone: utc).markdown(DigestBuilder().build(input))
        #expect(text.contains("| **Karabakh** | 12 | – | |"))
    }

    @Test func onlyItemLinesStartWithADash() {
        let text = DigestRenderer(timeZone: utc).markdown(DigestBuilder().build(fullDay()))
        let dashed = text.split(separator: "\n").filter { $0.hasPrefix("- ") }
        // 4 items of the day, 1 edit, 1 take-down.
        #expect(dashed.count == 6)
    }

    @Test func aDayWithoutItemsStillShowsItsChangesAndHealth() {
        var input = fullDay()
        input.items = []
        let text = DigestRenderer(timeZone: utc).markdown(DigestBuilder().build(input))
        #expect(text.contains("No matching items.\n\n## Changes"))
        #expect(text.contains("## Feed health"))
    }

    @Test func theSameInputInAnotherOrderGivesTheSameBytes() {
        let input = fullDay()
        var shuffled = input
        shuffled.items.reverse()
        shuffled.health?.reverse()
        let renderer = DigestRenderer(timeZone: utc)
        #expect(renderer.markdown(DigestBuilder().build(input)) == renderer.markdown(DigestBuilder().build(shuffled)))
    }
}
