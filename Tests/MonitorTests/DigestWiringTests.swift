import Foundation
import Testing
import Config
import FeedModel
import Storage
import TestSupport
@testable import Monitor

/// From feeds.conf and a poll of a real HTTP server on 127.0.0.1 to the digest text: who each
/// outlet is, which contested names each used, and the order of topics and stories.
@Suite struct DigestWiringTests {
    /// 2024-04-18 10:00 in Baku.
    static let now = Date(timeIntervalSince1970: 1_713_420_000)

    static func rss(_ items: [(guid: String, title: String, text: String)]) -> String {
        let entries = items.map { item in
            "<item><guid>\(item.guid)</guid><title>\(item.title)</title><link>https://example.org/\(item.guid)</link>"
                + "<description>\(item.text)</description></item>"
        }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title>\(entries)</channel></rss>"
    }

    /// Three outlets; Stepanakert with its two contested names; Karabakh first in feeds.conf
    /// but Energy heavier.
    static func configuration(in folder: URL, server: LoopbackServer) throws -> Configuration {
        try TestConfiguration.make(
            in: folder, settings: TestConfiguration.storeAndDigests,
            feedLines: ["\(server.url("/azertag.xml")) name=azertag country=AZ lang=az perspective=state",
                        "\(server.url("/armenpress.xml")) name=armenpress country=AM lang=hy perspective=state",
                        "\(server.url("/civilnet.xml")) name=civilnet country=AM lang=en perspective=independent"],
            gazetteer: """
                [entity Stepanakert]
                kind = city
                contested = Armenian: Stepanakert
                contested = Azerbaijani: Xankəndi*, Khankendi

                [entity Lachin]
                kind = city
                spellings = Lachin

                [topic Karabakh]
                rule = @Stepanakert OR @Lachin

                [topic Energy]
                rule = pipeline
                weight = 3
                """)
    }

    static let story = "Peacekeepers leave their headquarters in %@ after three years of the mission"
    static let storyText = "The convoy left %@ on Thursday morning, the command said in a statement."

    /// Polls the three feeds once and returns the day's digest.
    func pollAndRead(_ feeds: [String: [(guid: String, title: String, text: String)]]) async throws -> String {
        let server = try await LoopbackServer.start()
        let folder = try TemporaryFolder()
        for (name, items) in feeds {
            server.serveFeed(path: "/\(name).xml", body: Self.rss(items))
        }
        let configuration = try Self.configuration(in: folder.url, server: server)
        let report = try PollRun(configuration: configuration).run(now: { Self.now })
        try await server.stop()
        #expect(report.failedCount == 0)
        return try String(contentsOfFile: report.digestPath, encoding: .utf8)
    }

    @Test func eachOutletShowsItsCountryLanguageAndPerspective() async throws {
        let text = try await pollAndRead([
            "azertag": [("a1", "Lachin road reopens", "Traffic resumed.")],
            "armenpress": [("h1", "Talks on Lachin", "Delegations met.")],
            "civilnet": [("c1", "Lachin residents return", "Families came back.")],
        ])
        #expect(text.contains("· azertag (AZ · az · state) · [Lachin road reopens](https://example.org/a1)"))
        #expect(text.contains("· armenpress (AM · hy · state) · [Talks on Lachin](https://example.org/h1)"))
        #expect(text.contains("· civilnet (AM · en · independent) · [Lachin residents return](https://example.org/c1)"))
    }

    @Test func aStoryListsTheContestedNamesEachOutletUsed() async throws {
        let text = try await pollAndRead([
            "azertag": [("a1", String(format: Self.story, "Xankəndi"), String(format: Self.storyText, "Xankəndi"))],
            "armenpress": [("h1", String(format: Self.story, "Stepanakert"), String(format: Self.storyText, "Stepanakert"))],
            "civilnet": [("c1", "Lachin road reopens", "Traffic resumed.")],
        ])
        // Seen at the same moment: the story lists its items by title.
        #expect(text.contains("**Story: 2 outlets** · first: armenpress at 10:00 · names: armenpress: Stepanakert (Armenian); "
                              + "azertag: Xankəndi (Azerbaijani) for Stepanakert\n"))
        // Each item's line says it too; an item without a contested name says nothing.
        let details = text.split(separator: "\n").filter { $0.hasPrefix("  rules:") }
        #expect(details.filter { $0.hasSuffix(" · names: Xankəndi (Azerbaijani) for Stepanakert") }.count == 1)
        #expect(details.filter { $0.hasSuffix(" · names: Stepanakert (Armenian)") }.count == 1)
        #expect(details.filter { $0.contains("names:") }.count == 2)
        #expect(details.count == 3)
    }

    @Test func storiesRankByTopicWeightThenScoreThenOutlets() async throws {
        let text = try await pollAndRead([
            // Karabakh: four hits of one name (score 1) against two names once each (score 2).
            "azertag": [("a1", "Stepanakert, Stepanakert: a day in Stepanakert", "Stepanakert again."),
                        ("a2", "Pipeline repairs finished", "The pipeline runs again.")],
            "armenpress": [("h1", "Road from Stepanakert to Lachin", "Both towns.")],
            "civilnet": [("c1", "Lachin residents return", "Families came back.")],
        ])
        // Energy (weight 3) comes before Karabakh (weight 1), though feeds.conf names Karabakh first.
        let energy = try #require(text.range(of: "## Energy"))
        let karabakh = try #require(text.range(of: "## Karabakh"))
        #expect(energy.lowerBound < karabakh.lowerBound)
        // In Karabakh: the item whose rule scored 2 first, then the two that scored 1; of those
        // the one with four hits does not come first for its hits: ties go by who was seen first,
        // then title.
        let lines = text[karabakh.upperBound...].split(separator: "\n").filter { $0.hasPrefix("- ") }
        let titles = lines.map { line in line.split(separator: "[")[1].split(separator: "]")[0] }
        #expect(titles == ["Road from Stepanakert to Lachin", "Lachin residents return",
                           "Stepanakert, Stepanakert: a day in Stepanakert"])
    }
}
