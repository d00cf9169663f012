import ArgumentParser
import Monitor

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which items of one feed feeds.conf would keep, and why."
    )

    @OptionGroup var config: ConfigOption
    @Argument(help: "A file path, or an http, https or file URL.")
    var source: String
    @Flag(help: "Show each item's text with the matched spans highlighted (colour on a terminal, [[markers]] otherwise) and the rule trees.")
    var explain = false

    func run() throws {
        let source = self.source
        let configuration = try monitoring { () throws(MonitorError) in try ConfigurationLoader.load(path: config.path) }
        let (feed, results) = try monitoring { () throws(MonitorError) in
            try FeedInspector(userAgent: configuration.settings.userAgent)
                .match(source, configuration: configuration, explaining: explain)
        }
        print(explain
              ? MatchExplanation.describe(feed: feed, results: results, colour: stdoutIsTerminal)
              : MatchReport.describe(feed: feed, results: results))
    }
}
