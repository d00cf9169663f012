import Foundation
internal import CLibXML2

/// What libxml2's SAX callbacks work on: the assembler and the bits of
/// bookkeeping around it. XMLPushParser keeps it behind a pointer, not in a
/// stored property, because libxml2 calls back about two million times per
/// 45 MB (once per text run and per entity: "&lt;p&gt;" is three calls), and
/// every access to a class's stored property pays a dynamic exclusivity check
/// (swift_beginAccess/endAccess: a tenth of all parse time in the profile).
struct SAXState {
    var assembler: FeedAssembler
    let names = InternedNames()
    var errors: [String] = []
    /// The root element's namespace declarations tell RSS 1.0 from 0.90.
    var stackIsEmpty = true
    var context: xmlParserCtxtPtr?

    /// The state a callback's `ctx` (libxml2's user data) points to.
    static func from(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<SAXState>? {
        ctx?.assumingMemoryBound(to: SAXState.self)
    }

    mutating func startElement(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                               _ nbNamespaces: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                               _ nbAttributes: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        var declared: [String] = []
        if stackIsEmpty, let namespaces, nbNamespaces > 0 {
            for index in 0..<nbNamespaces { declared.append(names.string(namespaces[index * 2 + 1])) }
        }
        stackIsEmpty = false
        let names = self.names
        // Attribute Strings are made only when the assembler asks: it needs
        // them for feed elements, not for the markup that fills most documents.
        let element = names.entry(localname)
        let keep = assembler.startElement(uri: names.string(uri), uriKind: names.entry(uri).namespace, name: element.string,
                                          nameKind: element.element, declaredNamespaces: declared,
                                          attributes: { Self.feedAttributes(nbAttributes, attributes, names: names) },
                                          markupAttributes: { Self.attributes(nbAttributes, attributes, names: names) })
        if !keep { xmlStopParser(context) }
    }

    /// The attributes a feed element may need, read from libxml2's array: an
    /// attribute FeedAttributes does not keep is told by its interned name and never becomes a String.
    private static func feedAttributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                       names: InternedNames) -> FeedAttributes? {
        guard let attributes, count > 0 else { return nil }
        var kept: FeedAttributes?
        for index in 0..<count {
            // Five pointers per attribute: localname, prefix, URI, value, end of value.
            let base = index * 5
            let name = names.entry(attributes[base]).attribute, namespace = names.entry(attributes[base + 2]).namespace
            guard FeedAttributes.isKept(name, namespace: namespace),
                  let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            if kept == nil { kept = FeedAttributes() }
            kept?.set(name, namespace: namespace, value: value(UnsafeBufferPointer(start: start, count: end - start)))
        }
        return kept
    }

    private static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Without entity substitution libxml2 hands `&` in attributes over as "&#38;".
        guard let start = bytes.baseAddress, memchr(start, 0x26, bytes.count) != nil else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return ampersandsDecoded(bytes)
    }

    /// Every attribute, for the markup FieldMarkup writes back (a and img only).
    private static func attributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                   names: InternedNames) -> [FeedAssembler.Attribute] {
        guard let attributes, count > 0 else { return [] }
        var list: [FeedAssembler.Attribute] = []
        list.reserveCapacity(count)
        for index in 0..<count {
            // Five pointers per attribute: localname, prefix, URI, value, end of value.
            let base = index * 5
            guard let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            let value = Self.value(UnsafeBufferPointer(start: start, count: end - start))
            list.append(.init(uri: names.string(attributes[base + 2]), name: names.string(attributes[base]), value: value))
        }
        return list
    }

    /// The value with every "&#38;" read as "&", on bytes (Foundation's
    /// contains and replacingOccurrences cost more than the rest of the attribute).
    private static func ampersandsDecoded(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let reference: [UInt8] = Array("&#38;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x26, i + 5 <= bytes.count, bytes[i + 1] == reference[1], bytes[i + 2] == reference[2],
               bytes[i + 3] == reference[3], bytes[i + 4] == reference[4] {
                out.append(0x26)
                i += 5
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func endElement() {
        let (line, column) = position()
        assembler.endElement(line: line, column: column)
    }

    @inline(__always)
    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, _ length: Int) {
        guard let bytes, length > 0 else { return }
        assembler.characters(UnsafeBufferPointer(start: bytes, count: length))
    }

    /// A CDATA section's text is text like any other (rare next to `characters`).
    @inline(never)
    mutating func cdata(_ bytes: UnsafePointer<xmlChar>?, _ length: Int) {
        characters(bytes, length)
    }

    mutating func record(_ error: xmlErrorPtr?) {
        guard let error else { return }
        assembler.libxml2ReportedError()
        let message = error.pointee.message.map { Self.trimmed(String(cString: $0)) } ?? "error \(error.pointee.code)"
        errors.append("\(error.pointee.line):\(error.pointee.int2): \(message)")
        if let text = BrokenReference.text(for: error, context: context) {
            text.withUnsafeBufferPointer { assembler.characters($0) }
        }
    }

    /// The message without the whitespace around it. libxml2's messages are
    /// ASCII but for the odd name they quote: ASCII whitespace is cut here, and
    /// Foundation's trimming (slower, on every error of a broken feed) runs only
    /// when an end is not ASCII.
    private static func trimmed(_ message: String) -> String {
        var bytes = Substring(message).utf8
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
        while let first = bytes.first, isSpace(first) { bytes.removeFirst() }
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        if let first = bytes.first, let last = bytes.last, first >= 0x80 || last >= 0x80 {
            return message.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return String(Substring(bytes))
    }

    func position() -> (Int, Int) {
        guard let context else { return (0, 0) }
        return (Int(xmlSAX2GetLineNumber(context)), Int(xmlSAX2GetColumnNumber(context)))
    }
}
