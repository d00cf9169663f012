import Foundation
import Testing
@testable import Parsing
import FeedModel
import TestSupport

/// The parts of the parser that exist for speed must not change what is read:
/// one push of the whole document against 64 KiB chunks, the name table
/// (InternedNames) beyond its size, long field text (TextBuffer), the constant
/// names the HTML scanner compares against.
@Suite struct HotPathTests {
    /// The feed and warnings XMLPushParser reads from `data`, pushed whole or in chunks.
    private func read(_ data: Data, whole: Bool) -> (ParsedFeed, [String]) {
        let options = ParseOptions()
        let parser = XMLPushParser(options: options, plan: EncodingPlan.decide(for: data, options: options),
                                   wholeDocumentLimit: whole ? Int.max : 0)
        parser.parse(data)
        return (parser.finish(), parser.warnings)
    }

    /// An RSS feed of `count` items, each description long enough that
    /// items straddle 64 KiB chunk boundaries.
    private func bigFeed(items count: Int) -> Data {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Big</title>"
        for index in 0..<count {
            let paragraph = String(repeating: "Ереван &amp; Tbilisi &lt;b&gt;news&lt;/b&gt; \(index) ", count: 40)
            xml += "<item><title>Item \(index)</title><link>https://big.example/\(index)</link>"
            xml += "<pubDate>Mon, 02 Mar 2026 10:00:00 +0400</pubDate><description>\(paragraph)</description></item>"
        }
        return Data((xml + "</channel></rss>").utf8)
    }

    @Test func wholeDocumentAndChunksReadTheSame() throws {
        var documents = try ["rss20.xml", "atom10.xml", "atom03.xml", "rss10.rdf", "rss091.xml", "malformed.xml",
                             "koi8-r.xml", "windows-1251.xml", "utf8-labelled-1251.xml"].map(FixtureLoader.data)
        let big = bigFeed(items: 200)
        #expect(big.count > 4 * XMLPushParser.chunkSize)
        documents.append(big)
        // Cut inside an item: the warning and the kept items must not depend on the chunks.
        documents.append(big.prefix(big.count / 2 + 7))
        for data in documents {
            let (whole, wholeWarnings) = read(data, whole: true)
            let (chunked, chunkedWarnings) = read(data, whole: false)
            #expect(whole == chunked)
            #expect(wholeWarnings == chunkedWarnings)
        }
        let (feed, _) = read(big, whole: true)
        #expect(feed.items.count == 200)
        #expect(feed.items[199].summary?.hasPrefix("Ереван & Tbilisi news 199 Ереван") == true)
    }

    @Test func longFieldTextIsKeptWhole() throws {
        let word = "Gyumri "
        let body = String(repeating: word, count: 20_000)
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title><item><title>x</title>
            <description>\(body)</description><link>https://t.example/1</link></item></channel></rss>
            """)
        #expect(feed.items.first?.summary == String(body.dropLast()))
        #expect(feed.items.first?.link == "https://t.example/1")
    }

    @Test func moreDistinctNamesThanTheNameTableHolds() throws {
        // 600 distinct extension elements, then the fields that matter.
        let extensions = (0..<600).map { "<x:e\($0)>v</x:e\($0)>" }.joined()
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0" xmlns:x="urn:x"><channel><title>t</title><item>\(extensions)
            <title>Shusha</title><link>https://t.example/1</link></item>
            <item><title>Second</title>\(extensions)<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ani</dc:creator></item>
            </channel></rss>
            """)
        #expect(feed.items.map(\.title) == ["Shusha", "Second"])
        #expect(feed.items.first?.link == "https://t.example/1")
        #expect(feed.items.last?.authors == ["Ani"])
    }

    @Test func bodyAndHTMLEndTagsCloseDroppedElements() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title>
            <item><title>a</title><description>&lt;noscript&gt;hidden&lt;/BODY&gt;shown</description></item>
            <item><title>b</title><description>&lt;template&gt;hidden&lt;/html&gt;shown</description></item>
            <item><title>c</title><description>&lt;noscript&gt;hidden&lt;/bodyx&gt;still hidden</description></item>
            </channel></rss>
            """)
        #expect(feed.items.map(\.summary) == ["shown", "shown", nil])
    }

    @Test func namespacesReadTheSameWhateverTheirStorage() {
        let names = InternedNames()
        let atom = Array(Namespace.atom10.utf8CString).map { UInt8(bitPattern: $0) }
        let other = Array("urn:other".utf8CString).map { UInt8(bitPattern: $0) }
        atom.withUnsafeBufferPointer { atomBytes in
            other.withUnsafeBufferPointer { otherBytes in
                #expect(names.string(atomBytes.baseAddress) == Namespace.atom10)
                #expect(names.string(atomBytes.baseAddress) == Namespace.atom10)
                #expect(names.string(otherBytes.baseAddress) == "urn:other")
            }
        }
        #expect(names.string(nil) == "")
    }

    /// Each field's HTML is handed over from TextBuffer's block, not copied: what
    /// is written after it, in the same block or a new one, leaves it unchanged.
    @Test func markupHandedOverSurvivesLaterFieldsAndNewBlocks() {
        var buffer = TextBuffer()
        var kept: [(MarkupText, String)] = []
        var random = SeededRandom(state: 7)
        for field in 0..<300 {
            // Lengths from a few bytes to well past the first block, so blocks are replaced.
            let length = 1 + Int(random.next() % 9000)
            let html = " <p>\(field)</p>" + String(repeating: "ə", count: length / 2) + " "
            html.utf8.withContiguousStorageIfAvailable { buffer.append(contentsOf: $0) }
            let text = buffer[from: 0]
            #expect(text.count == html.utf8.count)
            kept.append((buffer.markup(1..<(text.count - 1)), String(html.dropFirst().dropLast())))
            buffer.removeAll(from: 0)
        }
        for (markup, html) in kept { #expect(markup.string == html) }
    }
}
