import Foundation
internal import CLibXML2

/// Turns feed text into the plain text FeedModel promises: tags stripped,
/// entities decoded, whitespace collapsed. libxml2's HTML parser (as a SAX
/// stream, see HTMLTextExtractor) does the decoding, so every HTML named entity
/// is known without a table of our own.
enum PlainText {
    /// HTML (or text that may hold entities and tags) to plain text.
    static func fromHTML(_ bytes: ArraySlice<UInt8>) -> String {
        // Most titles hold neither markup nor entities: skip the HTML parser.
        let plain = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            return memchr(base, 0x3C, buffer.count) == nil && memchr(base, 0x26, buffer.count) == nil
        }
        if plain {
            return collapsed(bytes)
        }
        let text = bytes.withUnsafeBufferPointer { HTMLTextExtractor.text(of: $0) }
        return collapsed(text[...])
    }

    /// Text taken literally (Atom type="text"): only whitespace is collapsed.
    static func literal(_ bytes: ArraySlice<UInt8>) -> String {
        collapsed(bytes)
    }

    /// Elements whose text is never prose.
    static func isSkipped(_ name: String) -> Bool {
        name == "script" || name == "style" || name == "noscript" || name == "template"
    }

    /// Elements that end a line of text: their boundaries become spaces so
    /// that "<p>a</p><p>b</p>" reads "a b", not "ab".
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "caption", "img", "iframe", "video", "audio",
    ]

    /// Collapses every run of whitespace (ASCII, NBSP and the Unicode spaces
    /// feeds use) into one ASCII space and trims both ends.
    static func collapsed(_ slice: ArraySlice<UInt8>) -> String {
        slice.withUnsafeBufferPointer { collapsed($0) }
    }

    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let c = bytes[i]
            var width = 0
            if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 || c == 11 {
                width = 1
            } else if c == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85 {
                width = 2
            } else if c == 0xE2, i + 2 < end, bytes[i + 1] == 0x80,
                      (0x80...0x8A).contains(bytes[i + 2]) || bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 || bytes[i + 2] == 0xAF {
                width = 3
            } else if c == 0xE3, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                width = 3
            }
            if width > 0 {
                pendingSpace = !out.isEmpty
                i += width
                continue
            }
            if pendingSpace { out.append(32); pendingSpace = false }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
