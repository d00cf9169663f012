import Foundation

/// Items about the same event, from one or more outlets (near-duplicate title and text
/// within the story window). A story of one item is just that item.
public struct Story: Sendable, Equatable {
    /// The day's items, in the order they were first seen.
    public var entries: [StoryEntry]
    /// Items of the window before the day that belong to it (listed in an earlier digest).
    public var earlier: [StoryEntry]
    /// Topics of all its items, in section order.
    public var topics: [String]
    /// Rank keys: the heaviest topic's weight, the sum of its items' scores.
    public var weight: Double
    public var score: Double

    /// Distinct feeds, earlier ones included, in the order they reported.
    public var outlets: [StoryEntry] {
        var seen = Set<String>()
        return (earlier + entries).filter { seen.insert($0.item.feedName).inserted }
    }
    /// `outlets.count`, kept for ranking.
    public var outletCount: Int

    public init(entries: [StoryEntry], earlier: [StoryEntry], topics: [String], weight: Double, score: Double) {
        self.entries = entries
        self.earlier = earlier
        self.topics = topics
        self.weight = weight
        self.score = score
        outletCount = Set((earlier + entries).map(\.item.feedName)).count
    }

    /// Reports first seen this close together came in one poll: the order in which the
    /// poll happened to fetch the feeds says nothing about who reported first.
    static let onePoll: TimeInterval = 10 * 60

    /// The first report, earlier ones included: the earliest first seen, and among reports
    /// first seen in that same poll, the earliest publication date (then the feed's name).
    public var first: StoryEntry {
        let pool = earlier.isEmpty ? entries : earlier
        guard let seen = pool.map(\.item.firstSeen).min() else { return entries[0] }
        func date(_ entry: StoryEntry) -> Date { entry.item.published ?? entry.item.updated ?? entry.item.firstSeen }
        return pool.filter { $0.item.firstSeen.timeIntervalSince(seen) < Self.onePoll }.min { a, b in
            (date(a), a.item.feedName) < (date(b), b.item.feedName)
        } ?? pool[0]
    }
}
