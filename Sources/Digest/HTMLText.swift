/// Untrusted text (titles, names, links from feeds) as HTML text and attribute values.
enum HTMLText {
    /// For element content: `&`, `<` and `>` escaped; control characters (other than tab and
    /// line breaks) dropped, as they are not allowed in HTML.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { needsLook[Int($0)] }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// For a double-quoted attribute value (the same escaping: quotes are escaped too).
    static func attribute(_ text: String) -> String { escape(text) }

    /// Bytes that may need escaping.
    private static let needsLook: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x7F || Array("&<>\"'".utf8).contains(UInt8(byte))
    }
}
