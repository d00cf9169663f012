import Foundation
import TestSupport
import Testing

/// A broken feeds.conf is reported with file:line:column and changes nothing.
@Suite struct BadConfigurationTests {
    @Test func badConfigurationExitsTwoAndLeavesTheStoreAlone() throws {
        let folder = try TemporaryFolder()
        let feed = folder.url.appendingPathComponent("feed.xml")
        try "<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid><title>Karabakh</title></item></channel></rss>"
            .write(to: feed, atomically: true, encoding: .utf8)
        let config = folder.url.appendingPathComponent("feeds.conf")
        let good = """
        [settings]
        database = feedwatch.sqlite

        [feeds]
        file:feed.xml name=local

        [entity Karabakh]
        kind = region
        spellings = Karabakh

        [topic Karabakh]
        rule = @Karabakh

        """
        try good.write(to: config, atomically: true, encoding: .utf8)
        let first = try FeedwatchBinary.run(["poll", "--config", config.path])
        #expect(first.status == 0, "\(first.stderr)")
        let database = folder.url.appendingPathComponent("feedwatch.sqlite")
        let before = try Data(contentsOf: database)

        try (good.replacingOccurrences(of: "rule = @Karabakh", with: "rule = @Karabah OR (peace"))
            .write(to: config, atomically: true, encoding: .utf8)
        let second = try FeedwatchBinary.run(["poll", "--config", config.path])
        #expect(second.status == 2)
        #expect(second.stderr.contains("feeds.conf:12:26: expected ')' to close '(' at 12:20"), "\(second.stderr)")
        #expect(second.stdout.isEmpty)
        #expect(try Data(contentsOf: database) == before)
    }

    @Test func unknownOptionIsAUsageErrorWithCodeTwo() throws {
        let result = try FeedwatchBinary.run(["poll", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-flag"))
    }
}
