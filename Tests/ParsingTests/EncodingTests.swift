import Foundation
import Testing
@testable import Parsing
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

    private func document(_ title: String, declaration: String?) -> String {
        (declaration.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? "")
            + "<rss version=\"2.0\"><channel><title>\(title)</title><item><title>\(title)</title><link>https://e.example/1</link></item></channel></rss>"
    }

    @Test func armscii8ThroughIconv() throws {
        // "Երևան և Արցախ" in ARMSCII-8 (glibc iconv's table), which libxml2 reaches through iconv.
        let head = Data("<?xml version=\"1.0\" encoding=\"ARMSCII-8\"?><rss version=\"2.0\"><channel><title>".utf8)
        let title: [UInt8] = [0xBA, 0xF1, 0xA2, 0xB3, 0xDD, 0x20, 0xA2, 0x20, 0xB2, 0xF1, 0xF3, 0xB3, 0xCB]
        let tail = Data("</title><item><title>i</title><link>https://e.example/1</link></item></channel></rss>".utf8)
        let feed = try FeedParser().parse(head + Data(title) + tail)
        #expect(feed.title == "Երևան և Արցախ")
        #expect(feed.items.count == 1)
    }

    @Test func iso8859Family() throws {
        // ISO-8859-9 (Turkish): Ş is 0xDE, ş is 0xFE; ISO-8859-5 (Cyrillic): Б is 0xB1, а is 0xD0.
        let turkish = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-9\"?><rss version=\"2.0\"><channel><title>".utf8)
            + Data([0xDE, 0x75, 0xFE, 0x61]) + Data("</title><item><title>i</title></item></channel></rss>".utf8)
        #expect(try FeedParser().parse(turkish).title == "Şuşa")
        let cyrillic = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-5\"?><rss version=\"2.0\"><channel><title>".utf8)
            + Data([0xB1, 0xD0, 0xDA, 0xE3]) + Data("</title><item><title>i</title></item></channel></rss>".utf8)
        #expect(try FeedParser().parse(cyrillic).title == "Баку")
        let latin1 = try #require(document("Café Tbilisi", declaration: "ISO-8859-1").data(using: .isoLatin1))
        #expect(try FeedParser().parse(latin1).title == "Café Tbilisi")
    }

    @Test func utf16WithByteOrderMarks() throws {
        let text = document("Гюмри", declaration: "UTF-16")
        let little = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        let big = Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
        #expect(try FeedParser().parse(little).title == "Гюмри")
        #expect(try FeedParser().parse(big).items.first?.title == "Гюмри")
    }

    @Test func utf16DeclaredWithoutAByteOrderMark() throws {
        let little = try #require(document("Гянджа", declaration: "UTF-16LE").data(using: .utf16LittleEndian))
        let big = try #require(document("Гянджа", declaration: "UTF-16BE").data(using: .utf16BigEndian))
        #expect(try FeedParser().parse(little).title == "Гянджа")
        #expect(try FeedParser().parse(big).title == "Гянджа")
    }

    @Test func invalidUTF8BytesBecomeReplacementCharacters() throws {
        let feed = try FeedParser().parse(Data("<rss version=\"2.0\"><channel><title>t</title><item><title>Ba".utf8)
            + Data([0xFF, 0xC3]) + Data("ku</title><link>https://e.example/1</link></item><item><title>Şəki</title></item></channel></rss>".utf8))
        #expect(feed.items.first?.title == "Ba\u{FFFD}\u{FFFD}ku")
        #expect(feed.items.last?.title == "Şəki")
    }

    @Test func invalidUTF8BytesInHTMLAfterCleanTextBecomeReplacementCharacters() throws {
        // The first item is clean (its text skips the full UTF-8 check); the second
        // item's HTML holds bytes that are not UTF-8, and everything from there is checked.
        let feed = try FeedParser().parse(Data("<rss version=\"2.0\"><channel><title>t</title><item><title>Гянджа</title><description>&lt;p&gt;Шуша&lt;/p&gt;</description></item><item><description>&lt;p&gt;Ba".utf8)
            + Data([0xFF, 0xC3]) + Data("ku Şəki</description></item></channel></rss>".utf8))
        #expect(feed.items.map(\.summary) == ["Шуша", "Ba\u{FFFD}\u{FFFD}ku Şəki"])
        #expect(feed.items.first?.title == "Гянджа")
    }

    @Test func invalidBytesInADeclaredUTF8StreamAreReplacedToo() throws {
        let stream = FeedParser.Stream()
        try stream.feed(Data("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>t</title><item><title>x".utf8) + Data([0xE2, 0x82]))
        try stream.feed(Data([0x41]) + Data("y</title><link>https://e.example/1</link></item></channel></rss>".utf8))
        #expect(try stream.finish().items.first?.title == "x\u{FFFD}Ay")
    }

    @Test func theDeclaredEncodingIsReadFromTheXMLDeclarationOnly() {
        func declared(_ text: String, bom: Bool = false) -> String? {
            EncodingPlan.declaredEncoding((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8))
        }
        #expect(declared("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss/>") == "windows-1251")
        #expect(declared("<?xml version='1.0' encoding = 'KOI8-R' ?><rss/>") == "KOI8-R")
        #expect(declared("<?xml version=\"1.0\"\tencoding=\t\"ISO-8859-5\"?>", bom: true) == "ISO-8859-5")
        #expect(declared("<?xml version=\"1.0\"?><rss encoding=\"koi8-r\"/>") == nil)
        #expect(declared("<?xml version=\"1.0\" encoding=\"\"?>") == nil)
        #expect(declared("<?xml version=\"1.0\" encoding=utf-8?>") == nil)
        #expect(declared(" <?xml version=\"1.0\" encoding=\"utf-8\"?>") == nil)
        #expect(declared("<rss><?xml version=\"1.0\" encoding=\"utf-8\"?>") == nil)
        // The declaration must end within the first 256 bytes.
        #expect(declared("<?xml version=\"1.0\"" + String(repeating: " ", count: 250) + " encoding=\"cp1251\"?>") == nil)
        #expect(declared("<?xml encoding=\"Windows-1251") == nil)
    }

    @Test func orderIsBOMThenValidUTF8ThenConfThenHTTPThenDeclaration() throws {
        let utf8WithBOM = Data([0xEF, 0xBB, 0xBF]) + Data(document("Новости", declaration: "windows-1251").utf8)
        // A BOM beats feeds.conf's encoding=.
        #expect(try FeedParser().parse(utf8WithBOM, options: ParseOptions(encodingOverride: "KOI8-R")).title == "Новости")
        // Valid UTF-8 beats feeds.conf's encoding= and the HTTP charset.
        let utf8 = Data(document("Новости", declaration: nil).utf8)
        #expect(try FeedParser().parse(utf8, options: ParseOptions(httpCharset: "windows-1251", encodingOverride: "KOI8-R")).title == "Новости")
        // feeds.conf beats the HTTP charset, which beats the declaration.
        let fixture = try FixtureLoader.data("koi8-r.xml")
        #expect(try FeedParser().parse(fixture, options: ParseOptions(httpCharset: "windows-1251", encodingOverride: "KOI8-R")).title == "Новости Кавказа")
        #expect(try FeedParser().parse(fixture, options: ParseOptions(httpCharset: "windows-1251")).title != "Новости Кавказа")
    }
}
