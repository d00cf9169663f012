import ArgumentParser
import Monitor

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which items of one feed feeds.conf would keep, and why."
    )

    @OptionGroup var config: ConfigOption
    @Argument(help: "A file path, or an http, https or file URL.")
    var source: String

    func run() throws {
        let source = self.source
        let configuration = try monitoring { () throws(MonitorError) in try ConfigurationLoader.load(path: config.path) }
        let (feed, results) = try monitoring { () throws(MonitorError) in
            try FeedInspector(userAgent: configuration.settings.userAgent).match(source, configuration: configuration)
        }
        print(MatchReport.describe(feed: feed, results: results))
    }
}
