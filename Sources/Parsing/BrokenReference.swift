internal import CLibXML2

/// What libxml2 drops from text and feedparser keeps: an HTML entity no DTD
/// declared ("&nbsp;", "&mdash;"), a bare "&", a reference without its ";".
/// libxml2 reports each (in recover mode) right where it stood in the text,
/// after the text before it was delivered, so the bytes given back here go
/// into the text in their place. Only in element content: inside a start tag
/// the text would land in the wrong element.
enum BrokenReference {
    static func text(for error: xmlErrorPtr, context: xmlParserCtxtPtr?) -> [UInt8]? {
        guard let context, context.pointee.instate == XML_PARSER_CONTENT else { return nil }
        switch Int(error.pointee.code) {
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            guard let raw = error.pointee.str1 else { return nil }
            let name = String(cString: raw)
            // An unknown name stays as written, as browsers show it.
            return Array((HTMLEntities.table[name + ";"] ?? "&\(name);").utf8)
        case Int(XML_ERR_NAME_REQUIRED.rawValue):
            // "& " : libxml2 has consumed the ampersand alone.
            return [UInt8(ascii: "&")]
        case Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue):
            // "&b=2": the name was consumed too; take it back from the input.
            guard let input = context.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else { return nil }
            var start = cur
            while start > base, cur - start < 64, start.pointee != UInt8(ascii: "&") { start -= 1 }
            guard start.pointee == UInt8(ascii: "&") else { return nil }
            return Array(UnsafeBufferPointer(start: start, count: cur - start))
        default:
            return nil
        }
    }
}
