import Foundation
import FeedModel
import Config
import Matching
import Storage

/// `feedwatch retest`: runs the current feeds.conf over the items already stored and
/// reports which it would add, drop or file under other topics; with `apply`, stores the
/// new matches in one transaction.
///
/// Each item is matched as the poll matched it (`FeedItem.matchInput(feed:)` with the
/// feed's line in feeds.conf), with one difference the store imposes: the language a
/// feed declared in its own XML is not stored, so a feed without `lang=` in feeds.conf
/// has no language here (see docs/feeds-conf.md, "Retesting").
public struct RetestRun {
    public let configuration: Configuration
    public var window: LookbackWindow

    public init(configuration: Configuration, window: LookbackWindow) {
        self.configuration = configuration
        self.window = window
    }

    /// Without `apply` nothing is written and no lock is taken. With it the poll lock is
    /// held from the first read to the last write (a poll meanwhile would exit 3, and a
    /// running poll makes this throw `.locked`), the changed matches are replaced in one
    /// transaction, and today's digest is rewritten when a changed item is from today,
    /// the way a poll ends.
    public func run(apply: Bool, now: Date = Date()) throws(MonitorError) -> RetestReport {
        let settings = configuration.settings
        let lock = apply ? try PollLock(path: settings.lockPath) : nil
        defer { withExtendedLifetime(lock) {} }

        let path = settings.databasePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw .storage("retest: no store at \(path) (feedwatch poll creates it)")
        }
        // Built as PollRun builds it: same gazetteer, topics, [keep] and stem setting.
        let matcher = Matcher(configuration: configuration)
        let feeds = Dictionary(configuration.feeds.map { ($0.name, $0) }) { first, _ in first }

        var report = RetestReport(since: now.addingTimeInterval(-TimeInterval(window.seconds)))
        var updates: [(itemRowID: Int64, match: MatchResult)] = []
        var changedDays = Set<String>()
        do {
            // Read-only, so a retest without --apply leaves the file as it was, byte for byte.
            // Closed before the write below: the last connection to close checkpoints the WAL.
            let reader = try StoreReader(path: path)
            try reader.forEachItem(firstSeenSince: report.since) { stored in
                guard let feed = feeds[stored.feedName] else {
                    report.skipped += 1
                    return
                }
                report.examined += 1
                let input = stored.item.matchInput(feed: feed)
                let result = matcher.match(input)
                let before = stored.keptTopics
                if let before, result.isKept, before == result.topics {
                    guard stored.keptHits != result.hits else { return }
                    report.refreshedHits += 1
                } else if before != nil || result.isKept {
                    report.changes.append(Self.change(stored, now: matcher.explain(input)))
                } else {
                    return
                }
                updates.append((stored.itemRowID, result))
                changedDays.insert(DigestDay(containing: stored.firstSeen, in: settings.timeZone).label)
            }
        } catch {
            throw .storage("retest \(path): \(error)")
        }

        let today = DigestDay(containing: now, in: settings.timeZone)
        guard apply, !updates.isEmpty else { return report }
        // The lock has been held since before the read: no poll has written in between.
        let store = try openStore(path)
        do {
            try store.replaceMatches(updates)
        } catch {
            throw .storage("retest --apply \(path): \(error)")
        }
        report.applied = true
        if changedDays.contains(today.label) {
            report.digestPath = try DigestRun(configuration: configuration, store: store).write(day: today)
        }
        report.staleDigestDays = changedDays.subtracting([today.label]).sorted()
        return report
    }

    /// An add, a drop or a change of topics, with its reasons.
    static func change(_ stored: StoredItem, now result: MatchResult) -> RetestChange {
        let before = stored.keptTopics ?? []
        let kind: RetestChange.Kind = stored.wasKept ? (result.isKept ? .topics : .drop) : .add
        var reasons: [String] = []
        for topic in result.topics where !before.contains(topic) {
            reasons.append(RetestReasons.gained(topic, in: result))
        }
        for topic in before where !result.topics.contains(topic) {
            reasons.append(RetestReasons.lost(topic, in: result))
        }
        // With a [keep] rule it, not the topics, decides: say why when it changed the outcome.
        if kind == .add, result.keep == true {
            reasons.append(RetestReasons.gained("keep", in: result))
        }
        if kind == .drop, result.keep == false {
            reasons.append(RetestReasons.lost("keep", in: result))
        }
        if kind != .add {
            reasons += RetestReasons.lostHits(stored: stored.keptHits, now: result)
        }
        return RetestChange(kind: kind, feedName: stored.feedName, itemID: stored.item.id,
                            title: stored.item.title ?? "", link: stored.item.link, firstSeen: stored.firstSeen,
                            topicsBefore: before, topicsAfter: result.isKept ? result.topics : [],
                            reasons: reasons)
    }
}
