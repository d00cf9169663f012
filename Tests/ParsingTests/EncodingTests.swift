import Foundation
import Testing
import Parsing
import FeedModel

@Suite struct EncodingTests {
    @Test func declaredWindows1251Decodes() throws {
        let feed = try FixtureLoader.parse("windows-1251.xml")
        #expect(feed.title == "Новости Кавказа")
        #expect(feed.items.first?.title == "Встреча в Баку: «мирный договор»")
        #expect(feed.items.first?.published == FixtureLoader.date("2024-01-03T09:00:00Z"))
    }

    @Test func declaredKOI8RDecodes() throws {
        let feed = try FixtureLoader.parse("koi8-r.xml")
        #expect(feed.title == "Новости Кавказа")
        #expect(feed.items.first?.summary == "Ереван и Баку обсудили границу")
    }

    @Test func httpCharsetDecodesAnUndeclaredDocument() throws {
        let feed = try FixtureLoader.parse("windows-1251-undeclared.xml", options: ParseOptions(httpCharset: "windows-1251"))
        #expect(feed.title == "Новости Кавказа")
    }

    @Test func encodingOverrideWinsOverTheDeclaration() throws {
        // Bytes are KOI8-R but say windows-1251: feeds.conf's encoding= corrects them.
        var bytes = try FixtureLoader.data("koi8-r.xml")
        let header = Data("<?xml version=\"1.0\" encoding=\"KOI8-R\"?>".utf8)
        bytes.replaceSubrange(0..<header.count, with: Data("<?xml version=\"1.0\" encoding=\"windows-1251\"?>".utf8))
        let wrong = try FeedParser().parse(bytes)
        #expect(wrong.title != "Новости Кавказа")
        let fixed = try FeedParser().parse(bytes, options: ParseOptions(encodingOverride: "KOI8-R"))
        #expect(fixed.title == "Новости Кавказа")
    }

    @Test func validUTF8WinsOverALegacyLabelWithAWarning() throws {
        let feed = try FixtureLoader.parse("utf8-labelled-1251.xml")
        #expect(feed.title == "Новости Кавказа")
        #expect(feed.warnings.contains { $0.contains("valid UTF-8") })
    }

    @Test func utf16LabelOnUTF8BytesStillReads() throws {
        let feed = try FixtureLoader.parse(text: """
            <?xml version="1.0" encoding="UTF-16"?>
            <rss version="2.0"><channel><title>Şuşa xəbərləri</title><item><title>Bir</title><link>https://az.example/1</link></item></channel></rss>
            """)
        #expect(feed.title == "Şuşa xəbərləri")
        #expect(feed.items.count == 1)
    }
}
