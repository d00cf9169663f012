import Foundation
import Testing
import Parsing
import FeedModel

/// One broken-XML quirk per test: every item that can be saved is returned, with warnings.
@Suite struct MalformedTests {
    private func rss(_ items: String, prefix: String = "", suffix: String = "") -> String {
        prefix + "<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>" + suffix
    }

    @Test func bareAmpersand() throws {
        let feed = try FixtureLoader.parse(text: rss("""
            <item><title>Tom & Jerry</title><link>https://m.example/1?a=1&b=2</link></item>
            <item><title>after</title><link>https://m.example/2</link></item>
            """))
        #expect(feed.items.map(\.title) == ["Tom & Jerry", "after"])
        #expect(feed.items.first?.link == "https://m.example/1?a=1&b=2")
        #expect(!feed.warnings.isEmpty)
    }

    @Test func undefinedHTMLEntitiesAreDecoded() throws {
        let feed = try FixtureLoader.parse(text: rss("""
            <item><title>Baku&nbsp;&mdash; Yerevan &laquo;talks&raquo; &bogus; end</title><link>https://m.example/1</link></item>
            """))
        #expect(feed.items.first?.title == "Baku — Yerevan «talks» &bogus; end")
        #expect(!feed.warnings.isEmpty)
    }

    @Test func controlCharacters() throws {
        let feed = try FixtureLoader.parse(text: rss("""
            <item><title>bell\u{07} and\u{01}nul</title><link>https://m.example/1</link></item>
            <item><title>next</title><link>https://m.example/2</link></item>
            """))
        #expect(feed.items.map(\.link) == ["https://m.example/1", "https://m.example/2"])
        #expect(!feed.warnings.isEmpty)
    }

    @Test func junkAfterTheRootElement() throws {
        let feed = try FixtureLoader.parse(text: rss("<item><title>a</title><link>https://m.example/1</link></item>",
                                                     suffix: "\n<br>PHP Warning: something <b>bad</b>\n<rss><item>x</item>"))
        #expect(feed.items.map(\.title) == ["a"])
        #expect(!feed.warnings.isEmpty)
    }

    @Test func xmlDeclarationNotAtTheStart() throws {
        let feed = try FixtureLoader.parse(text: rss("<item><title>a</title><link>https://m.example/1</link></item>",
                                                     prefix: "\n\n  <?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
        #expect(feed.format == .rss20)
        #expect(feed.items.map(\.title) == ["a"])
    }

    @Test func truncatedInsideAnItem() throws {
        let feed = try FixtureLoader.parse(text: "<rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>whole</title><link>https://m.example/1</link></item>"
            + "<item><title>half</title><link>https://m.example/2</link><description>cut he")
        #expect(feed.items.map(\.title) == ["whole", "half"])
        #expect(feed.items.last?.summary == "cut he")
        #expect(feed.warnings.contains { $0.contains("ends inside") })
    }
}
