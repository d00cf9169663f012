import Foundation
import FeedModel

/// Builds MatchedItems for digest tests, stating only what a test is about.
enum Item {
    /// 2024-04-18 00:00:00 UTC.
    static let dayStart = Date(timeIntervalSince1970: 1_713_398_400)

    static func at(_ hour: Int, _ minute: Int) -> Date {
        dayStart.addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

    static func make(_ title: String, feed: String = "azertag", id: String? = nil, link: String? = "https://azertag.az/1",
                     seen: Date = at(9, 0), published: Date? = nil, topics: [String] = ["Karabakh"],
                     hits: [Hit] = []) -> MatchedItem {
        MatchedItem(feedName: feed, itemID: id ?? title, title: title, link: link, published: published,
                    firstSeen: seen, topics: topics, hits: hits)
    }

    static func hit(_ entity: String?, _ spelling: String, _ field: ItemField, text: String? = nil) -> Hit {
        Hit(entity: entity, spelling: spelling, field: field, matchedText: text ?? spelling, start: 0, end: 1)
    }
}
