import Foundation
import Testing
import FeedModel
@testable import Digest

@Suite struct DigestBuilderTests {
    let utc = TimeZone(secondsFromGMT: 0)!

    func input(_ items: [MatchedItem], earlier: [MatchedItem] = [], topics: [String] = ["Karabakh"]) -> DigestInput {
        DigestInput(day: "2024-04-18", dayStart: Item.dayStart, dayEnd: Item.at(24, 0), timeZone: utc,
                    items: items, earlierItems: earlier, topicOrder: topics)
    }

    static let withdrawal = "Russian peacekeepers begin withdrawal from Karabakh ahead of schedule, Kremlin confirms"

    @Test func itemsPublishedMoreThanADayBeforeTheDayAreBackdated() {
        let items = [
            Item.make("Old report", id: "old", published: Item.at(-25, 0)),
            Item.make("Last night", id: "night", published: Item.at(-23, 0)),
            Item.make("Undated", id: "undated"),
            Item.make("Updated only", id: "upd"),
        ]
        var updatedOnly = items[3]
        updatedOnly.updated = Item.at(-48, 0)
        let model = DigestBuilder().build(input(Array(items[..<3]) + [updatedOnly]))
        let section = try! #require(model.sections.first)
        #expect(section.stories.flatMap(\.entries).map(\.item.itemID).sorted() == ["night", "undated"])
        #expect(section.backdated.flatMap(\.entries).map(\.item.itemID).sorted() == ["old", "upd"])
        #expect(model.backdatedCount == 2)
    }

    @Test func itemsDatedWellAfterTheyWereFirstSeenAreFlagged() {
        let items = [
            Item.make("Clock skew", id: "skew", seen: Item.at(9, 0), published: Item.at(9, 9)),
            Item.make("Future", id: "future", seen: Item.at(9, 0), published: Item.at(9, 11)),
        ]
        let entries = DigestBuilder().build(input(items)).sections.flatMap(\.stories).flatMap(\.entries)
        #expect(entries.first { $0.item.itemID == "future" }?.isFutureDated == true)
        #expect(entries.first { $0.item.itemID == "skew" }?.isFutureDated == false)
    }

    @Test func nearDuplicatesFromSeveralFeedsFormOneStoryWithItsFirstReporter() throws {
        let items = [
            Item.make(Self.withdrawal, feed: "apa", seen: Item.at(10, 0)),
            Item.make("Peacekeepers begin withdrawal from Karabakh ahead of schedule, Kremlin confirms", feed: "tass",
                      seen: Item.at(9, 30)),
            Item.make(Self.withdrawal + " on Thursday", feed: "civilnet", seen: Item.at(11, 0)),
            Item.make("Heavy snow closes the Lachin road", feed: "apa", seen: Item.at(8, 0)),
        ]
        let model = DigestBuilder().build(input(items))
        let stories = try #require(model.sections.first).stories
        #expect(stories.count == 2)
        let shared = try #require(stories.first { $0.entries.count > 1 })
        #expect(shared.outlets.map(\.item.feedName) == ["tass", "apa", "civilnet"])
        #expect(shared.first.item.feedName == "tass")
        #expect(model.sharedStoryCount == 1)
    }

    @Test func earlierItemsInTheWindowJoinAStoryAndCountAsFirstButAreNotListed() throws {
        let earlier = [
            Item.make(Self.withdrawal, feed: "trend", id: "t", seen: Item.at(-3, 0)),
            Item.make(Self.withdrawal, feed: "old", id: "o", seen: Item.at(-30, 0)), // before the 48 h window
            Item.make("Unrelated story from yesterday about grain prices in Baku", feed: "x", seen: Item.at(-2, 0)),
        ]
        let model = DigestBuilder().build(input([Item.make(Self.withdrawal, feed: "apa", seen: Item.at(10, 0))],
                                                earlier: earlier))
        let stories = try #require(model.sections.first).stories
        #expect(stories.count == 1)
        #expect(stories[0].entries.map(\.item.feedName) == ["apa"])
        #expect(stories[0].earlier.map(\.item.feedName) == ["trend"])
        #expect(stories[0].first.item.feedName == "trend")
        #expect(model.itemCount == 1)
    }

    @Test func storiesRankByTopicWeightThenScoreThenOutlets() {
        let hit = Item.hit("Karabakh", "Karabakh", .title)
        let items = [
            Item.make("Alpha one quiet item about border posts", feed: "a", seen: Item.at(8, 0), topics: ["K"], hits: [hit]),
            Item.make("Beta heavy topic item about gas exports", feed: "b", seen: Item.at(9, 0), topics: ["K", "Heavy"]),
            Item.make("Gamma many hits item on the peace treaty", feed: "c", seen: Item.at(10, 0), topics: ["K"],
                      hits: [hit, hit, hit]),
            Item.make("Gamma many hits item on the peace treaty", feed: "d", seen: Item.at(10, 5), topics: ["K"]),
        ]
        var scored = input(items, topics: ["K", "Heavy"])
        scored.topicWeights = ["Heavy": 0.5]
        let model = DigestBuilder().build(scored)
        // "Heavy" weighs less than K (1), so K's section comes first and holds every story;
        // the K+Heavy story still weighs 1 (its heaviest topic).
        #expect(model.sections.map(\.topic) == ["K"])
        let order = model.sections[0].stories.map { $0.entries[0].item.feedName }
        #expect(order == ["c", "a", "b"])

        scored.topicWeights = ["Heavy": 2]
        let heavy = DigestBuilder().build(scored)
        #expect(heavy.sections.map(\.topic) == ["Heavy", "K"])
        scored.itemScores = [DigestInput.key(feed: "a", item: items[0].itemID): 10]
        scored.topicWeights = [:]
        #expect(DigestBuilder().build(scored).sections[0].stories.map { $0.entries[0].item.feedName } == ["a", "c", "b"])
    }

    @Test func glanceComparesTodayWithTheDailyAverageAndFlagsSpikes() throws {
        var spiking = input([Item.make("x")], topics: ["Karabakh", "Energy"])
        spiking.todayCounts = LabelCounts(topics: ["Karabakh": 12, "Energy": 3], entities: ["Shusha": 6, "Baku": 4])
        spiking.historyCounts = LabelCounts(topics: ["Karabakh": 28, "Energy": 0], entities: ["Shusha": 0, "Baku": 140])
        let rows = try #require(DigestBuilder().build(spiking).glance)
        #expect(rows.map(\.name) == ["Karabakh", "Energy", "Shusha", "Baku"])
        #expect(rows[0].average == 2 && rows[0].isSpike)          // 12 >= 3 × 2 and >= 5
        #expect(!rows[1].isSpike)                                  // 3 items: under the minimum
        #expect(rows[2].isSpike && rows[2].average == 0)           // new
        #expect(!rows[3].isSpike)                                  // 4 against 10 a day

        // A new store has nothing to compare with: no averages, no spikes.
        spiking.historyCounts = LabelCounts()
        let fresh = try #require(DigestBuilder().build(spiking).glance)
        #expect(fresh.allSatisfy { $0.average == nil && !$0.isSpike })
    }

    @Test func editsOfOneItemMergeIntoOneChangeAndAnUndoneEditVanishes() {
        func revision(_ item: String, _ hour: Int, _ old: String, _ new: String) -> ItemRevision {
            ItemRevision(feedName: "apa", itemID: item, link: nil, firstSeen: Item.at(1, 0), seenAt: Item.at(hour, 0),
                         oldTitle: old, newTitle: new, oldText: "t", newText: "t")
        }
        var edited = input([])
        edited.revisions = [revision("a", 10, "v2", "v3"), revision("a", 9, "v1", "v2"),
                            revision("b", 9, "x", "y"), revision("b", 11, "y", "x")]
        let changes = DigestBuilder().build(edited).changes
        #expect(changes.count == 1)
        #expect(changes[0].oldTitle == "v1" && changes[0].newTitle == "v3" && changes[0].seenAt == Item.at(10, 0))
        #expect(!changes[0].textChanged)
    }
}
