import Foundation
import Testing
import FeedModel
@testable import Storage

/// Revisions, disappearances and the per-day counts the digest reads.
@Suite struct StoreChangesTests {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try Store(path: folder.file("feedwatch.sqlite"))
    }

    static func at(_ hours: Double) -> Date { Sample.noon.addingTimeInterval(hours * 3600) }

    static func item(_ id: String, title: String? = nil, summary: String? = nil, content: String? = nil,
                     published hours: Double? = nil) -> FeedItem {
        FeedItem(id: id, title: title ?? "Item \(id)", link: "https://example.org/\(id)",
                 published: hours.map(at), summary: summary, content: content)
    }

    @Test func aChangedTitleOrTextStoresARevisionAndTheNewVersion() throws {
        _ = try store.save(Sample.fetched([(Self.item("a", title: "Two wounded", summary: "s1"), Sample.kept),
                                           (Self.item("b"), Sample.kept)]))
        let again = try store.save(Sample.fetched([(Self.item("a", title: "Three wounded", summary: "s1"), Sample.kept),
                                                   (Self.item("b"), Sample.kept)], at: Self.at(1)))
        #expect(again.revisedItems == 1 && again.newItems == 0)
        _ = try store.save(Sample.fetched([(Self.item("a", title: "Three wounded", summary: "s1", content: "full text"),
                                            Sample.kept)], at: Self.at(2)))

        let revisions = try store.revisions(seenFrom: Self.at(0.5), to: Self.at(3))
        #expect(revisions.count == 2)
        #expect(revisions[0] == ItemRevision(feedName: "azertag", itemID: "a", link: "https://example.org/a",
                                             firstSeen: Sample.noon, seenAt: Self.at(1), oldTitle: "Two wounded",
                                             newTitle: "Three wounded", oldText: "s1", newText: "s1"))
        #expect(revisions[1].oldText == "s1" && revisions[1].newText == "full text")
        #expect(try store.revisions(seenFrom: Self.at(1.5), to: Self.at(3)).count == 1)
        #expect(try store.rowCount(of: "items") == 2)
    }

    @Test func aDaysItemsReadAsTheyStoodAtTheDaysEnd() throws {
        _ = try store.save(Sample.fetched([(Self.item("a", title: "First", summary: "one"), Sample.kept)]))
        _ = try store.save(Sample.fetched([(Self.item("a", title: "Second", summary: "two"), Sample.kept)], at: Self.at(2)))
        _ = try store.save(Sample.fetched([(Self.item("a", title: "Third", content: "three"), Sample.kept)], at: Self.at(30)))

        func seen(until end: Date) throws -> (String, String?) {
            let item = try #require(try store.matchedItems(firstSeenFrom: Sample.noon, to: end).first)
            return (item.title, item.summary)
        }
        #expect(try seen(until: Self.at(1)) == ("First", "one"))
        #expect(try seen(until: Self.at(12)) == ("Second", "two"))
        // No summary: the start of the content stands in for it.
        #expect(try seen(until: Self.at(48)) == ("Third", "three"))
    }

    @Test func anUnchangedItemStoresNoRevision() throws {
        let items = [(Self.item("a", summary: "s"), Sample.kept), (Self.item("b"), Sample.dropped)]
        _ = try store.save(Sample.fetched(items))
        let again = try store.save(Sample.fetched(items, at: Self.at(1)))
        #expect(again == SaveSummary())
        #expect(try store.rowCount(of: "item_revisions") == 0)
    }

    @Test func revisionsOfDroppedItemsAreStoredButNotListed() throws {
        _ = try store.save(Sample.fetched([(Self.item("d", title: "Old"), Sample.dropped)]))
        _ = try store.save(Sample.fetched([(Self.item("d", title: "New"), Sample.dropped)], at: Self.at(1)))
        #expect(try store.rowCount(of: "item_revisions") == 1)
        #expect(try store.revisions(seenFrom: .distantPast, to: .distantFuture).isEmpty)
    }

    @Test func anItemTakenOutWhileOlderOnesStayIsRecorded() throws {
        let a = Self.item("a", published: -1), b = Self.item("b", published: -2), c = Self.item("c", published: -3)
        _ = try store.save(Sample.fetched([(a, Sample.kept), (b, Sample.kept), (c, Sample.kept)]))
        let second = try store.save(Sample.fetched([(a, Sample.kept), (c, Sample.kept)], at: Self.at(1)))
        #expect(second.disappearedItems == 1)

        let gone = try store.disappearances(noticedFrom: Sample.noon, to: Self.at(2))
        #expect(gone == [ItemDisappearance(feedName: "azertag", itemID: "b", title: "Item b", link: "https://example.org/b",
                                           firstSeen: Sample.noon, lastPresent: Sample.noon, noticedAt: Self.at(1))])
        // Reported once: the next fetch without it adds nothing.
        let third = try store.save(Sample.fetched([(a, Sample.kept), (c, Sample.kept)], at: Self.at(2)))
        #expect(third.disappearedItems == 0)
    }

    @Test func itemsRollingOffTheEndOfTheFeedAreNotReported() throws {
        let a = Self.item("a", published: -1), b = Self.item("b", published: -2), c = Self.item("c", published: -3)
        _ = try store.save(Sample.fetched([(a, Sample.kept), (b, Sample.kept), (c, Sample.kept)]))
        // A new item pushes the oldest two out.
        let next = try store.save(Sample.fetched([(Self.item("n", published: 0.5), Sample.kept), (a, Sample.kept)],
                                                 at: Self.at(1)))
        #expect(next.disappearedItems == 0)
        #expect(try store.rowCount(of: "item_disappearances") == 0)
    }

    @Test func aNewBackdatedItemDoesNotMakeNewerOnesLookTakenOut() throws {
        let a = Self.item("a", published: -1), b = Self.item("b", published: -2)
        _ = try store.save(Sample.fetched([(a, Sample.kept), (b, Sample.kept)]))
        // b rolled off; the only older item listed now is new in this fetch.
        let next = try store.save(Sample.fetched([(a, Sample.kept), (Self.item("old", published: -50), Sample.kept)],
                                                 at: Self.at(1)))
        #expect(next.disappearedItems == 0)
    }

    @Test func aFailedFetchOrAnEmptyFeedReportsNothing() throws {
        let a = Self.item("a", published: -1), b = Self.item("b", published: -2)
        _ = try store.save(Sample.fetched([(a, Sample.kept), (b, Sample.kept)]))
        _ = try store.save(FetchRecord(feed: Sample.feed, checkedAt: Self.at(1), outcome: .failed(kind: .timeout, message: "t")))
        let empty = try store.save(Sample.fetched([], at: Self.at(2)))
        #expect(empty.disappearedItems == 0)
    }

    @Test func labelCountsCountTopicsAndDistinctEntitiesPerItemInTheRange() throws {
        let twice = MatchResult(topics: ["Karabakh"], hits: [
            Hit(entity: "Shusha", spelling: "Şuşa*", field: .title, matchedText: "Şuşa", start: 0, end: 5),
            Hit(entity: "Shusha", spelling: "Şuşa*", field: .summary, matchedText: "Şuşada", start: 0, end: 7),
            Hit(entity: nil, spelling: "ceasefire", field: .title, matchedText: "ceasefire", start: 9, end: 18),
        ])
        _ = try store.save(Sample.fetched([(Self.item("a"), twice), (Self.item("b"), Sample.kept),
                                           (Self.item("c"), Sample.dropped)]))
        _ = try store.save(Sample.fetched([(Self.item("later"), twice)], at: Self.at(24)))
        let counts = try store.labelCounts(firstSeenFrom: Sample.noon, to: Self.at(1))
        #expect(counts.topics == ["Karabakh": 2, "Diplomacy": 1])
        #expect(counts.entities == ["Shusha": 1, "Karabakh": 1, "Peskov": 1])
    }

    @Test func storedHitsKeepTheirContestedNameAndTheMatchItsScore() throws {
        let contested = Hit(entity: "Stepanakert", spelling: "Xankəndi*", field: .title, matchedText: "Xankəndidə",
                            start: 0, end: 12, variant: "Xankəndi", side: "Azerbaijani")
        let plain = Hit(entity: "Lachin", spelling: "Lachin", field: .summary, matchedText: "Lachin", start: 3, end: 9)
        let trace = TopicTrace(topic: "Karabakh", ruleText: "@Stepanakert OR @Lachin", fired: true, score: 2,
                               threshold: nil, tree: RuleTrace(label: "OR", value: true))
        let scored = MatchResult(topics: ["Karabakh"], hits: [contested, plain], explanations: [trace])
        _ = try store.save(Sample.fetched([(Self.item("a"), scored), (Self.item("b"), Sample.kept)]))
        let items = try store.matchedItems(firstSeenFrom: Sample.noon, to: Self.at(1))
        #expect(items.map(\.itemID) == ["a", "b"])
        #expect(items[0].hits == [contested, plain])
        #expect(MatchResult(hits: items[0].hits).contestedNames
                == [ContestedNameUse(entity: "Stepanakert", variant: "Xankəndi", side: "Azerbaijani")])
        #expect(items[0].score == 2)
        #expect(items[1].score == nil, "a result without explanations has no score")
    }

    @Test func labelCountsAreExactForRangesThatSplitAnHour() throws {
        // Items at 12:20, 12:40, 13:10, 14:40 and 15:05; a day that starts and ends at :30.
        let minutes: [(id: String, minute: Double)] = [("a", 20), ("b", 40), ("c", 70), ("d", 160), ("e", 185)]
        for (id, minute) in minutes {
            _ = try store.save(Sample.fetched([(Self.item(id), Sample.kept)], at: Self.at(minute / 60)))
        }
        func count(_ from: Double, _ to: Double) throws -> Int? {
            try store.labelCounts(firstSeenFrom: Self.at(from), to: Self.at(to)).topics["Karabakh"]
        }
        #expect(try count(0.5, 2.5) == 2)     // 12:40, 13:10
        #expect(try count(0.5, 3.5) == 4)     // and 14:40, 15:05
        #expect(try count(0, 3) == 4)         // whole hours: 12:20 to 14:40
        #expect(try count(0.25, 0.5) == 1)    // inside one hour
        #expect(try count(-24, 48) == 5)
        #expect(try count(4, 5) == nil)
    }
}
