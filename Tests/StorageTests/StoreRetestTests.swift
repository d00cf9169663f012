import Foundation
import Testing
import FeedModel
@testable import Storage

/// Reading stored items back for `retest` (read-only) and replacing their matches.
@Suite struct StoreRetestTests {
    let folder: TemporaryFolder
    let path: String

    init() throws {
        folder = try TemporaryFolder()
        path = folder.file("feedwatch.sqlite")
    }

    static let full = FeedItem(
        id: "full", title: "Peacekeepers leave Karabakh", link: "https://example.org/full",
        published: Sample.noon.addingTimeInterval(-3_600), updated: Sample.noon.addingTimeInterval(-1_800),
        authors: ["Anna", "Bəxtiyar"], categories: ["Politics", "Region"],
        summary: "The contingent left Stepanakert.", content: "Long text about the withdrawal.",
        enclosures: [Enclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 42)])

    /// Two items a day ago (one kept), one item now (kept), one feed each time.
    func filled() throws -> (ids: [String: Int64], store: Store) {
        let store = try Store(path: path)
        let yesterday = Sample.noon.addingTimeInterval(-86_400)
        _ = try store.save(Sample.fetched([(Sample.item("old-kept"), Sample.kept),
                                           (Sample.item("old-dropped"), Sample.dropped)], at: yesterday))
        let other = FeedSource(name: "civilnet", url: "https://civilnet.am/feed")
        _ = try store.save(Sample.fetched([(Self.full, Sample.kept), (Sample.item("plain"), Sample.dropped)],
                                          feed: other))
        var ids: [String: Int64] = [:]
        try StoreReader(path: path).forEachItem(firstSeenSince: .distantPast) { ids[$0.item.id] = $0.itemRowID }
        return (ids, store)
    }

    func read(since: Date = .distantPast) throws -> [StoredItem] {
        var items: [StoredItem] = []
        try StoreReader(path: path).forEachItem(firstSeenSince: since) { items.append($0) }
        return items
    }

    @Test func readsItemsFirstSeenSinceWithAllTheirTextAndStoredMatch() throws {
        _ = try filled()
        let recent = try read(since: Sample.noon.addingTimeInterval(-60))
        #expect(recent.map(\.item.id) == ["full", "plain"])
        let full = try #require(recent.first)
        #expect(full.feedName == "civilnet")
        #expect(full.item == Self.full)
        #expect(full.firstSeen == Sample.noon)
        #expect(full.keptTopics == ["Karabakh", "Diplomacy"])
        #expect(full.keptHits == Sample.kept.hits)
        #expect(recent[1].keptTopics == nil)
        #expect(recent[1].keptHits.isEmpty)

        let all = try read()
        #expect(all.map(\.item.id) == ["old-kept", "old-dropped", "full", "plain"])
        #expect(all.map(\.wasKept) == [true, false, true, false])
    }

    @Test func readingChangesNoByteAndANewPathIsAnError() throws {
        _ = try filled()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try read()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        let missing = folder.file("nothing.sqlite")
        #expect(throws: StoreError.self) { try StoreReader(path: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func replaceMatchesAddsChangesAndRemoves() throws {
        let (ids, store) = try filled()
        let peacekeepers = MatchResult(topics: ["Peacekeepers"], hits: [
            Hit(entity: nil, spelling: "peacekeep*", field: .title, matchedText: "Peacekeepers", start: 0, end: 12),
        ])
        try store.replaceMatches([
            (try #require(ids["old-dropped"]), peacekeepers),  // add
            (try #require(ids["full"]), peacekeepers),          // other topics
            (try #require(ids["old-kept"]), MatchResult()),     // drop
        ])
        let kept = try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture)
        #expect(kept.map(\.itemID) == ["old-dropped", "full"])
        #expect(kept.map(\.topics) == [["Peacekeepers"], ["Peacekeepers"]])
        #expect(kept.map(\.hits) == [peacekeepers.hits, peacekeepers.hits])
        #expect(try store.rowCount(of: "matches") == 2)
        #expect(try store.rowCount(of: "items") == 4, "items themselves are never touched")
    }

    @Test func aFailingUpdateLeavesEveryMatchAsItWas() throws {
        let (ids, store) = try filled()
        let before = try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture)
        #expect(throws: StoreError.self) {
            try store.replaceMatches([
                (try #require(ids["old-kept"]), MatchResult()),
                (999_999, MatchResult()),
            ])
        }
        #expect(throws: StoreError.self) {
            try store.replaceMatches([
                (try #require(ids["plain"]), Sample.kept),
                (999_999, Sample.kept),
            ])
        }
        #expect(try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture) == before)
    }

    @Test func replacedMatchesMoveTheTopicAndEntityCountsWithThem() throws {
        let (ids, store) = try filled()
        let day = (Sample.noon, Sample.noon.addingTimeInterval(60))
        #expect(try store.labelCounts(firstSeenFrom: day.0, to: day.1).topics == ["Karabakh": 1, "Diplomacy": 1])
        let peacekeepers = MatchResult(topics: ["Peacekeepers"], hits: [
            Hit(entity: "Russia", spelling: "Russian", field: .title, matchedText: "Russian", start: 0, end: 7),
        ])
        try store.replaceMatches([(try #require(ids["full"]), peacekeepers), (try #require(ids["plain"]), peacekeepers)])
        let counts = try store.labelCounts(firstSeenFrom: day.0, to: day.1)
        #expect(counts.topics == ["Peacekeepers": 2])
        #expect(counts.entities == ["Russia": 2])
        try store.replaceMatches([(try #require(ids["full"]), MatchResult())])
        #expect(try store.labelCounts(firstSeenFrom: day.0, to: day.1) == LabelCounts(topics: ["Peacekeepers": 1],
                                                                                      entities: ["Russia": 1]))
    }
}
