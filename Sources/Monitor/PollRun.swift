import Foundation
import Synchronization
import FeedModel
import Config
import Fetching
import Parsing
import Matching
import Storage

/// One `feedwatch poll`: fetch every feed at once, parse, match, store each feed
/// in its own transaction, then bring today's digest up to date. A failing feed
/// is recorded and never stops the others.
///
/// Fetching runs on the calling thread (one libcurl multi handle); each finished
/// transfer is parsed, matched and saved on a worker, so the network never waits
/// for the CPU. At most `workers` bodies are being processed or waiting at once:
/// when they are all busy the fetch loop pauses, which bounds memory however many
/// feeds there are.
public struct PollRun: Sendable {
    public let configuration: Configuration
    /// Called with one line per feed as it finishes (for --verbose), one call at a time.
    public var log: @Sendable (String) -> Void
    public var workers: Int

    public init(configuration: Configuration, log: @escaping @Sendable (String) -> Void = { _ in },
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.configuration = configuration
        self.log = log
        self.workers = max(1, workers)
    }

    public func run(now: @escaping @Sendable () -> Date = Date.init) throws(MonitorError) -> PollReport {
        let settings = configuration.settings
        let lock = try PollLock(path: settings.lockPath)
        defer { withExtendedLifetime(lock) {} }

        let store = try openStore(settings.databasePath)
        let matcher = Matcher(entities: configuration.entities, topics: configuration.topics,
                              maxSuffixLength: settings.maxSuffixLength)
        let feeds = configuration.feeds
        let startedAt = now()
        let requests = feeds.enumerated().map { index, feed in
            fetchRequest(for: feed, key: index, state: try? store.feedState(named: feed.name))
        }

        let outcomes = Mutex([FeedOutcome?](repeating: nil, count: feeds.count))
        let logLock = Mutex(())
        let processing = DispatchQueue(label: "feedwatch.poll.process", attributes: .concurrent)
        let slots = DispatchSemaphore(value: workers)
        let pending = DispatchGroup()
        let log = self.log

        Fetcher(maxConcurrent: settings.concurrency).fetch(requests) { request, result in
            slots.wait()
            pending.enter()
            let feed = feeds[request.key]
            processing.async {
                defer {
                    slots.signal()
                    pending.leave()
                }
                let outcome = FeedProcessor(feed: feed, store: store, matcher: matcher)
                    .process(result, checkedAt: now())
                outcomes.withLock { $0[request.key] = outcome }
                logLock.withLock { _ in log(Self.describe(outcome)) }
            }
        }
        pending.wait()

        let finished = outcomes.withLock { collected in
            collected.enumerated().map { index, outcome in
                outcome ?? FeedOutcome(feed: feeds[index],
                                       status: .failed(kind: .other, message: "fetch \(feeds[index].url): no result"))
            }
        }
        let report = PollReport(outcomes: finished, digestPath: "")
        try? store.recordRun(RunRecord(startedAt: startedAt, finishedAt: now(),
                                       feedsChecked: feeds.count, feedsFailed: report.failedCount,
                                       newItems: report.newItems, newMatches: report.newMatches))

        let digestPath = try DigestRun(configuration: configuration, store: store)
            .write(day: DigestDay(containing: now(), in: settings.timeZone))
        return PollReport(outcomes: finished, digestPath: digestPath)
    }

    func fetchRequest(for feed: FeedSource, key: Int, state: FeedState?) -> FetchRequest {
        let settings = configuration.settings
        // Validators belong to a URL: after feeds.conf moves a feed, fetch it afresh.
        let sameURL = state?.url == feed.url
        return FetchRequest(
            key: key, url: feed.url,
            etag: sameURL ? state?.etag : nil,
            lastModified: sameURL ? state?.lastModified : nil,
            userAgent: feed.fetch.userAgent ?? settings.userAgent,
            allowFileScheme: feed.url.lowercased().hasPrefix("file:"),
            connectTimeoutSeconds: settings.connectTimeoutSeconds,
            totalTimeoutSeconds: feed.fetch.timeoutSeconds ?? settings.totalTimeoutSeconds,
            maxBodyBytes: settings.maxBodyBytes)
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
