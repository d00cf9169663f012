import Foundation
import Parsing
import FeedModel

enum FixtureLoader {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name)"])
        }
        return try Data(contentsOf: url)
    }

    static func parse(_ name: String, options: ParseOptions = ParseOptions()) throws -> ParsedFeed {
        try FeedParser().parse(data(name), options: options)
    }

    static func parse(text: String, options: ParseOptions = ParseOptions()) throws -> ParsedFeed {
        try FeedParser().parse(Data(text.utf8), options: options)
    }

    static func date(_ iso: String) -> Date {
        FeedDateParser.parse(iso)!
    }
}
