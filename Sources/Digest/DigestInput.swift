import Foundation
import FeedModel

/// Everything a day's digest is built from, as plain values (Digest does no queries:
/// Monitor reads the store and fills this in). The same input always builds the same model.
public struct DigestInput: Sendable {
    /// "YYYY-MM-DD" in `timeZone`, and the instants the day spans.
    public var day: String
    public var dayStart: Date
    public var dayEnd: Date
    public var timeZone: TimeZone
    /// Kept items first seen in the day.
    public var items: [MatchedItem]
    /// Kept items first seen in the story window before the day (`DigestBuilder.storyWindow`):
    /// they join the day's stories, so "who reported first" holds across midnight, but are not
    /// listed again.
    public var earlierItems: [MatchedItem]
    /// feeds.conf's order of topics.
    public var topicOrder: [String]
    /// Topic weights for ranking; a topic not named weighs 1.
    public var topicWeights: [String: Double]
    /// A score per item (key: `DigestInput.key(feed:item:)`); an item not named scores its number of hits.
    public var itemScores: [String: Double]
    /// Country, language and perspective of each feed, by feed name.
    public var outlets: [String: OutletInfo]
    /// Contested names each item used, by item key, once each in order of first use
    /// (`MatchResult.contestedNames`: Stepanakert named `Xankəndi`, the Azerbaijani name).
    public var contestedNames: [String: [ContestedNameUse]]
    /// feeds.conf's `kind =` of each entity by name (country, region, person ...): the
    /// cross-language story rule does not rest on country- or region-level names alone.
    /// An entity not named counts as specific.
    public var entityKinds: [String: String]
    /// Kept items per topic and entity in the day, and over the `historyDays` before it;
    /// nil leaves "at a glance" out.
    public var todayCounts: LabelCounts?
    public var historyCounts: LabelCounts?
    public var historyDays: Int
    /// Edits and take-downs of kept items seen in the day.
    public var revisions: [ItemRevision]
    public var disappearances: [ItemDisappearance]
    /// Feeds that need a look; nil leaves the section out (a past day: health is a live state).
    public var health: [FeedHealthNote]?

    public init(day: String, dayStart: Date, dayEnd: Date, timeZone: TimeZone, items: [MatchedItem],
                earlierItems: [MatchedItem] = [], topicOrder: [String], topicWeights: [String: Double] = [:],
                itemScores: [String: Double] = [:], outlets: [String: OutletInfo] = [:],
                contestedNames: [String: [ContestedNameUse]] = [:], entityKinds: [String: String] = [:],
                todayCounts: LabelCounts? = nil,
                historyCounts: LabelCounts? = nil, historyDays: Int = 14, revisions: [ItemRevision] = [],
                disappearances: [ItemDisappearance] = [], health: [FeedHealthNote]? = nil) {
        self.day = day
        self.dayStart = dayStart
        self.dayEnd = dayEnd
        self.timeZone = timeZone
        self.items = items
        self.earlierItems = earlierItems
        self.topicOrder = topicOrder
        self.topicWeights = topicWeights
        self.itemScores = itemScores
        self.outlets = outlets
        self.contestedNames = contestedNames
        self.entityKinds = entityKinds
        self.todayCounts = todayCounts
        self.historyCounts = historyCounts
        self.historyDays = historyDays
        self.revisions = revisions
        self.disappearances = disappearances
        self.health = health
    }

    /// An item's identity in the digest: its feed and its id in that feed.
    public static func key(feed: String, item: String) -> String { feed + "\u{0}" + item }
    static func key(of item: MatchedItem) -> String { key(feed: item.feedName, item: item.itemID) }
}
