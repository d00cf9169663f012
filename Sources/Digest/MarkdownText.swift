import Foundation

/// Turns untrusted text (titles, names, links from feeds) into Markdown that shows it as written
/// and cannot inject links, images, HTML or emphasis.
enum MarkdownText {
    /// Backslash-escapes what Markdown would read as syntax; line breaks become spaces
    /// so a title cannot end the list item.
    static func escape(_ text: String) -> String {
        // Most titles and names need nothing: one pass over the bytes finds out.
        guard text.utf8.contains(where: { needsLook[Int($0)] }) else { return text }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\", "[", "]", "*", "_", "`", "<", ">", "~":
                out.append("\\")
                out.append(scalar)
            case "\n" where afterCR:
                continue // "\r\n" is one break, one space
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}":
                out.append(" ")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` without leading and trailing white space; the text itself when it has none
    /// (the common case, without Foundation's character-set walk).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Printable ASCII that a Markdown link destination can hold as it is.
    private static let plainLinkByte: [Bool] = (0..<256).map { byte in
        byte > 0x20 && byte < 0x7F && !Array(" ()<>\\\"`[]".utf8).contains(UInt8(byte))
    }

    /// Bytes that may need escaping: the ASCII specials, line breaks, and 0xE2 (the lead byte
    /// of U+2028 and U+2029).
    private static let needsLook: [Bool] = (0..<256).map { byte in
        Array("\\[]*_`<>~\n\r\t".utf8).contains(UInt8(byte)) || byte == 0xE2
    }

    /// The link as a Markdown destination, or nil when it must not become a link
    /// (javascript:, data:, relative, ...). Characters that would end or break the
    /// destination are percent-encoded.
    static func linkDestination(_ link: String) -> String? {
        let trimmed = trimmed(link)
        guard let colon = trimmed.firstIndex(of: ":"),
              ["http", "https", "file"].contains(trimmed[..<colon].lowercased()),
              trimmed.index(after: colon) < trimmed.endIndex
        else { return nil }
        // Most links are plain printable ASCII with nothing to encode.
        if trimmed.utf8.allSatisfy({ plainLinkByte[Int($0)] }) { return trimmed }
        var out = ""
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case " ", "(", ")", "<", ">", "\\", "\"", "`", "[", "]":
                out += percentEncoded(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F
                    || (scalar.value > 0x7F && scalar.properties.isWhitespace):
                out += percentEncoded(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf8.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return "%" + (hex.count == 1 ? "0" + hex : hex)
        }.joined()
    }
}
