/// Markup found inside a field (Atom type="xhtml", raw HTML in an RSS
/// description) is written back into the field's text as HTML, so that the
/// field can be kept as HTML for the digest and read by HTMLTextScanner for
/// the plain text. Only a few attributes survive (links and images); script
/// and style never reach here (FeedAssembler skips them).
enum FieldMarkup {
    /// Elements whose attributes are worth keeping, and which ones.
    static func keepsAttributes(_ name: String) -> Bool { name == "a" || name == "img" }
    private static let keptAttributes: Set<String> = ["href", "src", "alt", "title"]

    /// Void elements have no end tag: "</br>" would be a second break in a browser.
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    static func appendStartTag(_ name: String, attributes: [FeedAssembler.Attribute], to text: inout TextBuffer) {
        text.append(UInt8(ascii: "<"))
        text.append(contentsOf: name.utf8)
        for attribute in attributes where attribute.uri.isEmpty && keptAttributes.contains(attribute.name) {
            // No javascript: links in what the digest shows.
            if attribute.value.trimmedASCIIWhitespace.lowercased().hasPrefix("javascript:") { continue }
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: attribute.name.utf8)
            text.append(contentsOf: "=\"".utf8)
            appendEscaped(Array(attribute.value.utf8), to: &text)
            text.append(UInt8(ascii: "\""))
        }
        text.append(UInt8(ascii: ">"))
    }

    static func appendEndTag(_ name: String, to text: inout TextBuffer) {
        guard !voidElements.contains(name) else { return }
        text.append(contentsOf: "</".utf8)
        text.append(contentsOf: name.utf8)
        text.append(UInt8(ascii: ">"))
    }

    /// `&`, `<`, `>` and `"` as references, everything else as it is.
    static func appendEscaped<Bytes: Collection<UInt8>>(_ bytes: Bytes, to text: inout TextBuffer) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): text.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): text.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): text.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): text.append(contentsOf: "&quot;".utf8)
            default: text.append(byte)
            }
        }
    }
}
