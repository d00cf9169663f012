import ArgumentParser
import Foundation
import Monitor

struct Feeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the health of every feed in feeds.conf, one line each (nothing is fetched).",
        discussion: """
        Columns: status, feed, last success, failures in a row and the kind of the last one, \
        next check, and the age of the newest item against the feed's usual gap between items \
        (the mean over its 20 newest items). Notes follow: where a feed moved, which fallback \
        served, a permanent redirect being watched, 410 Gone.

        Status, worst first:
          new       never polled (or feeds.conf gave it a new URL not yet polled)
          gone      answered 410 Gone; not fetched until feeds.conf gives it another URL
          degraded  3 or more failures in a row, or failing with no success for over a day
          failing   the last check failed
          moved     fetched from where a permanent redirect led; update feeds.conf
          silent    answers (200/304) but publishes nothing: no item stored, or the newest \
        item is older than 3 times its usual gap and at least 7 days old
          ok        none of the above

        --json prints {"generated_at", "feeds": [...]} with stable keys (docs in README); \
        times are UTC ISO 8601, durations in seconds, absent values null.
        """
    )

    @OptionGroup var config: ConfigOption
    @Flag(help: "Print JSON for scripts instead of the table.")
    var json = false

    func run() throws {
        let configuration = try monitoring { () throws(MonitorError) in try ConfigurationLoader.load(path: config.path) }
        let now = Date()
        let health = try monitoring { () throws(MonitorError) in try HealthReport.make(configuration: configuration, now: now) }
        print(json ? FeedsJSON.encode(health, now: now) : FeedsTable.render(health, now: now))
    }
}
