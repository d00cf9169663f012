import Testing
import TestSupport
@testable import Parsing

/// The word-at-a-time paths of PlainText (CollapsingWriter, HTMLTextScanner)
/// decide eight bytes at once: every decision must come out the same wherever
/// a space, a non-ASCII character, a `<` or a `&` falls inside or across words.
@Suite struct PlainTextEdgeTests {
    /// Every character CollapsingWriter treats as whitespace, and non-ASCII
    /// ones that share their first bytes (U+00AB «, U+2014 —, U+20AC €, U+3001).
    private static let spaces: [String] = [" ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}",
                                           "\u{2002}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{3000}"]
    private static let words: [String] = ["a", "Baku", "x.", "Ереван", "თბილისი", "Երևան", "ə", "«", "»", "—",
                                          "€", "\u{3001}", "\u{200B}", "é", "\u{7F}", "😀", "1234567", "abcdefgh"]

    /// What collapsing means, written the slow way: split on the whitespace set, join with one space.
    private static func reference(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: CollapsingWriter.isSpace)
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    private static func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

    @Test func collapsingMatchesTheSlowWayAtEveryOffset() {
        var random = SeededRandom(state: 4)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...24, using: &random) {
                text += Bool.random(using: &random) ? Self.spaces.randomElement(using: &random)!
                                                    : Self.words.randomElement(using: &random)!
            }
            // The same text shifted by 0...16 bytes crosses word (8) and chunk (16) boundaries everywhere.
            for shift in 0...16 {
                let shifted = String(repeating: "q", count: shift) + text
                let expected = Self.reference(shifted)
                #expect(PlainText.literal(Self.bytes(shifted)) == expected, "\(Array(shifted.utf8))")
                #expect(PlainText.fromHTML(Self.bytes(shifted)) == expected, "\(Array(shifted.utf8))")
                #expect(PlainText.fromHTML(Self.bytes(shifted + "<b>")) == expected, "\(Array(shifted.utf8))")
            }
        }
    }

    @Test func nonASCIIAtEveryOffsetOfAWord() {
        for character in ["é", "ж", "ა", "—", "\u{A0}", "\u{2003}", "\u{3000}", "😀"] {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + character + String(repeating: "b", count: 17 - offset)
                #expect(PlainText.literal(Self.bytes(text)) == Self.reference(text), "\(character) at \(offset)")
                #expect(PlainText.fromHTML(Self.bytes(text + "&amp;")) == Self.reference(text) + "&", "\(character) at \(offset)")
            }
        }
    }

    @Test func whitespaceRunsAtWordEdges() {
        for start in 0..<17 {
            for length in 1..<11 {
                for space in [" ", "\n", "\u{A0}"] {
                    let text = String(repeating: "a", count: start) + String(repeating: space, count: length) + "bbbbbbbbbbbbbbbb"
                    let expected = start == 0 ? "bbbbbbbbbbbbbbbb" : String(repeating: "a", count: start) + " bbbbbbbbbbbbbbbb"
                    #expect(PlainText.literal(Self.bytes(text)) == expected)
                    #expect(PlainText.fromHTML(Self.bytes(text + "<br>")) == expected)
                    #expect(PlainText.fromHTML(Self.bytes(text + " ")) == expected)
                }
            }
        }
    }

    /// Whitespace that ends at a tag returns there from the byte rules rather
    /// than through another chunk: the same text, at every offset and at the end.
    @Test func whitespaceBeforeMarkupAtEveryOffset() {
        let tails: [(html: String, text: String)] = [("<p>b", "b"), ("<b>b", "b"), ("</i>b", "b"), ("<", "<"), ("<br>", ""),
                                                     ("&amp;b", "&b"), ("<!-- c -->b", "b"), ("< b", "< b")]
        for pad in 0..<20 {
            let text = String(repeating: "a", count: pad)
            for space in [" ", "\n", "\r\n", "  \t", "\u{A0}", "\u{3000}", " \u{2003} "] {
                for tail in tails {
                    let expected = [text, tail.text].filter { !$0.isEmpty }.joined(separator: " ")
                    #expect(PlainText.fromHTML(Self.bytes(text + space + tail.html)) == expected, "\(pad) \(tail.html)")
                }
            }
        }
    }

    @Test func markupAndReferencesAtTheEndOfTheBuffer() {
        for length in 0..<18 {
            let text = String(repeating: "k", count: length)
            #expect(PlainText.fromHTML(Self.bytes(text + "<")) == text + "<")
            #expect(PlainText.fromHTML(Self.bytes(text + "&")) == text + "&")
            #expect(PlainText.fromHTML(Self.bytes(text + "&amp")) == text + "&amp")
            #expect(PlainText.fromHTML(Self.bytes(text + "&amp;")) == text + "&")
            #expect(PlainText.fromHTML(Self.bytes(text + "&#")) == text + "&#")
            #expect(PlainText.fromHTML(Self.bytes(text + "&#x41")) == text + "A")
            #expect(PlainText.fromHTML(Self.bytes(text + "</")) == text)
            #expect(PlainText.fromHTML(Self.bytes(text + "<b")) == text)
            #expect(PlainText.fromHTML(Self.bytes(text + "<a href=\"x")) == text)
            #expect(PlainText.fromHTML(Self.bytes(text + "<p")) == text)
            #expect(PlainText.fromHTML(Self.bytes(text + "<br/")) == text)
            #expect(PlainText.fromHTML(Self.bytes(text + "<!--")) == text)
        }
    }

    /// Plain text before a fragment never changes how the fragment reads, so
    /// the fragment read at every offset of a word gives the same text.
    @Test func htmlReadsTheSameAtEveryOffset() {
        let pieces = ["<p>", "</p>", "<b>", "</b>", "<br>", "<br/>", "<div class=\"a\">", "</div>", "&amp;", "&nbsp;",
                      "&#8212;", "&lt;", "&", "<", ">", "a", "Ереван", " ", "\n", "\u{A0}", "<!-- c -->",
                      "<a href=\"x>y\" title='t'>", "</a>", "<img src=x alt=\"i\"/>", "<span/>", "<noscript>",
                      "</noscript>", "<script>x<y</script>", "<i\n>", "<q x=y/>", "<q x= />", "<q / >", "word"]
        var random = SeededRandom(state: 8)
        for _ in 0..<2000 {
            var html = ""
            for _ in 0..<Int.random(in: 1...16, using: &random) { html += pieces.randomElement(using: &random)! }
            let alone = PlainText.fromHTML(Self.bytes(html))
            for shift in 1...9 {
                let prefix = String(repeating: "z", count: shift)
                let expected = alone.isEmpty ? prefix : prefix + " " + alone
                #expect(PlainText.fromHTML(Self.bytes(prefix + " " + html)) == expected, "\(html)")
            }
        }
    }

    /// How a tag ends decides whether an element is open (and so whether a
    /// later end tag closes a dropped one): the quick path for tags must agree
    /// with libxml2's reading of attributes.
    @Test func selfClosingTagsAndUnquotedValues() {
        // <div/> opens nothing; <div x=y/> opens a div (the slash is the value's),
        // whose priority then keeps </noscript> from closing the noscript.
        #expect(PlainText.fromHTML(Self.bytes("a<noscript>b<div/></noscript>c")) == "a c")
        #expect(PlainText.fromHTML(Self.bytes("a<noscript>b<div x=y/></noscript>c")) == "a")
        #expect(PlainText.fromHTML(Self.bytes("a<noscript>b<div x= /></noscript>c")) == "a")
        #expect(PlainText.fromHTML(Self.bytes("a<noscript>b<div x /></noscript>c")) == "a c")
        #expect(PlainText.fromHTML(Self.bytes("a<noscript>b<div =/></noscript>c")) == "a c")
        #expect(PlainText.fromHTML(Self.bytes("a<noscript>b<div x=\"y\"/></noscript>c")) == "a c")
        #expect(PlainText.fromHTML(Self.bytes("a<noscript>b<div x='/>'></noscript>c")) == "a")
        // A quote that starts no value does not hide a `>`.
        #expect(PlainText.fromHTML(Self.bytes("<b =\"x>y\">z")) == "y\">z")
        #expect(PlainText.fromHTML(Self.bytes("<b c=d=\"x>y\">z")) == "y\">z")
        #expect(PlainText.fromHTML(Self.bytes("<b \"x>y\">z")) == "y\">z")
        #expect(PlainText.fromHTML(Self.bytes("<b c = \"x>y\">z")) == "z")
        #expect(PlainText.fromHTML(Self.bytes("<b c=\"1\"d='x>y'>z")) == "z")
    }
}
