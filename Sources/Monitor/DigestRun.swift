import Foundation
import FeedModel
import Config
import Storage
import Digest

/// Builds one day's digest files from the store: digests/YYYY-MM-DD.md, and .html, .json,
/// .atom as `digest_formats` asks.
///
/// It reads everything the day needs (kept items, the story window before it, counts for
/// "at a glance", edits, take-downs, feed health), hands it to `DigestBuilder` as plain values
/// and renders the model. Only today's digest reads the clock (for feed health); a past day's
/// is built from stored data alone, so it is the same file every time.
public struct DigestRun {
    let configuration: Configuration
    let store: Store
    public var builder = DigestBuilder()

    /// Over an open store (tests, the digest benchmark).
    public init(configuration: Configuration, store: Store) {
        self.configuration = configuration
        self.store = store
    }

    /// Opens the configured store (creating it if needed).
    public init(configuration: Configuration) throws(MonitorError) {
        self.init(configuration: configuration, store: try openStore(configuration.settings.databasePath))
    }

    /// Writes the digest of `day` (atomically) in every configured format and returns the path
    /// of the first (the Markdown one, unless `digest_formats` leaves it out). `now` only decides
    /// whether `day` is today, and then the feed health it shows.
    public func write(day: DigestDay, now: Date = Date()) throws(MonitorError) -> String {
        let paths = try writeAll(day: day, now: now)
        return paths[0]
    }

    /// Writes `YYYY-MM-DD.<ext>` for each of `digest_formats` and returns their paths, in
    /// `DigestFormat` order; with `atom`, when `day` is today, also `feedwatch.atom` (today's and
    /// yesterday's kept items: the file a feed reader follows). Each file is written atomically.
    public func writeAll(day: DigestDay, now: Date = Date()) throws(MonitorError) -> [String] {
        let settings = configuration.settings
        let zone = settings.timeZone
        let formats = settings.digestFormats.isEmpty ? [.markdown] : settings.digestFormats
        let folder = settings.digestDirectory as NSString
        var path = folder.appendingPathComponent("\(day.label).\(formats[0].fileExtension)")
        var paths: [String] = []
        do {
            let model = builder.build(try input(for: day, now: now))
            let renderer = DigestRenderer(timeZone: zone)
            for format in formats {
                path = folder.appendingPathComponent("\(day.label).\(format.fileExtension)")
                let text: String
                switch format {
                case .markdown: text = renderer.markdown(model)
                case .html: text = renderer.html(model)
                case .json: text = renderer.json(model)
                case .atom: text = DigestAtomFeed(timeZone: zone).day(model)
                }
                try AtomicFile.write(Data(text.utf8), to: path)
                paths.append(path)
            }
            if formats.contains(.atom), day.start <= now, now < day.end {
                let yesterday = DigestDay(containing: day.start.addingTimeInterval(-1), in: zone)
                let earlier = builder.build(try input(for: yesterday, now: now))
                path = folder.appendingPathComponent("feedwatch.atom")
                try AtomicFile.write(Data(DigestAtomFeed(timeZone: zone).recent([model, earlier]).utf8), to: path)
                paths.append(path)
            }
        } catch {
            throw .storage("digest \(path): \(error)")
        }
        return paths
    }

    /// Everything the day's digest is built from (public for bench/digest-build.sh, which times
    /// reading, building and rendering apart).
    public func input(for day: DigestDay, now: Date) throws -> DigestInput {
        let zone = configuration.settings.timeZone
        let context = contextEntities
        let items = try store.matchedItems(firstSeenFrom: day.start, to: day.end).map { Self.readable($0, hiding: context) }
        let windowStart = day.end.addingTimeInterval(-builder.storyWindow)
        let earlier = windowStart < day.start
            ? try store.storyContext(firstSeenFrom: windowStart, to: day.start) : []
        let historyDays = 14
        var today = try store.labelCounts(firstSeenFrom: day.start, to: day.end)
        var history = try store.labelCounts(firstSeenFrom: day.start(daysBefore: historyDays, in: zone), to: day.start)
        for entity in context {
            today.entities[entity] = nil
            history.entities[entity] = nil
        }
        let isToday = day.start <= now && now < day.end
        return DigestInput(
            day: day.label, dayStart: day.start, dayEnd: day.end, timeZone: zone, items: items,
            earlierItems: earlier, topicOrder: configuration.topics.map(\.name),
            topicWeights: Self.topicWeights(configuration.topics),
            itemScores: Self.scores(items), outlets: Self.outlets(configuration.feeds),
            contestedNames: Self.contestedNames(items),
            entityKinds: Dictionary(configuration.entities.map { ($0.name, $0.kind) }) { first, _ in first },
            todayCounts: today, historyCounts: history, historyDays: historyDays,
            revisions: try store.revisions(seenFrom: day.start, to: day.end),
            disappearances: try store.disappearances(noticedFrom: day.start, to: day.end),
            health: isToday ? try healthNotes(now: now) : nil)
    }

    /// feeds.conf's `weight =` of each topic: heavier topics' sections and stories come first.
    static func topicWeights(_ topics: [TopicDefinition]) -> [String: Double] {
        Dictionary(topics.map { ($0.name, $0.weight) }) { first, _ in first }
    }

    /// The stored score of each item that has one (its match's best topic score); the
    /// builder counts the hits of the others.
    static func scores(_ items: [MatchedItem]) -> [String: Double] {
        var scores: [String: Double] = [:]
        for item in items {
            if let score = item.score { scores[DigestInput.key(feed: item.feedName, item: item.itemID)] = score }
        }
        return scores
    }

    /// Which side's name each item used for a contested place, from the variant and side its
    /// stored hits carry.
    static func contestedNames(_ items: [MatchedItem]) -> [String: [ContestedNameUse]] {
        var names: [String: [ContestedNameUse]] = [:]
        for item in items where item.hits.contains(where: { $0.variant != nil }) {
            names[DigestInput.key(feed: item.feedName, item: item.itemID)] =
                MatchResult(topics: item.topics, hits: item.hits).contestedNames
        }
        return names
    }

    /// Country, language and perspective from the feed line's `country=`, `lang=` and `perspective=`.
    static func outlets(_ feeds: [FeedSource]) -> [String: OutletInfo] {
        var outlets: [String: OutletInfo] = [:]
        for feed in feeds {
            outlets[feed.name] = OutletInfo(country: feed.country, language: feed.language, perspective: feed.perspective)
        }
        return outlets
    }

    /// The feeds that need a look, from the same assessment as `feedwatch feeds`.
    func healthNotes(now: Date) throws -> [FeedHealthNote] {
        let report = try HealthReport.assess(configuration: configuration, store: store, now: now)
        return report.compactMap(Self.note)
    }

    static func note(_ health: FeedHealth) -> FeedHealthNote? {
        let name = health.feed.name
        let failure = [health.lastFailureKind.map { "[\($0.rawValue)]" }, health.lastFailureMessage]
            .compactMap { $0 }.joined(separator: " ")
        switch health.status {
        case .new, .ok:
            return nil
        case .gone:
            return FeedHealthNote(feed: name, status: .gone, since: health.goneAt,
                                  detail: "HTTP 410 Gone; not fetched until feeds.conf gives it a new URL")
        case .degraded, .failing:
            let streak = health.consecutiveFailures == 1 ? "1 failure" : "\(health.consecutiveFailures) failures in a row"
            return FeedHealthNote(feed: name, status: health.status == .degraded ? .degraded : .failing,
                                  since: health.lastSuccess, detail: failure.isEmpty ? streak : "\(streak): \(failure)")
        case .moved:
            return FeedHealthNote(feed: name, status: .moved, since: nil,
                                  detail: "permanent redirect; now fetched from \(health.movedTo ?? "?"): update feeds.conf")
        case .silent:
            guard let newest = health.newestItem else {
                return FeedHealthNote(feed: name, status: .silent, detail: "answers but has published nothing")
            }
            var detail = "no new item"
            if let gap = health.usualGap { detail += " (usually one every \(Self.duration(gap)))" }
            return FeedHealthNote(feed: name, status: .silent, since: newest, detail: detail)
        }
    }

    /// "3 h", "2 d": rounded, for a table cell.
    static func duration(_ seconds: TimeInterval) -> String {
        seconds < 2 * 86_400 ? "\(max(1, Int((seconds / 3600).rounded()))) h" : "\(Int((seconds / 86_400).rounded())) d"
    }

    /// The digest names what an item is about: entities, not the context word lists
    /// (`kind = context`) or bare terms that rules use to qualify them. Those stay in the
    /// store and in `feedwatch match`; an item kept on terms alone still shows them.
    static func readable(_ item: MatchedItem, hiding context: Set<String>) -> MatchedItem {
        let named = item.hits.filter { hit in hit.entity.map { !context.contains($0) } ?? false }
        guard !named.isEmpty else { return item }
        var shown = item
        shown.hits = named
        return shown
    }

    var contextEntities: Set<String> {
        Set(configuration.entities.filter { $0.kind == "context" }.map(\.name))
    }
}
