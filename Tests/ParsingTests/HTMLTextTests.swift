import Foundation
import Testing
@testable import Parsing
import FeedModel

/// HTML in titles, summaries and content becomes plain text (HTMLTextScanner).
/// Most cases go through a whole feed, the HTML escaped in a description, as RSS sends it.
@Suite struct HTMLTextTests {
    private func text(_ html: String) throws -> String? {
        let escaped = html.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title><item><title>x</title><link>https://t.example/1</link>
            <description>\(escaped)</description></item></channel></rss>
            """)
        return feed.items.first?.summary
    }

    // MARK: character references

    @Test func commonNamedReferences() throws {
        #expect(try text("Wait&hellip; it&rsquo;s&nbsp;here") == "Wait… it’s here")
        #expect(try text("&laquo;Baku&raquo; &mdash; &copy; &eacute;") == "«Baku» — © é")
    }

    @Test func escapedAmpersandDecodesOnce() throws {
        #expect(try text("Tom &amp;amp; Jerry") == "Tom &amp; Jerry")
        #expect(try text("&lt;b&gt;not a tag&lt;/b&gt;") == "<b>not a tag</b>")
    }

    @Test func numericReferences() throws {
        #expect(try text("it&#x27;s &#8217; &#X41;&#65;") == "it's ’ AA")
        // The semicolon may be missing, as libxml2 and browsers allow.
        #expect(try text("&#8217s") == "’s")
    }

    @Test func numericReferencesInTheC1RangeMeanWindows1252() throws {
        #expect(try text("1990&#150;2000 &#147;q&#148;") == "1990–2000 “q”")
    }

    @Test func referencesOnlyHTML5Knows() throws {
        #expect(try text("a&bsol;b &lsquor;c&rsquor; &nGt;") == "a\\b ‚c’ \u{226B}\u{20D2}")
    }

    @Test func invalidReferencesStayText() throws {
        #expect(try text("&nosuch; &amp &copy 2024 AT&T") == "&nosuch; &amp &copy 2024 AT&T")
        #expect(try text("&#xZZ; &#; &#0; &#x110000; `&#${c}`") == "&#xZZ; &#; &#0; &#x110000; `&#${c}`")
        #expect(try text("a & b && c") == "a & b && c")
    }

    @Test func referencesThatAreSpacesCollapse() throws {
        #expect(try text("a&nbsp;&nbsp; b&#32;&#10;c&emsp;d") == "a b c d")
    }

    @Test func entityTableHoldsEveryHTML5Name() {
        #expect(HTMLEntities.table.count == 2231)
        #expect(HTMLEntities.table["amp;"] == "&")
        #expect(HTMLEntities.table["amp"] == "&")
        #expect(HTMLEntities.table["NotEqualTilde;"] == "\u{2242}\u{338}")
        // Every name with its semicolon decodes to its value, and the text never
        // grows beyond the 1.2 the scanner's buffer is sized for.
        for (name, value) in HTMLEntities.table where name.hasSuffix(";") {
            let decoded = PlainText.fromHTML(Array("x&\(name)y".utf8)[...])
            let expected = PlainText.literal(Array("x\(value)y".utf8)[...])
            #expect(decoded == expected, "&\(name)")
            #expect(value.utf8.count * 5 <= (name.utf8.count + 1) * 6, "&\(name)")
        }
    }

    /// The short names the scanner reads from HTMLEntities.packed: every one of
    /// them is there, with the bytes of its value (or marked as a word break).
    @Test func packedEntityTableHoldsEveryShortName() {
        var short = 0
        for (name, value) in HTMLEntities.table where name.hasSuffix(";") && name.utf8.count <= HTMLEntities.packedLength {
            short += 1
            let entry = HTMLEntities.packed.value(of: HTMLEntities.packed(Array(name.utf8)))
            #expect(entry != nil, "&\(name)")
            guard let entry else { continue }
            if entry.isSpace {
                #expect(value.unicodeScalars.count == 1 && CollapsingWriter.isSpace(value.unicodeScalars.first!), "&\(name)")
            } else {
                let bytes = (0..<entry.count).map { UInt8(truncatingIfNeeded: entry.utf8 >> UInt64(8 * $0)) }
                #expect(bytes == Array(value.utf8), "&\(name)")
            }
        }
        #expect(short > 1000)
        #expect(HTMLEntities.packed.value(of: HTMLEntities.packed(Array("nosuch;".utf8))) == nil)
    }

    // MARK: markup

    @Test func tagsAreStrippedAndBlocksBreakWords() throws {
        #expect(try text("<p>One<br/>two</p><div>three</div><b>fo</b>ur<IMG src=x>five") == "One two three four five")
    }

    @Test func quotedAttributeValuesMayHoldAngleBrackets() throws {
        #expect(try text(#"<a title="x > y" href='/a>b'>link</a> after"#) == "link after")
    }

    @Test func bareAngleBracketsAreText() throws {
        #expect(try text("1 < 2 and 3 > 2, <3") == "1 < 2 and 3 > 2, <3")
    }

    @Test func scriptStyleNoscriptAndTemplateAreDropped() throws {
        #expect(try text("a<script>if (x<y) document.write('</p>b')</script>c") == "ac")
        #expect(try text("a<STYLE>p > b { color: red }</Style>b") == "ab")
        #expect(try text("a<noscript><p>enable JS</p></noscript>b<template>t</template>c") == "a bc")
        #expect(try text("a<script/>b") == "ab")
    }

    @Test func aMisplacedEndTagClosesANoscriptLikeLibxml2() throws {
        // Escaped HTML in a post about <noscript>: the heading's end tag closes it.
        #expect(try text("<h3>No <noscript></h3><p>kept</p>") == "No kept")
        #expect(try text("<p>a <noscript>b</p>c") == "a c")
    }

    @Test func commentsDeclarationsAndInstructionsAreSkipped() throws {
        #expect(try text("a<!-- hidden > still -->b<!DOCTYPE html>c<?php echo 1 ?>d<!-->e") == "abcde")
        #expect(try text("a<!-- never closed <p>b</p>") == "a")
    }

    @Test func cdataInsideHTMLIsText() throws {
        #expect(try text("a <![CDATA[x < y]]> b") == "a x < y b")
    }

    @Test func textAfterAStrayHTMLEndTagIsKept() throws {
        #expect(try text("<p>code: </html></p><p>more</p>") == "code: more")
    }

    @Test func unicodeWhitespaceCollapses() throws {
        #expect(try text("<p>\u{00A0}a\u{2003}\u{2009}b\u{3000}</p>\n\t") == "a b")
    }

    @Test func plainTextWithoutMarkupIsOnlyCollapsed() {
        #expect(PlainText.fromHTML(Array("  Karabakh\n talks ".utf8)[...]) == "Karabakh talks")
        #expect(PlainText.fromHTML([][...]) == "")
    }
}
