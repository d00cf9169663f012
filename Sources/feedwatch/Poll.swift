import ArgumentParser
import Monitor

struct Poll: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch every feed, store and match new items, update today's digest.",
        discussion: """
        Quiet when all is well (for cron); prints a summary when stdout is a terminal. \
        Exit codes: 0 all feeds fine, 1 some feeds failed (listed on stderr; every other \
        feed was stored), 2 bad feeds.conf, 3 another poll is running.
        """
    )

    @OptionGroup var config: ConfigOption
    @Flag(name: .shortAndLong, help: "One line per feed.")
    var verbose = false

    func run() throws {
        let verbose = self.verbose
        let configuration = try monitoring { () throws(MonitorError) in try ConfigurationLoader.load(path: config.path) }
        let report = try monitoring { () throws(MonitorError) in
            try PollRun(configuration: configuration, log: { if verbose { print($0) } }).run()
        }
        for outcome in report.outcomes where outcome.isFailure {
            if case .failed(let kind, let message) = outcome.status {
                printError("feedwatch: \(outcome.feed.name): [\(kind.rawValue)] \(message)")
            }
        }
        if verbose || stdoutIsTerminal {
            print("\(report.outcomes.count) feeds, \(report.failedCount) failed, "
                  + "\(report.newItems) new items, \(report.newMatches) kept; digest: \(report.digestPath)")
        }
        if report.failedCount > 0 { throw ExitCodes.feedsFailed }
    }
}
