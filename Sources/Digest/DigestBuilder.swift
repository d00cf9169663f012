import Foundation
import FeedModel

/// Builds the day's `DigestModel` from a `DigestInput`: stories, sections and their order,
/// back-dated and future-dated items, "at a glance", changes and health.
///
/// Nothing here reads the clock: the same input gives the same model, so a past day's
/// digest is the same file every time it is written.
public struct DigestBuilder: Sendable {
    /// An item published more than this before the day's start is back-dated. A day of grace
    /// keeps out what was published late yesterday and fetched after midnight, and feeds whose
    /// dates are off by a time zone.
    public var backdateGrace: TimeInterval = 86_400
    /// An item dated more than this after it was first seen is flagged as future-dated
    /// (clock skew of a few minutes is normal).
    public var futureTolerance: TimeInterval = 600
    /// Items first seen within this span before the day's end can form one story.
    public var storyWindow: TimeInterval = 48 * 3600
    /// Estimated Jaccard similarity of word-pair sets from which two items are one story.
    public var storySimilarity: Double = 0.3
    /// IDF-weighted Jaccard similarity of entity sets from which two items of different feeds
    /// (and a shared topic) are one story, whatever their languages (`EntityStoryLinker`).
    /// 0.25, from the demo's day of ten items (seeds/): the Armenian report of the peacekeepers'
    /// withdrawal meets the Georgian one at 0.29 and the Azerbaijani one at 0.26 (it names
    /// Stepanakert and Yerevan, which they do not), the Russian report meets the others at 0.48
    /// to 0.65; a second Pashinyan story of that day, sharing only him and the countries with
    /// the first and naming others of its own, comes to 0.22 (CrossLanguageStoryTests).
    public var storyEntitySimilarity: Double = 0.25
    /// feeds.conf kinds too broad for the entity rule to rest on: a shared country or region
    /// alone never makes a story.
    public var broadEntityKinds: Set<String> = ["country", "region"]
    /// A spike: at least this many times the daily average, and at least `spikeMinimum` items.
    public var spikeFactor: Double = 3
    public var spikeMinimum: Int = 5
    /// "At a glance" lists every topic of the day and this many entities (spikes always).
    public var glanceEntities: Int = 10

    public init() {}

    public func build(_ input: DigestInput) -> DigestModel {
        let topics = sectionOrder(input)
        let sectionIndex = Dictionary(topics.enumerated().map { ($1, $0) }) { first, _ in first }
        let stories = makeStories(input, sectionIndex: sectionIndex)

        var byTopic: [String: (main: [Story], backdated: [Story])] = [:]
        for story in stories {
            guard let topic = story.topics.first else { continue }
            if story.entries.allSatisfy(\.isBackdated) {
                byTopic[topic, default: ([], [])].backdated.append(story)
            } else {
                byTopic[topic, default: ([], [])].main.append(story)
            }
        }
        let sections = topics.compactMap { topic -> DigestSection? in
            guard let filed = byTopic[topic] else { return nil }
            return DigestSection(topic: topic, stories: filed.main.sorted(by: Self.rank),
                                 backdated: filed.backdated.sorted(by: Self.rank))
        }

        let listed = sections.flatMap { $0.stories + $0.backdated }.flatMap(\.entries)
        return DigestModel(
            day: input.day, timeZone: input.timeZone, itemCount: listed.count,
            sourceCount: Set(listed.map(\.item.feedName)).count,
            backdatedCount: listed.filter(\.isBackdated).count,
            sharedStoryCount: sections.flatMap { $0.stories + $0.backdated }.filter { $0.outletCount > 1 }.count,
            glance: glance(input), sections: sections, changes: changes(input.revisions),
            disappearances: input.disappearances.sorted { ($0.noticedAt, $0.feedName, $0.itemID) < ($1.noticedAt, $1.feedName, $1.itemID) },
            health: input.health?.sorted { ($0.status, $0.feed) < ($1.status, $1.feed) },
            historyDays: input.historyDays)
    }

    /// Heavier topics first; feeds.conf order among equals; then (so nothing kept goes
    /// missing after a topic was renamed or removed) the other topics items name, alphabetically.
    func sectionOrder(_ input: DigestInput) -> [String] {
        var topics: [String] = []
        var seen = Set<String>()
        for topic in input.topicOrder where seen.insert(topic).inserted { topics.append(topic) }
        topics += Set(input.items.flatMap(\.topics)).subtracting(seen).sorted()
        let position = Dictionary(topics.enumerated().map { ($1, $0) }) { first, _ in first }
        return topics.sorted { a, b in
            let wa = input.topicWeights[a] ?? 1, wb = input.topicWeights[b] ?? 1
            return wa != wb ? wa > wb : position[a]! < position[b]!
        }
    }

    /// The day's items (each once) grouped with each other and with the window's earlier items.
    func makeStories(_ input: DigestInput, sectionIndex: [String: Int]) -> [Story] {
        var seen = Set<String>()
        let today = input.items.sorted(by: Self.seenOrder).filter { seen.insert(DigestInput.key(of: $0)).inserted }
        let windowStart = input.dayEnd.addingTimeInterval(-storyWindow)
        let earlier = input.earlierItems
            .filter { $0.firstSeen >= windowStart && $0.firstSeen < input.dayStart }
            .sorted(by: Self.seenOrder)
            .filter { seen.insert(DigestInput.key(of: $0)).inserted }
        let all = today + earlier
        let fingerprints = all.map { StoryFingerprint(text: $0.title + "\n" + ($0.summary ?? "")) }
        let linker = EntityStoryLinker(threshold: storyEntitySimilarity, broadKinds: broadEntityKinds,
                                       kinds: input.entityKinds)
        let groups = StoryGrouper(threshold: storySimilarity).groups(fingerprints, linked: linker.links(all))

        return groups.compactMap { members -> Story? in
            let entries = members.filter { $0 < today.count }.map { entry(all[$0], input) }
                .sorted(by: Self.reportedEarlier)
            guard !entries.isEmpty else { return nil }
            let before = members.filter { $0 >= today.count }.map { entry(all[$0], input) }
            let topics = Set(entries.flatMap(\.item.topics)).sorted {
                (sectionIndex[$0] ?? .max, $0) < (sectionIndex[$1] ?? .max, $1)
            }
            let weight = topics.map { input.topicWeights[$0] ?? 1 }.max() ?? 1
            let score = entries.reduce(0.0) { sum, entry in
                sum + (input.itemScores[DigestInput.key(of: entry.item)] ?? Double(entry.item.hits.count))
            }
            return Story(entries: entries, earlier: before, topics: topics, weight: weight, score: score)
        }
    }

    func entry(_ item: MatchedItem, _ input: DigestInput) -> StoryEntry {
        let date = item.published ?? item.updated
        return StoryEntry(
            item: item, outlet: input.outlets[item.feedName].flatMap { $0.isEmpty ? nil : $0 },
            contestedNames: input.contestedNames[DigestInput.key(of: item)] ?? [],
            isBackdated: date.map { $0 < input.dayStart.addingTimeInterval(-backdateGrace) } ?? false,
            isFutureDated: date.map { $0 > item.firstSeen.addingTimeInterval(futureTolerance) } ?? false)
    }

    /// Who reported first: the earliest first seen; when one poll saw several outlets at
    /// once (a first poll, a feed back from an outage), the earlier publication date
    /// decides, then the feed's name, so the order never depends on fetch timing.
    static func reportedEarlier(_ a: StoryEntry, _ b: StoryEntry) -> Bool {
        if a.item.firstSeen != b.item.firstSeen { return a.item.firstSeen < b.item.firstSeen }
        let aDate = a.item.published ?? a.item.updated ?? a.item.firstSeen
        let bDate = b.item.published ?? b.item.updated ?? b.item.firstSeen
        if aDate != bDate { return aDate < bDate }
        return a.item.feedName < b.item.feedName
    }

    /// Heaviest topic, then score, then number of outlets, then who reported first.
    static func rank(_ a: Story, _ b: Story) -> Bool {
        if a.weight != b.weight { return a.weight > b.weight }
        if a.score != b.score { return a.score > b.score }
        let oa = a.outletCount, ob = b.outletCount
        if oa != ob { return oa > ob }
        return seenOrder(a.entries[0].item, b.entries[0].item)
    }

    /// First seen, then title; feed and id only break ties so the order never depends on the input's.
    static func seenOrder(_ a: MatchedItem, _ b: MatchedItem) -> Bool {
        if a.firstSeen != b.firstSeen { return a.firstSeen < b.firstSeen }
        if a.title != b.title { return a.title < b.title }
        if a.feedName != b.feedName { return a.feedName < b.feedName }
        return a.itemID < b.itemID
    }

    /// Every topic of the day, then the day's busiest entities and any spiking one.
    func glance(_ input: DigestInput) -> [GlanceRow]? {
        guard let today = input.todayCounts else { return nil }
        let history = input.historyCounts ?? LabelCounts()
        let days = Double(max(1, input.historyDays))
        // No kept item at all before the day: a new store, where everything would look like a spike.
        let hasHistory = history.topics.values.contains { $0 > 0 }
        func row(_ kind: GlanceRow.Kind, _ name: String, _ count: Int, _ past: Int) -> GlanceRow {
            guard hasHistory else { return GlanceRow(kind: kind, name: name, count: count, average: nil, isSpike: false) }
            let average = Double(past) / days
            return GlanceRow(kind: kind, name: name, count: count, average: average,
                             isSpike: count >= spikeMinimum && Double(count) >= spikeFactor * average)
        }
        let busiest: (GlanceRow, GlanceRow) -> Bool = { a, b in
            a.count != b.count ? a.count > b.count : a.name < b.name
        }
        let order = sectionOrder(input)
        let topicRows = today.topics.filter { $0.value > 0 }
            .map { row(.topic, $0.key, $0.value, history.topics[$0.key] ?? 0) }
            .sorted { (order.firstIndex(of: $0.name) ?? .max, $0.name) < (order.firstIndex(of: $1.name) ?? .max, $1.name) }
        let entityRows = today.entities.filter { $0.value > 0 }
            .map { row(.entity, $0.key, $0.value, history.entities[$0.key] ?? 0) }
            .sorted(by: busiest)
        let shown = entityRows.enumerated().filter { $0.offset < glanceEntities || $0.element.isSpike }.map(\.element)
        return topicRows + shown
    }

    /// One change per item: its first version of the day against its last.
    func changes(_ revisions: [ItemRevision]) -> [ItemRevision] {
        var order: [String] = []
        var byItem: [String: ItemRevision] = [:]
        for revision in revisions.sorted(by: { ($0.seenAt, $0.feedName, $0.itemID) < ($1.seenAt, $1.feedName, $1.itemID) }) {
            let key = DigestInput.key(feed: revision.feedName, item: revision.itemID)
            if var change = byItem[key] {
                change.seenAt = revision.seenAt
                change.newTitle = revision.newTitle
                change.newText = revision.newText
                byItem[key] = change
            } else {
                order.append(key)
                byItem[key] = revision
            }
        }
        // An edit undone the same day is no change.
        return order.compactMap { byItem[$0] }.filter { $0.titleChanged || $0.textChanged }
    }
}
