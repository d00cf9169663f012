import Foundation
import Testing
import Config

/// The repository's own feeds.conf and seeds/demo.conf must always load.
/// They are skipped while they do not exist yet.
@Suite("Shipped configuration files")
struct ShippedConfigTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // ConfigTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { repositoryRoot.appendingPathComponent(relative).path }
    static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    @Test("feeds.conf at the repository root loads", .enabled(if: exists("feeds.conf")))
    func rootFeedsConf() throws {
        let config = try ConfigLoader.load(path: Self.path("feeds.conf"))
        #expect(!config.feeds.isEmpty)
        #expect(!config.entities.isEmpty)
        #expect(!config.topics.isEmpty)
    }

    @Test("seeds/demo.conf loads and its file: feeds point into seeds/", .enabled(if: exists("seeds/demo.conf")))
    func demoConf() throws {
        let config = try ConfigLoader.load(path: Self.path("seeds/demo.conf"))
        #expect(!config.feeds.isEmpty)
        for feed in config.feeds where feed.url.hasPrefix("file:") {
            let path = try #require(URL(string: feed.url)).path
            #expect(FileManager.default.fileExists(atPath: path), "\(feed.name): \(path) does not exist")
        }
    }
}
