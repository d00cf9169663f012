import Foundation
import Testing
import FeedModel
@testable import Storage

@Suite struct StoreQueryTests {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try Store(path: folder.file("feedwatch.sqlite"))
    }

    /// Day = [00:00, 24:00) UTC on 2024-04-18.
    static let dayStart = Date(timeIntervalSince1970: 1_713_398_400)
    static let dayEnd = dayStart.addingTimeInterval(86_400)

    @Test func rangeIncludesStartAndExcludesEnd() throws {
        let start = Self.dayStart, end = Self.dayEnd
        _ = try store.save(Sample.fetched([(Sample.item("before"), Sample.kept)], at: start.addingTimeInterval(-1)))
        _ = try store.save(Sample.fetched([(Sample.item("at-start"), Sample.kept)], at: start))
        _ = try store.save(Sample.fetched([(Sample.item("inside"), Sample.kept),
                                           (Sample.item("inside-dropped"), Sample.dropped)],
                                          at: start.addingTimeInterval(3600)))
        _ = try store.save(Sample.fetched([(Sample.item("last-second"), Sample.kept)], at: end.addingTimeInterval(-1)))
        _ = try store.save(Sample.fetched([(Sample.item("at-end"), Sample.kept)], at: end))

        let ids = try store.matchedItems(firstSeenFrom: start, to: end).map(\.itemID)
        #expect(ids == ["at-start", "inside", "last-second"])
    }

    @Test func sameFirstSeenKeepsStoredOrder() throws {
        _ = try store.save(Sample.fetched([
            (Sample.item("z"), Sample.kept), (Sample.item("a"), Sample.kept), (Sample.item("m"), Sample.kept),
        ]))
        let ids = try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture).map(\.itemID)
        #expect(ids == ["z", "a", "m"])
    }

    @Test func matchedItemsCarryFeedTopicsAndHits() throws {
        _ = try store.save(Sample.fetched([(Sample.item("a", title: "Karabakh talks"), Sample.kept)]))
        let item = try #require(try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture).first)
        #expect(item.feedName == "azertag")
        #expect(item.feedTitle == "AZERTAC")
        #expect(item.topics == ["Karabakh", "Diplomacy"])
        #expect(item.hits == Sample.kept.hits)
        #expect(item.entities == ["Karabakh", "Peskov"])
    }

    @Test func untitledItemsComeBackWithAnEmptyTitle() throws {
        _ = try store.save(Sample.fetched([(FeedItem(id: "x", link: "https://x.az/x"), Sample.kept)]))
        let item = try #require(try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture).first)
        #expect(item.title == "")
    }

    @Test func allFeedStatesListsEveryFeedByName() throws {
        _ = try store.save(Sample.fetched([], feed: FeedSource(name: "report-az", url: "https://report.az/rss")))
        _ = try store.save(FetchRecord(feed: FeedSource(name: "apa", url: "https://apa.az/rss"),
                                       checkedAt: Sample.noon, outcome: .failed(kind: .tls, message: "bad cert")))
        _ = try store.save(Sample.fetched([]))
        let states = try store.allFeedStates()
        #expect(states.map(\.feedName) == ["apa", "azertag", "report-az"])
        #expect(states[0].lastFailureKind == .tls)
        #expect(try store.feedState(named: "unknown") == nil)
    }

    @Test func runsAreRecordedNewestFirst() throws {
        let first = RunRecord(startedAt: Sample.noon, finishedAt: Sample.noon.addingTimeInterval(12),
                              feedsChecked: 200, feedsFailed: 7, newItems: 310, newMatches: 25)
        let second = RunRecord(startedAt: Sample.noon.addingTimeInterval(600),
                               finishedAt: Sample.noon.addingTimeInterval(609),
                               feedsChecked: 40, feedsFailed: 0, newItems: 12, newMatches: 1)
        try store.recordRun(first)
        try store.recordRun(second)
        #expect(try store.recentRuns() == [second, first])
        #expect(try store.recentRuns(limit: 1) == [second])
    }

    @Test func aReopenedStoreKeepsItsData() throws {
        let path = folder.file("reopen.sqlite")
        do {
            let first = try Store(path: path)
            _ = try first.save(Sample.fetched([(Sample.item("a"), Sample.kept), (Sample.item("b"), Sample.dropped)]))
            try first.recordRun(RunRecord(startedAt: Sample.noon, finishedAt: Sample.noon, feedsChecked: 1,
                                          feedsFailed: 0, newItems: 2, newMatches: 1))
        }
        let reopened = try Store(path: path)
        #expect(try reopened.feedState(named: "azertag")?.etag == "\"v1\"")
        #expect(try reopened.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture).map(\.itemID) == ["a"])
        #expect(try reopened.recentRuns().count == 1)
        let again = try reopened.save(Sample.fetched([(Sample.item("a"), Sample.kept), (Sample.item("b"), Sample.dropped)]))
        #expect(again == SaveSummary())
    }
}
