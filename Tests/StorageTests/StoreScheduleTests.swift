import Foundation
import Testing
import FeedModel
@testable import Storage

/// Schema v2: the scheduling state travels with each save, in the same transaction.
@Suite struct StoreScheduleTests {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try Store(path: folder.file("feedwatch.sqlite"))
    }

    static let full = FeedSchedule(
        nextCheck: Sample.noon.addingTimeInterval(900), lastIntervalSeconds: 900,
        lastUnconditional: Sample.noon, lastHTTPStatus: 200,
        permanentRedirectTarget: "https://new.azertag.az/rss",
        permanentRedirectSince: Sample.noon.addingTimeInterval(-86_400),
        movedTo: "https://moved.azertag.az/rss", goneAt: nil,
        retryAfterUntil: Sample.noon.addingTimeInterval(120), servedURL: "https://mirror.azertag.az/rss")

    @Test func everyScheduleFieldRoundTrips() throws {
        var record = Sample.fetched([(Sample.item("a"), Sample.kept)])
        record.schedule = Self.full
        _ = try store.save(record)
        let state = try #require(try store.feedState(named: "azertag"))
        #expect(state.schedule == Self.full)
        #expect(try store.allFeedStates().map(\.schedule) == [Self.full])
    }

    @Test func scheduleIsWrittenVerbatimNilIncluded() throws {
        var first = Sample.fetched([])
        first.schedule = Self.full
        _ = try store.save(first)

        let gone = FeedSchedule(nextCheck: nil, lastHTTPStatus: 410, goneAt: Sample.noon.addingTimeInterval(60))
        let failure = FetchRecord(feed: Sample.feed, checkedAt: Sample.noon.addingTimeInterval(60),
                                  outcome: .failed(kind: .http4xx, message: "HTTP 410"), schedule: gone)
        _ = try store.save(failure)
        let state = try #require(try store.feedState(named: "azertag"))
        #expect(state.schedule == gone)
        #expect(state.consecutiveFailures == 1)
        #expect(state.lastFailureKind == .http4xx)
    }

    @Test func aRecordWithoutScheduleLeavesTheStoredOne() throws {
        var first = Sample.fetched([])
        first.schedule = Self.full
        _ = try store.save(first)
        _ = try store.save(FetchRecord(feed: Sample.feed, checkedAt: Sample.noon.addingTimeInterval(60),
                                       outcome: .notModified(etag: nil, lastModified: nil)))
        #expect(try store.feedState(named: "azertag")?.schedule == Self.full)
    }

    @Test func aFailedScheduleWriteRollsBackTheWholeSave() throws {
        // An empty item key violates the CHECK constraint after the schedule was written:
        // nothing of this save may remain.
        var record = Sample.fetched([(Sample.item("ok"), Sample.kept), (Sample.item(""), Sample.kept)])
        record.schedule = Self.full
        #expect(throws: StoreError.self) { try store.save(record) }
        #expect(try store.feedState(named: "azertag") == nil)
        #expect(try store.rowCount(of: "items") == 0)
    }
}

/// The publishing rhythm (scheduler) and the newest item (health report).
@Suite struct StorePublishingTests {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try Store(path: folder.file("feedwatch.sqlite"))
    }

    static let day: TimeInterval = 86_400
    static let other = FeedSource(name: "civilnet", url: "https://civilnet.am/feed")

    static func dated(_ id: String, published: Date?) -> FeedItem {
        var item = Sample.item(id)
        item.published = published
        return item
    }

    @Test func itemDatesOfTheLastWeekUsePublishedElseFirstSeen() throws {
        let now = Sample.noon
        _ = try store.save(Sample.fetched([
            (Self.dated("old", published: now.addingTimeInterval(-10 * Self.day)), Sample.dropped),
            (Self.dated("recent", published: now.addingTimeInterval(-2 * Self.day)), Sample.dropped),
            (Self.dated("undated", published: nil), Sample.dropped),
            // Dated after it was first seen (no zone, a clock ahead): counts as first seen.
            (Self.dated("future", published: now.addingTimeInterval(3 * Self.day)), Sample.dropped),
        ], at: now))
        _ = try store.save(Sample.fetched([(Self.dated("elsewhere", published: now), Sample.dropped)],
                                          at: now, feed: Self.other))

        let dates = try store.itemDates(feedNamed: "azertag", since: now.addingTimeInterval(-7 * Self.day))
        #expect(dates == [now, now, now.addingTimeInterval(-2 * Self.day)])
        #expect(try store.itemDates(feedNamed: "nobody", since: .distantPast).isEmpty)
    }

    @Test func newestItemDatePerFeed() throws {
        let now = Sample.noon
        _ = try store.save(Sample.fetched([
            (Self.dated("a", published: now.addingTimeInterval(-5 * Self.day)), Sample.dropped),
            (Self.dated("b", published: now.addingTimeInterval(-3 * Self.day)), Sample.dropped),
        ], at: now))
        _ = try store.save(Sample.fetched([(Self.dated("c", published: nil), Sample.dropped)],
                                          at: now.addingTimeInterval(60), feed: Self.other))
        // A feed with no items has no entry.
        _ = try store.save(Sample.fetched([], at: now, feed: FeedSource(name: "empty", url: "https://e.example/rss")))

        #expect(try store.newestItemDates() == [
            "azertag": now.addingTimeInterval(-3 * Self.day),
            "civilnet": now.addingTimeInterval(60),
        ])
    }

    @Test func recentItemDatesKeepTheNewestPerFeed() throws {
        let now = Sample.noon
        let items = (0..<5).map { index in
            (Self.dated("i\(index)", published: now.addingTimeInterval(-Double(index) * Self.day)), Sample.dropped)
        }
        _ = try store.save(Sample.fetched(items, at: now))
        _ = try store.save(Sample.fetched([(Self.dated("c", published: now), Sample.dropped)],
                                          at: now, feed: Self.other))

        let recent = try store.recentItemDates(limit: 3)
        #expect(recent["azertag"] == [now, now.addingTimeInterval(-Self.day), now.addingTimeInterval(-2 * Self.day)])
        #expect(recent["civilnet"] == [now])
        #expect(recent.count == 2)
    }
}

/// The schedule decided inside the save, after the new items are in.
@Suite struct StoreScheduledSaveTests {
    @Test func theScheduleSeesThisSavesItemsAndIsWrittenWithThem() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.file("feedwatch.sqlite"))
        _ = try store.save(Sample.fetched([(Sample.item("a"), Sample.kept)], at: Sample.noon))
        var seen: [Date] = []
        let record = Sample.fetched([(Sample.item("a"), Sample.kept), (Sample.item("b"), Sample.kept)],
                                    at: Sample.noon.addingTimeInterval(60))
        let summary = try store.save(record, itemDatesSince: Sample.noon.addingTimeInterval(-86_400)) { dates in
            seen = dates
            return FeedSchedule(nextCheck: Sample.noon.addingTimeInterval(900), lastIntervalSeconds: dates.count)
        }
        #expect(summary == SaveSummary(newItems: 1, newMatches: 1))
        #expect(seen == [Sample.noon.addingTimeInterval(60), Sample.noon])
        let state = try #require(try store.feedState(named: "azertag"))
        #expect(state.schedule.nextCheck == Sample.noon.addingTimeInterval(900))
        #expect(state.schedule.lastIntervalSeconds == 2)
        #expect(state.lastSuccess == Sample.noon.addingTimeInterval(60))
    }
}
