import Foundation
import FeedModel
import Config
import Fetching
import Parsing
import Matching
import Storage

/// One `feedwatch poll`: fetch every feed at once, parse, match, store each feed
/// in its own transaction, then bring today's digest up to date. A failing feed
/// is recorded and never stops the others.
public struct PollRun {
    public let configuration: Configuration
    /// Called with one line per feed as it finishes (for --verbose).
    public var log: (String) -> Void

    public init(configuration: Configuration, log: @escaping (String) -> Void = { _ in }) {
        self.configuration = configuration
        self.log = log
    }

    public func run(now: @escaping () -> Date = Date.init) throws(MonitorError) -> PollReport {
        let settings = configuration.settings
        let lock = try PollLock(path: settings.lockPath)
        defer { withExtendedLifetime(lock) {} }

        let store = try openStore(settings.databasePath)
        let matcher = Matcher(entities: configuration.entities, topics: configuration.topics,
                              maxSuffixLength: settings.maxSuffixLength)
        let feeds = configuration.feeds
        let startedAt = now()

        var requests: [FetchRequest] = []
        for (index, feed) in feeds.enumerated() {
            // Validators belong to a URL: after feeds.conf moves a feed, fetch it afresh.
            let state = try? store.feedState(named: feed.name)
            let sameURL = state?.url == feed.url
            requests.append(FetchRequest(
                key: index, url: feed.url,
                etag: sameURL ? state?.etag : nil,
                lastModified: sameURL ? state?.lastModified : nil,
                userAgent: feed.options["user-agent"] ?? settings.userAgent,
                allowFileScheme: feed.url.lowercased().hasPrefix("file:"),
                connectTimeoutSeconds: settings.connectTimeoutSeconds,
                totalTimeoutSeconds: settings.totalTimeoutSeconds,
                maxBodyBytes: settings.maxBodyBytes))
        }

        var outcomes = [FeedOutcome?](repeating: nil, count: feeds.count)
        let fetcher = Fetcher(maxConcurrent: settings.concurrency)
        fetcher.fetch(requests) { request, result in
            let feed = feeds[request.key]
            let outcome = FeedProcessor(feed: feed, store: store, matcher: matcher)
                .process(result, checkedAt: now())
            outcomes[request.key] = outcome
            log(Self.describe(outcome))
        }

        let finished = outcomes.enumerated().map { index, outcome in
            outcome ?? FeedOutcome(feed: feeds[index], status: .failed(kind: .other, message: "fetch \(feeds[index].url): no result"))
        }
        let report = PollReport(outcomes: finished, digestPath: "")
        try? store.recordRun(RunRecord(startedAt: startedAt, finishedAt: now(),
                                       feedsChecked: feeds.count, feedsFailed: report.failedCount,
                                       newItems: report.newItems, newMatches: report.newMatches))

        let digestPath = try DigestRun(configuration: configuration, store: store)
            .write(day: DigestDay(containing: now(), in: settings.timeZone))
        return PollReport(outcomes: finished, digestPath: digestPath)
    }

    static func describe(_ outcome: FeedOutcome) -> String {
        switch outcome.status {
        case .fetched(let items, let new, let matches):
            return "\(outcome.feed.name): \(items) items, \(new) new, \(matches) kept"
        case .notModified:
            return "\(outcome.feed.name): not modified"
        case .failed(let kind, let message):
            return "\(outcome.feed.name): FAILED [\(kind.rawValue)] \(message)"
        }
    }
}

func openStore(_ path: String) throws(MonitorError) -> Store {
    do {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        return try Store(path: path)
    } catch {
        throw .storage("open store \(path): \(error)")
    }
}
