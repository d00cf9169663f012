import Foundation
import Testing
import FeedModel
@testable import Storage

@Suite struct StoreSaveTests {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try Store(path: folder.file("feedwatch.sqlite"))
    }

    @Test func fetchedStoresFeedStateAndItems() throws {
        let summary = try store.save(Sample.fetched([
            (Sample.item("a"), Sample.kept),
            (Sample.item("b"), Sample.dropped),
        ]))
        #expect(summary == SaveSummary(newItems: 2, newMatches: 1))

        let state = try #require(try store.feedState(named: "azertag"))
        #expect(state.url == "https://azertag.az/rss")
        #expect(state.title == "AZERTAC")
        #expect(state.etag == "\"v1\"")
        #expect(state.lastModified == "Thu, 18 Apr 2024 11:00:00 GMT")
        #expect(state.lastChecked == Sample.noon)
        #expect(state.lastSuccess == Sample.noon)
        #expect(state.lastFailure == nil)
        #expect(state.consecutiveFailures == 0)
        // Every item is stored; only kept ones get a matches row.
        #expect(try store.rowCount(of: "items") == 2)
        #expect(try store.rowCount(of: "matches") == 1)
    }

    @Test func savingTheSameItemsAgainAddsNothing() throws {
        let items = [(Sample.item("a"), Sample.kept), (Sample.item("b"), Sample.dropped)]
        _ = try store.save(Sample.fetched(items))
        let again = try store.save(Sample.fetched(items, at: Sample.noon.addingTimeInterval(600)))
        #expect(again == SaveSummary(newItems: 0, newMatches: 0))
        #expect(try store.rowCount(of: "items") == 2)
        #expect(try store.rowCount(of: "matches") == 1)
        // The first sighting decides the digest day; a later fetch does not move it.
        let matched = try store.matchedItems(firstSeenFrom: Sample.noon, to: Sample.noon.addingTimeInterval(1))
        #expect(matched.map(\.itemID) == ["a"])
    }

    @Test func itemsAreDedupedByIDNotByLinkOrTitle() throws {
        let first = try store.save(Sample.fetched([
            (Sample.item("guid-1", title: "Old headline", link: "https://x.az/1"), Sample.kept),
            // The same guid twice in one document: the first copy wins.
            (Sample.item("guid-1", title: "Copy", link: "https://x.az/1"), Sample.kept),
            // Same link, different guid: two items for the store.
            (Sample.item("guid-2", title: "Old headline", link: "https://x.az/1"), Sample.dropped),
        ]))
        #expect(first == SaveSummary(newItems: 2, newMatches: 1))

        // An edited title under the same guid is not a new item but a revision of it.
        let edited = try store.save(Sample.fetched([
            (Sample.item("guid-1", title: "New headline", link: "https://x.az/1-new"), Sample.kept),
        ], at: Sample.noon.addingTimeInterval(60)))
        #expect(edited == SaveSummary(revisedItems: 1))
        let matched = try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture)
        #expect(matched.map(\.title) == ["New headline"])
        #expect(try store.rowCount(of: "items") == 2)
    }

    @Test func theSameIDInAnotherFeedIsANewItem() throws {
        _ = try store.save(Sample.fetched([(Sample.item("shared"), Sample.kept)]))
        let other = FeedSource(name: "apa", url: "https://apa.az/rss")
        let summary = try store.save(Sample.fetched([(Sample.item("shared"), Sample.kept)], feed: other))
        #expect(summary == SaveSummary(newItems: 1, newMatches: 1))
        let names = try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture).map(\.feedName)
        #expect(names == ["azertag", "apa"])
    }

    @Test func notModifiedKeepsValidatorsAndTakesNewerOnes() throws {
        _ = try store.save(Sample.fetched([(Sample.item("a"), Sample.kept)]))
        let later = Sample.noon.addingTimeInterval(900)

        let plain = try store.save(FetchRecord(feed: Sample.feed, checkedAt: later,
                                               outcome: .notModified(etag: nil, lastModified: nil)))
        #expect(plain == SaveSummary())
        var state = try #require(try store.feedState(named: "azertag"))
        #expect(state.etag == "\"v1\"")
        #expect(state.lastModified == "Thu, 18 Apr 2024 11:00:00 GMT")
        #expect(state.lastChecked == later)
        #expect(state.lastSuccess == later)
        #expect(state.title == "AZERTAC")

        let evenLater = later.addingTimeInterval(900)
        _ = try store.save(FetchRecord(feed: Sample.feed, checkedAt: evenLater,
                                       outcome: .notModified(etag: nil, lastModified: "Thu, 18 Apr 2024 12:20:00 GMT")))
        state = try #require(try store.feedState(named: "azertag"))
        #expect(state.etag == "\"v1\"")
        #expect(state.lastModified == "Thu, 18 Apr 2024 12:20:00 GMT")
        #expect(state.lastChecked == evenLater)
        #expect(try store.rowCount(of: "items") == 1)
    }

    @Test func fetchedReplacesValidatorsButKeepsAKnownTitle() throws {
        _ = try store.save(Sample.fetched([]))
        _ = try store.save(Sample.fetched([], at: Sample.noon.addingTimeInterval(60), title: nil,
                                          etag: "W/\"v2\"", lastModified: nil))
        let state = try #require(try store.feedState(named: "azertag"))
        #expect(state.title == "AZERTAC")
        #expect(state.etag == "W/\"v2\"")
        #expect(state.lastModified == nil)
    }

    @Test func failuresCountUpAndASuccessResetsThem() throws {
        _ = try store.save(Sample.fetched([]))
        for minutes in 1...3 {
            let summary = try store.save(FetchRecord(
                feed: Sample.feed, checkedAt: Sample.noon.addingTimeInterval(Double(minutes) * 60),
                outcome: .failed(kind: .http5xx, message: "fetch https://azertag.az/rss: HTTP 503")))
            #expect(summary == SaveSummary())
        }
        var state = try #require(try store.feedState(named: "azertag"))
        #expect(state.consecutiveFailures == 3)
        #expect(state.lastFailure == Sample.noon.addingTimeInterval(180))
        #expect(state.lastChecked == Sample.noon.addingTimeInterval(180))
        #expect(state.lastFailureKind == .http5xx)
        #expect(state.lastFailureMessage == "fetch https://azertag.az/rss: HTTP 503")
        // A failure leaves the last success and the validators alone.
        #expect(state.lastSuccess == Sample.noon)
        #expect(state.etag == "\"v1\"")

        _ = try store.save(Sample.fetched([], at: Sample.noon.addingTimeInterval(240)))
        state = try #require(try store.feedState(named: "azertag"))
        #expect(state.consecutiveFailures == 0)
        #expect(state.lastSuccess == Sample.noon.addingTimeInterval(240))
        // The last failure stays on record for the health report.
        #expect(state.lastFailureKind == .http5xx)
    }

    @Test func aNotModifiedAnswerAlsoEndsAFailureStreak() throws {
        _ = try store.save(FetchRecord(feed: Sample.feed, checkedAt: Sample.noon,
                                       outcome: .failed(kind: .timeout, message: "timed out")))
        #expect(try store.feedState(named: "azertag")?.consecutiveFailures == 1)
        _ = try store.save(FetchRecord(feed: Sample.feed, checkedAt: Sample.noon.addingTimeInterval(60),
                                       outcome: .notModified(etag: nil, lastModified: nil)))
        #expect(try store.feedState(named: "azertag")?.consecutiveFailures == 0)
    }

    @Test func aFeedFirstSeenFailingGetsARow() throws {
        _ = try store.save(FetchRecord(feed: Sample.feed, checkedAt: Sample.noon,
                                       outcome: .failed(kind: .dns, message: "no such host")))
        let state = try #require(try store.feedState(named: "azertag"))
        #expect(state.consecutiveFailures == 1)
        #expect(state.lastSuccess == nil)
        #expect(state.title == nil)
    }

    @Test func theURLFollowsFeedsConf() throws {
        _ = try store.save(Sample.fetched([]))
        let moved = FeedSource(name: "azertag", url: "https://azertag.az/en/rss")
        _ = try store.save(Sample.fetched([], feed: moved))
        #expect(try store.feedState(named: "azertag")?.url == "https://azertag.az/en/rss")
        #expect(try store.allFeedStates().count == 1)
    }

    @Test func aFailingSaveLeavesNothingHalfWritten() throws {
        _ = try store.save(Sample.fetched([(Sample.item("a"), Sample.kept)]))
        let before = try #require(try store.feedState(named: "azertag"))

        // Two good new items, then one the schema refuses (an empty key would merge unrelated
        // items): the items before it were already inserted when SQLite says no.
        let bad = Sample.fetched([
            (Sample.item("b"), Sample.kept),
            (Sample.item("c"), Sample.dropped),
            (Sample.item(""), Sample.kept),
        ], at: Sample.noon.addingTimeInterval(600), title: "Renamed", etag: "\"v9\"")
        let error = #expect(throws: StoreError.self) { try store.save(bad) }
        #expect(error?.message.hasPrefix("save feed azertag: ") == true)
        #expect(error?.message.contains("CHECK constraint failed") == true)

        #expect(try store.feedState(named: "azertag") == before)
        #expect(try store.rowCount(of: "items") == 1)
        #expect(try store.rowCount(of: "matches") == 1)

        // The store still works after the rollback.
        let summary = try store.save(Sample.fetched([(Sample.item("b"), Sample.kept)]))
        #expect(summary == SaveSummary(newItems: 1, newMatches: 1))
    }

    @Test func itemFieldsSurviveTheRoundTrip() throws {
        let published = Date(timeIntervalSince1970: 1_713_355_200)
        let item = FeedItem(id: "urn:x:1", title: "Qarabağ [live]", link: "https://x.az/1",
                            published: published, authors: ["Aysel Məmmədova"],
                            categories: ["Siyasət"], summary: "Песков сказал", content: "<p>…</p>")
        _ = try store.save(Sample.fetched([(item, Sample.kept)]))
        let matched = try #require(try store.matchedItems(firstSeenFrom: .distantPast, to: .distantFuture).first)
        #expect(matched.itemID == "urn:x:1")
        #expect(matched.title == "Qarabağ [live]")
        #expect(matched.link == "https://x.az/1")
        #expect(matched.published == published)
        #expect(matched.firstSeen == Sample.noon)
    }
}
