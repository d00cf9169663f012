import ArgumentParser
import Foundation
import Monitor

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse one feed (a file or a URL) and print what feedwatch reads in it."
    )

    @Argument(help: "A file path, or an http, https or file URL.")
    var source: String
    @Flag(help: "Print the parsed feed as JSON (the shape is documented in docs/parse-json.md).")
    var json = false
    @Option(help: "Decode the document with this encoding (e.g. windows-1251).")
    var encoding: String?
    @Option(help: "Time zone for dates that carry none (e.g. Asia/Baku).")
    var tz: String?

    func run() throws {
        var zone: TimeZone?
        let (source, encoding) = (self.source, self.encoding)
        if let tz {
            guard let found = TimeZone(identifier: tz) else { throw ValidationError("--tz \(tz): unknown time zone") }
            zone = found
        }
        let feed = try monitoring { () throws(MonitorError) in
            try FeedInspector().parse(source, encoding: encoding, timeZone: zone)
        }
        print(json ? FeedJSON.encode(feed) : FeedSummary.describe(feed))
    }
}
