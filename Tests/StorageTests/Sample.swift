import Foundation
import FeedModel
import Storage

/// Small builders so each test states only what it is about.
enum Sample {
    /// 2024-04-18 12:00:00 UTC, a whole second so it survives SQLite's millisecond storage.
    static let noon = Date(timeIntervalSince1970: 1_713_441_600)

    static let feed = FeedSource(name: "azertag", url: "https://azertag.az/rss")

    static func item(_ id: String, title: String? = nil, link: String? = nil) -> FeedItem {
        FeedItem(id: id, title: title ?? "Item \(id)", link: link ?? "https://example.org/\(id)")
    }

    static let kept = MatchResult(
        topics: ["Karabakh", "Diplomacy"],
        hits: [
            Hit(entity: "Karabakh", spelling: "Karabakh", field: .title, matchedText: "Karabakh", start: 4, end: 12),
            Hit(entity: "Peskov", spelling: "Песков", field: .summary, matchedText: "Пескова", start: 0, end: 14),
        ])

    static let dropped = MatchResult()

    static func fetched(_ items: [(FeedItem, MatchResult)], at date: Date = noon, feed: FeedSource = feed,
                        title: String? = "AZERTAC", etag: String? = "\"v1\"",
                        lastModified: String? = "Thu, 18 Apr 2024 11:00:00 GMT") -> FetchRecord {
        FetchRecord(feed: feed, checkedAt: date,
                    outcome: .fetched(feedTitle: title, etag: etag, lastModified: lastModified, items: items))
    }
}
