import ArgumentParser
import Monitor

struct Retest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the current feeds.conf over stored items: what it would add, drop or refile.",
        discussion: """
        Matches every item first seen within --since again, as a poll would, and compares with \
        what is stored. One line per item whose decision changes: `would add` (kept now, not \
        before), `would drop` (kept before, not now), `topics` (kept both times, other topics, \
        e.g. `Karabakh -> Karabakh, Peacekeepers`), each with the feed, first-seen time (UTC), \
        title and why: for a topic gained, the terms and @entities that fired and the text they hit; \
        for a topic lost, what stops it now. A summary line with the counts ends the output.

        Nothing changes without --apply. With --apply the new matches are stored in one \
        transaction, under the poll's lock (exit 3 while a poll runs), and today's digest is \
        rewritten if it holds a changed item, as a poll would; earlier days are listed, not \
        rewritten (`feedwatch digest --date DAY`). Items of feeds no longer in feeds.conf are \
        left as they are. --json prints the same for scripts (README).

        Exit codes: 0 done; 1 store error (or no store yet); 2 bad feeds.conf or usage; \
        3 --apply while a poll holds the lock.
        """
    )

    @OptionGroup var config: ConfigOption
    @Option(help: ArgumentHelp("Retest items first seen this long ago or later: 90m, 36h, 7d, 2w.",
                               valueName: "duration"))
    var since = "7d"
    @Flag(help: "Store the new matches (otherwise nothing is written).")
    var apply = false
    @Flag(help: "Print JSON for scripts instead of lines.")
    var json = false

    func validate() throws {
        guard LookbackWindow(since) != nil else {
            throw ValidationError("--since \(since): \(LookbackWindow.expected)")
        }
    }

    func run() throws {
        let apply = self.apply
        guard let window = LookbackWindow(since) else {
            throw ValidationError("--since \(since): \(LookbackWindow.expected)")
        }
        let configuration = try monitoring { () throws(MonitorError) in try ConfigurationLoader.load(path: config.path) }
        let report = try monitoring { () throws(MonitorError) in
            try RetestRun(configuration: configuration, window: window).run(apply: apply)
        }
        print(json ? RetestJSON.encode(report) : RetestLines.render(report))
    }
}
