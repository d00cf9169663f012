import Foundation
import Testing
import TestSupport
@testable import Parsing

/// HTMLTextScanner reads an end tag that closes the innermost element by one
/// 8-byte compare (HTMLTextScanner.isEndTag): it must say yes exactly when the
/// name loop of the slow path would read that element's name followed by `>`.
@Suite struct EndTagFastPathTests {
    private static let names = ["p", "a", "b", "br", "h1", "li", "td", "div", "img", "span", "font", "style",
                                "strong", "script", "section", "noscript", "template", "blockquote", "x-y",
                                "a.b", "_z", ":q", "h6", "abcdefg", "abcdefgh"]

    /// A byte that often matters here: letters of either case, name punctuation,
    /// `>`, `/`, the bytes just outside the letter ranges, and any byte at all.
    private static func someByte(_ random: inout SeededRandom) -> UInt8 {
        let interesting: [UInt8] = Array("aAzZpPbBqQ-_.:09>/ \n\"=".utf8) + [0x40, 0x5B, 0x60, 0x7B, 0x80, 0xC1, 0xE1, 0xFF, 0]
        return Bool.random(using: &random) ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
    }

    /// What the slow path decides: the name loop, the Name it makes, then `>`.
    private static func slowPathCloses(_ name: HTMLElement.Name, in input: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var j = start
        while j < input.count, HTMLTextScanner.isNameByte(input[j]) { j += 1 }
        let read = HTMLElement.Name(UnsafeBufferPointer(rebasing: input[start..<j]))
        return read == name && j < input.count && input[j] == 0x3E
    }

    @Test func agreesWithTheNameLoopNearTheEndOfTheBuffer() {
        var random = SeededRandom(state: 41)
        var fastCount = 0
        for _ in 0..<40_000 {
            let string = Self.names.randomElement(using: &random)!
            // The open element's Name, as startTag made it from a tag in any letter case.
            let opened = Array(string.utf8).map { $0 >= 0x61 && $0 <= 0x7A && Bool.random(using: &random) ? $0 ^ 0x20 : $0 }
            let name = HTMLElement.Name(opened)
            // The end tag: the name in any case, perhaps damaged, cut short or longer, then `>` or anything.
            var tag = Array(string.utf8).map { byte -> UInt8 in
                let flipped = byte >= 0x61 && byte <= 0x7A && Bool.random(using: &random) ? byte ^ 0x20 : byte
                return Int.random(in: 0..<12, using: &random) == 0 ? Self.someByte(&random) : flipped
            }
            if Int.random(in: 0..<6, using: &random) == 0 { tag.removeLast(Int.random(in: 0...tag.count, using: &random)) }
            if Int.random(in: 0..<6, using: &random) == 0 { tag.append(Self.someByte(&random)) }
            if Int.random(in: 0..<4, using: &random) != 0 { tag.append(0x3E) }
            let before = (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.someByte(&random) }
            let after = (0..<Int.random(in: 0...9, using: &random)).map { _ in Self.someByte(&random) }
            let input = before + tag + after
            input.withUnsafeBufferPointer { input in
                let start = before.count
                let fast = HTMLTextScanner.isEndTag(of: name, in: input, at: start)
                let slow = Self.slowPathCloses(name, in: input, at: start)
                // Never a yes the slow path would not give; a yes wherever the word can be read.
                #expect(!fast || slow, "\(Array(input)) at \(start), \(string)")
                if name.length < 8 && start + 8 <= input.count {
                    #expect(fast == slow, "\(Array(input)) at \(start), \(string)")
                }
                if fast { fastCount += 1 }
            }
        }
        #expect(fastCount > 2000)
    }

    /// The whole scanner: "</name>" read by the fast path gives the text that
    /// "</name >" (which only the slow path reads) gives, at every offset.
    @Test func htmlReadsTheSameWithAndWithoutTheFastPath() {
        let pieces = ["<p>", "</p>", "</P>", "<B>", "</b>", "</B>", "<i>", "</I>", "<div class=\"a\">", "</DIV>", "</div>",
                      "<noscript>", "</noScript>", "<span>", "</span>", "</SPAN>", "<li>", "</li>", "<h1>", "</h1>",
                      "<blockquote>", "</blockquote>", "<abcdefg>", "</ABCDEFG>", "<x-y>", "</x-y>", "<br>", "</br>",
                      "<style>s</STYLE>", "a", "word", " ", "\n", "&amp;"]
        var random = SeededRandom(state: 43)
        for _ in 0..<3000 {
            var html = ""
            for _ in 0..<Int.random(in: 1...14, using: &random) { html += pieces.randomElement(using: &random)! }
            for shift in 0...9 {
                let shifted = String(repeating: "z", count: shift) + html
                let slow = shifted.replacingOccurrences(of: ">", with: " >")
                #expect(PlainText.fromHTML(Array(shifted.utf8)[...]) == PlainText.fromHTML(Array(slow.utf8)[...]), "\(shifted)")
            }
        }
    }

    @Test func endTagsInAnyCaseAtTheEndOfTheBuffer() {
        for pad in 0..<18 {
            let text = String(repeating: "k", count: pad)
            let lead = pad == 0 ? "" : text + " "
            #expect(PlainText.fromHTML(Array((text + "<P>a</P>b").utf8)[...]) == lead + "a b")
            #expect(PlainText.fromHTML(Array((text + "<p>a</p").utf8)[...]) == lead + "a")
            #expect(PlainText.fromHTML(Array((text + "<Span>a</sPAN>b").utf8)[...]) == text + "ab")
            #expect(PlainText.fromHTML(Array((text + "<noscript>a</NOSCRIPT>b").utf8)[...]) == text + "b")
            #expect(PlainText.fromHTML(Array((text + "<b><i>a</b>c</i>d").utf8)[...]) == text + "acd")
            #expect(PlainText.fromHTML(Array((text + "<p>a</pre>b").utf8)[...]) == lead + "a b")
            #expect(PlainText.fromHTML(Array((text + "<pre>a</p>b").utf8)[...]) == lead + "a b")
        }
    }
}
