import ArgumentParser
import Foundation
import Monitor

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write the digest of one day (default today) and print the paths of its files.",
        discussion: "One file per format of digest_formats in feeds.conf ([settings]): YYYY-MM-DD.md, .html, .json, .atom; "
            + "with atom, today's run also writes feedwatch.atom. A past day gives the same bytes every time."
    )

    @OptionGroup var config: ConfigOption
    @Option(help: "The day, YYYY-MM-DD, in the configured time zone.")
    var date: String?

    func run() throws {
        let configuration = try monitoring { () throws(MonitorError) in try ConfigurationLoader.load(path: config.path) }
        let zone = configuration.settings.timeZone
        let day: DigestDay
        if let date {
            guard let parsed = DigestDay(label: date, in: zone) else {
                throw ValidationError("--date \(date): expected a real day as YYYY-MM-DD")
            }
            day = parsed
        } else {
            day = DigestDay(containing: Date(), in: zone)
        }
        let paths = try monitoring { () throws(MonitorError) in try DigestRun(configuration: configuration).writeAll(day: day) }
        for path in paths { print(path) }
    }
}
