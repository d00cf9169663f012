import Foundation
import Synchronization
import FeedModel
import Config
import Fetching
import Parsing
import Matching
import Storage

/// One `feedwatch poll`: fetch the feeds that are due at once, parse, match, store each feed
/// in its own transaction, then bring today's digest up to date. A failing feed
/// is recorded and never stops the others.
///
/// Fetching runs on the calling thread (one libcurl multi handle); each finished
/// transfer is parsed, matched and saved on one of `workers` threads (a WorkerPool),
/// so the network never waits for the CPU. A few bodies may wait for a worker;
/// past that the fetch loop pauses, which bounds memory however many feeds there are.
public struct PollRun: Sendable {
    public let configuration: Configuration
    /// Called with one line per feed as it finishes (for --verbose), one call at a time.
    public var log: @Sendable (String) -> Void
    public var workers: Int
    static let queuedBodies = 64
    /// `--all`: fetch every feed now, except gone ones and ones whose server asked to wait.
    public var forceAll: Bool
    /// `--feed NAME`: fetch these feeds now whatever their state (gone ones included), and,
    /// without `forceAll`, only these.
    public var forcedFeeds: Set<String>
    /// Uniform in [0, 1), for the scheduler's jitter; tests pin it.
    var random: @Sendable () -> Double = { Double.random(in: 0..<1) }

    public init(configuration: Configuration, log: @escaping @Sendable (String) -> Void = { _ in },
                workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                forceAll: Bool = false, forcedFeeds: Set<String> = []) {
        self.configuration = configuration
        self.log = log
        self.workers = max(1, workers)
        self.forceAll = forceAll
        self.forcedFeeds = forcedFeeds
    }

    /// Fetches the feeds that are due (see Scheduler), then writes today's digest.
    /// `now` is the clock for everything: due times, backoff, redirects, first sightings.
    public func run(now: @escaping @Sendable () -> Date = Date.init) throws(MonitorError) -> PollReport {
        let settings = configuration.settings
        let feeds = configuration.feeds
        let unknown = forcedFeeds.subtracting(feeds.map(\.name)).sorted()
        guard unknown.isEmpty else {
            throw .configuration("--feed \(unknown.joined(separator: ", ")): no feed of that name in feeds.conf")
        }
        let lock = try PollLock(path: settings.lockPath)
        defer { withExtendedLifetime(lock) {} }

        let store = try openStore(settings.databasePath)
        let matcher = Matcher(configuration: configuration)
        let policy = SchedulePolicy(settings: settings)
        let scheduler = Scheduler(policy: policy, random: random)
        let startedAt = now()

        var skipped: [Int: FeedOutcome] = [:]
        var plans: [Int: FetchPlan] = [:]
        var requests: [FetchRequest] = []
        for (index, feed) in feeds.enumerated() {
            let state = try? store.feedState(named: feed.name)
            let named = forcedFeeds.contains(feed.name)
            let selection = !named && !forcedFeeds.isEmpty && !forceAll
                ? .notRequested
                : scheduler.selection(of: feed, state: state, now: startedAt, all: forceAll, named: named)
            guard selection == .due else {
                let outcome = FeedOutcome(feed: feed, status: .skipped(selection),
                                          nextCheck: state?.schedule.nextCheck)
                skipped[index] = outcome
                log(Self.describe(outcome))
                continue
            }
            let plan = scheduler.plan(for: feed, state: state, now: startedAt)
            plans[index] = plan
            requests.append(fetchRequest(for: feed, key: index, plan: plan))
        }

        let outcomes = Mutex([FeedOutcome?](repeating: nil, count: feeds.count))
        let logLock = Mutex(())
        // 64 bodies (~15 MB of feeds) may wait: enough that a burst of completions
        // never stalls the fetch loop (measured: 8 left the network idle a third
        // of the time), small enough that memory stays flat.
        let pool = WorkerPool(threads: workers, capacity: Self.queuedBodies)
        let log = self.log

        let fetcher = Fetcher(maxConcurrent: settings.concurrency, maxPerHost: policy.perHost,
                              hostGapMilliseconds: Int((policy.hostGap * 1_000).rounded()))
        fetcher.fetch(requests) { request, result in
            let feed = feeds[request.key]
            // Every request was built from a plan under its key just above.
            let processor = FeedProcessor(feed: feed, store: store, matcher: matcher, scheduler: scheduler,
                                          plan: plans[request.key]!, maxBodyBytes: settings.maxBodyBytes)
            pool.submit {
                let outcome = processor.process(result, checkedAt: now())
                outcomes.withLock { $0[request.key] = outcome }
                logLock.withLock { _ in log(Self.describe(outcome)) }
            }
        }
        pool.finish()

        let finished = outcomes.withLock { collected in
            collected.enumerated().map { index, outcome in
                outcome ?? skipped[index]
                    ?? FeedOutcome(feed: feeds[index],
                                   status: .failed(kind: .other, message: "fetch \(feeds[index].url): no result"))
            }
        }
        let report = PollReport(outcomes: finished, digestPath: "")
        try? store.recordRun(RunRecord(startedAt: startedAt, finishedAt: now(),
                                       feedsChecked: report.checkedCount, feedsFailed: report.failedCount,
                                       newItems: report.newItems, newMatches: report.newMatches))

        let digestTime = now()
        let digestPath = try DigestRun(configuration: configuration, store: store)
            .write(day: DigestDay(containing: digestTime, in: settings.timeZone), now: digestTime)
        return PollReport(outcomes: finished, digestPath: digestPath)
    }

    func fetchRequest(for feed: FeedSource, key: Int, plan: FetchPlan) -> FetchRequest {
        let settings = configuration.settings
        var request = FetchRequest(
            key: key, url: plan.url, etag: plan.etag, lastModified: plan.lastModified,
            userAgent: feed.fetch.userAgent ?? settings.userAgent,
            // Only the configured URL decides: a redirect never earns a feed the file: scheme.
            allowFileScheme: feed.url.lowercased().hasPrefix("file:"),
            connectTimeoutSeconds: settings.connectTimeoutSeconds,
            totalTimeoutSeconds: feed.fetch.timeoutSeconds ?? settings.totalTimeoutSeconds,
            maxBodyBytes: settings.maxBodyBytes)
        request.deferDecoding = true
        request.extraHeaders = Self.headerFields(feed.fetch.headers)
        request.cookie = feed.fetch.cookie
        request.proxy = feed.fetch.proxy
        request.netrcFile = feed.fetch.netrcFile
        request.caFile = feed.fetch.caFile
        // After a move the configured URL is a fallback of last resort.
        request.fallbackURLs = feed.fetch.fallbackURLs + (plan.url == feed.url ? [] : [feed.url])
        return request
    }

    /// feeds.conf's `header="Name: value"` lines as fields; a later repeat of a name wins.
    static func headerFields(_ lines: [String]) -> [String: String] {
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            fields[name] = value
        }
        return fields
    }

    static func describe(_ outcome: FeedOutcome) -> String {
        let name = outcome.feed.name
        var line: String
        switch outcome.status {
        case .fetched(let items, let new, let matches):
            line = "\(name): \(items) items, \(new) new, \(matches) kept"
        case .notModified:
            line = "\(name): not modified"
        case .failed(let kind, let message):
            line = "\(name): FAILED [\(kind.rawValue)] \(message)"
        case .skipped(.notDue(let next)):
            line = "\(name): not due until \(Self.timestamp(next))"
        case .skipped(.gone(let since)):
            line = "\(name): gone (HTTP 410 since \(Self.timestamp(since))); not fetched until feeds.conf gives it a new URL"
        case .skipped(.waiting(let until)):
            line = "\(name): server asked to wait (Retry-After) until \(Self.timestamp(until))"
        case .skipped(.notRequested):
            line = "\(name): not requested (--feed)"
        case .skipped(.due):
            line = "\(name): skipped"
        }
        for event in outcome.events { line += "; " + Self.describe(event) }
        if outcome.wasChecked, let next = outcome.nextCheck { line += "; next check \(Self.timestamp(next))" }
        return line
    }

    static func describe(_ event: FeedEvent) -> String {
        switch event {
        case .servedByFallback(let url): return "served by fallback \(url)"
        case .redirectPending(let target, let since):
            return "permanent redirect to \(target) since \(Self.timestamp(since))"
        case .moved(let from, let to): return "MOVED: \(from) now redirects permanently; using \(to) from now on"
        case .gone: return "GONE (HTTP 410): not fetched again until feeds.conf gives it a new URL"
        }
    }

    /// "2024-04-18 12:00Z": short enough for a log line, unambiguous.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
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
