import Foundation
import Testing
import Config
import FeedModel
import Storage
import TestSupport
@testable import Monitor

/// DigestRun over a real store: what it reads for a day, and that a past day never changes.
@Suite struct DigestRunTests {
    let folder: TemporaryFolder
    let configuration: Configuration
    let store: Store
    let zone = TimeZone(identifier: "Asia/Baku")!
    /// 2024-04-18 in Baku.
    let day: DigestDay

    init() throws {
        folder = try TemporaryFolder()
        configuration = try TestConfiguration.make(
            in: folder.url, settings: TestConfiguration.storeAndDigests,
            feedLines: ["https://azertag.az/rss name=azertag country=AZ lang=az",
                        "https://armenpress.am/rss name=armenpress country=AM lang=hy",
                        "https://apa.az/rss name=apa"])
        store = try Store(path: folder.url.appendingPathComponent("state.sqlite").path)
        day = try #require(DigestDay(label: "2024-04-18", in: zone))
    }

    func at(_ hours: Double) -> Date { day.start.addingTimeInterval(hours * 3600) }

    static let kept = MatchResult(topics: ["Karabakh"], hits: [
        Hit(entity: "Nagorno-Karabakh", spelling: "Karabakh", field: .title, matchedText: "Karabakh", start: 0, end: 8),
    ])
    static let story = "Karabakh: border commissions of Armenia and Azerbaijan meet again to continue delimitation"

    func save(_ feed: String, at hours: Double, _ items: [FeedItem]) throws {
        let source = try #require(configuration.feeds.first { $0.name == feed })
        _ = try store.save(FetchRecord(feed: source, checkedAt: at(hours),
                                       outcome: .fetched(feedTitle: nil, etag: nil, lastModified: nil,
                                                         items: items.map { ($0, Self.kept) })))
    }

    func item(_ id: String, _ title: String, published hours: Double) -> FeedItem {
        FeedItem(id: id, title: title, link: "https://example.org/\(id)", published: at(hours), summary: "Karabakh")
    }

    func digest(now: Date) throws -> String {
        let path = try DigestRun(configuration: configuration, store: store).write(day: day, now: now)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func aPastDayIsTheSameFileAfterLaterEditsPollsAndFailures() throws {
        try save("azertag", at: 9, [item("a", Self.story, published: 8.5), item("b", "Karabakh mine blast", published: 8),
                                    item("c", "Karabakh roads", published: 7)])
        try save("armenpress", at: 10, [item("x", Self.story + " in Yerevan", published: 9.5)])
        try save("apa", at: 11, [item("old", "Karabakh archive", published: -72)])
        // The same day: a title edited, an item taken down.
        try save("azertag", at: 15, [item("a", Self.story, published: 8.5), item("b", "Karabakh mine blast: two hurt", published: 8),
                                     item("c", "Karabakh roads", published: 7)])
        try save("azertag", at: 16, [item("a", Self.story, published: 8.5), item("c", "Karabakh roads", published: 7)])

        let first = try digest(now: at(50))
        #expect(first.contains("**Story: 2 outlets** · first: azertag at 09:00"))
        #expect(first.contains("- 09:00 · azertag (AZ · az) · [\(Self.story)](https://example.org/a)"))
        #expect(first.contains("### Back-dated"))
        #expect(first.contains("### Edited"))
        #expect(first.contains("  title: Karabakh mine ~~blast~~ **blast: two hurt**\n"))
        #expect(first.contains("### Taken out of their feed\n\n- 16:00 · azertag · [Karabakh mine blast: two hurt]"))
        #expect(first.contains("## At a glance"))
        #expect(!first.contains("## Feed health"), "health is a live state: only today's digest shows it")

        // Later: the story is edited again, new items come, a feed fails.
        try save("armenpress", at: 40, [item("x", "Completely different headline now", published: 9.5),
                                        item("y", "Karabakh news of a later day", published: 39)])
        _ = try store.save(FetchRecord(feed: configuration.feeds[2], checkedAt: at(41),
                                       outcome: .failed(kind: .timeout, message: "fetch: timed out")))
        #expect(try digest(now: at(60)) == first)
        #expect(try digest(now: at(24 * 30)) == first)
    }

    @Test func todaysDigestShowsTheFeedsThatNeedALook() throws {
        try save("azertag", at: 9, [item("a", Self.story, published: 8.5)])
        _ = try store.save(FetchRecord(feed: configuration.feeds[2], checkedAt: at(10),
                                       outcome: .failed(kind: .timeout, message: "fetch https://apa.az/rss: timed out")))
        let text = try digest(now: at(12))
        #expect(text.contains("## Feed health"))
        #expect(text.contains("| apa | failing |  | 1 failure: \\[timeout\\] fetch https://apa.az/rss: timed out |"))
        // armenpress was never polled (new) and azertag is fine: neither is listed.
        #expect(!text.contains("| armenpress |") && !text.contains("| azertag |"))
    }

    @Test func glanceComparesWithTheFourteenDaysBefore() throws {
        // One Karabakh item a day for 14 days, then 6 today: 6 >= 3 × 1 and >= 5.
        for back in 1...14 {
            try save("apa", at: Double(-24 * back + 12), [item("h\(back)", "Karabakh day \(back)", published: Double(-24 * back + 12))])
        }
        try save("azertag", at: 9, (0..<6).map { item("t\($0)", "Karabakh item number \($0) of a busy day", published: 8) })
        let text = try digest(now: at(12))
        #expect(text.contains("| **Karabakh** | 6 | 1.0 | spike ×6.0 |"))
        #expect(text.contains("| Nagorno-Karabakh | 6 | 1.0 | spike ×6.0 |"))
    }
}
