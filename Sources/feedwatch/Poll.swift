import ArgumentParser
import Foundation
import Monitor

struct Poll: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch the feeds that are due, store and match new items, update today's digest.",
        discussion: """
        A feed is due when it was never checked or its next check has come. The next check \
        follows the feed's `interval` (else how often it published in the last week), RSS \
        <ttl>, Cache-Control/Expires and Retry-After, kept within min_interval..max_interval \
        with 10 % jitter; a failure backs off 1 h, 2 h, 4 h ... up to backoff_max, and the \
        feed is never dropped. A feed that answered 410 Gone is not fetched again until \
        feeds.conf gives it another URL; a permanent redirect seen for redirect_after moves \
        it (see `feedwatch feeds`).

        Quiet when all is well (for cron); prints a summary when stdout is a terminal. \
        Exit codes: 0 all feeds fine, 1 some feeds failed (listed on stderr; every other \
        feed was stored), 2 bad feeds.conf or usage, 3 another poll is running.
        """
    )

    @OptionGroup var config: ConfigOption
    @Flag(name: .shortAndLong, help: "One line per feed, skipped ones included.")
    var verbose = false
    @Flag(help: "Fetch every feed now, due or not (except gone ones and ones whose server asked to wait).")
    var all = false
    @Option(name: .customLong("feed"), help: ArgumentHelp(
        "Fetch only this feed (repeatable), now, whatever its state, a gone one included.", valueName: "name"))
    var feeds: [String] = []

    func run() throws {
        let (verbose, all, feeds) = (self.verbose, self.all, Set(self.feeds))
        let configuration = try monitoring { () throws(MonitorError) in try ConfigurationLoader.load(path: config.path) }
        let report = try monitoring { () throws(MonitorError) in
            try PollRun(configuration: configuration, log: { if verbose { print($0) } },
                        forceAll: all, forcedFeeds: feeds).run()
        }
        for outcome in report.outcomes where outcome.isFailure {
            if case .failed(let kind, let message) = outcome.status {
                let gone = outcome.events.contains(.gone) ? " (gone: not fetched again until feeds.conf gives it a new URL)" : ""
                printError("feedwatch: \(outcome.feed.name): [\(kind.rawValue)] \(message)\(gone)")
            }
        }
        // A move is news even when all went well: feeds.conf still names the old URL.
        for outcome in report.outcomes {
            for case .moved(let from, let to) in outcome.events {
                printError("feedwatch: \(outcome.feed.name): moved permanently from \(from) to \(to); "
                           + "fetched from the new URL now (update feeds.conf)")
            }
        }
        if verbose || stdoutIsTerminal {
            print("\(report.checkedCount) of \(report.outcomes.count) feeds checked, \(report.failedCount) failed, "
                  + "\(report.newItems) new items, \(report.newMatches) kept; digest: \(report.digestPath)")
        }
        if report.failedCount > 0 { throw ExitCodes.feedsFailed }
    }
}
