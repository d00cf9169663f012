import Testing
import FeedModel

@Suite struct MarkupTextTests {
    @Test func bytesAndStringRoundTrip() {
        let html = "<p>Şuşa &amp; Ստեփանակերտ <b>თბილისი</b></p>"
        let fromString = MarkupText(html)
        #expect(fromString.utf8 == Array(html.utf8))
        #expect(fromString.string == html)
        let bytes = Array(html.utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { MarkupText(utf8: $0) }
        #expect(fromBytes.string == html)
        #expect(fromBytes == fromString)
    }

    @Test func badBytesReadAsReplacementCharacters() {
        let bytes: [UInt8] = [0x3C, 0x70, 0x3E, 0xFF, 0x3C, 0x2F, 0x70, 0x3E]
        let markup = bytes.withUnsafeBufferPointer { MarkupText(utf8: $0) }
        #expect(markup.string == "<p>\u{FFFD}</p>")
    }

    @Test func equalityIsThatOfTheString() {
        // é precomposed and as e + combining acute: different bytes, equal Strings.
        let composed = MarkupText("<i>caf\u{E9}</i>"), decomposed = MarkupText("<i>cafe\u{301}</i>")
        #expect(composed.utf8 != decomposed.utf8)
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(MarkupText("<i>a</i>") != MarkupText("<i>b</i>"))
    }

    @Test func feedItemKeepsItsStringProperties() {
        var item = FeedItem(id: "1", summaryHTML: "<p>One</p>", contentHTML: nil)
        #expect(item.summaryHTML == "<p>One</p>")
        #expect(item.summaryMarkup == MarkupText("<p>One</p>"))
        #expect(item.contentHTML == nil && item.contentMarkup == nil)
        item.contentHTML = "<div>Two</div>"
        #expect(item.contentMarkup?.utf8 == Array("<div>Two</div>".utf8))
        item.summaryHTML = nil
        #expect(item.summaryMarkup == nil)
    }

    @Test func feedItemsCompareByTheirHTML() {
        let byString = FeedItem(id: "1", summary: "One", summaryHTML: "<p>One</p>")
        let byBytes = FeedItem(id: "1", summary: "One", summaryMarkup: MarkupText("<p>One</p>"), contentMarkup: nil)
        #expect(byString == byBytes)
        var other = byBytes
        other.summaryHTML = "<p>Two</p>"
        #expect(other != byString)
        #expect(FeedItem(id: "1", summaryHTML: "<p>caf\u{E9}</p>") == FeedItem(id: "1", summaryHTML: "<p>cafe\u{301}</p>"))
    }

    @Test func sharedBytesAreReadInPlaceWithinTheirRange() {
        let storage = SharedBytes(capacity: 32)
        let html = Array("xx<p>Şuşa</p>yy".utf8)
        storage.base.update(from: html, count: html.count)
        let shared = MarkupText(sharing: storage, range: 2..<(html.count - 2))
        #expect(shared.string == "<p>Şuşa</p>")
        #expect(shared.count == html.count - 4)
        #expect(shared == MarkupText("<p>Şuşa</p>"))
        #expect(shared.hashValue == MarkupText("<p>Şuşa</p>").hashValue)
        // Writing outside its range leaves it as it was.
        storage.base[0] = 0x41
        storage.base[html.count - 1] = 0x41
        #expect(shared.string == "<p>Şuşa</p>")
    }
}
