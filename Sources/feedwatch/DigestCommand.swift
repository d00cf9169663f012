import ArgumentParser
import Foundation
import Monitor

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write the digest of one day (default today) and print its path."
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
        print(try monitoring { () throws(MonitorError) in try DigestRun(configuration: configuration).write(day: day) })
    }
}
