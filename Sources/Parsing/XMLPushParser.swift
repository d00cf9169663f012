import Foundation
internal import CLibXML2

/// Owns one libxml2 push-parser context and feeds its SAX2 events to a FeedAssembler.
final class XMLPushParser {
    static let chunkSize = 64 * 1024
    static let libraryReady: Bool = {
        // Must run once before libxml2 is used from several threads.
        xmlInitParser()
        return true
    }()

    var assembler: FeedAssembler
    private var context: xmlParserCtxtPtr?
    private let plan: EncodingPlan
    /// libxml2 interns names and URIs in a dictionary: one String per pointer.
    private var names: [UnsafeRawPointer: String] = [:]
    private var errors: [String] = []
    /// The root element's namespace declarations tell RSS 1.0 from 0.90.
    private var stackIsEmpty = true

    init(options: ParseOptions, plan: EncodingPlan) {
        _ = Self.libraryReady
        self.assembler = FeedAssembler(options: options)
        self.plan = plan
    }

    deinit {
        if let context {
            xmlFreeParserCtxt(context)
        }
    }

    /// Parses all of `data`; errors libxml2 forgave end up in the assembler's warnings.
    func parse(_ data: Data) {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, _, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            XMLPushParser.from(ctx)?.startElement(localname, uri, Int(nbNamespaces), namespaces, Int(nbAttributes), attributes)
        }
        handler.endElementNs = { ctx, _, _, _ in
            XMLPushParser.from(ctx)?.endElement()
        }
        handler.characters = { ctx, bytes, length in
            XMLPushParser.from(ctx)?.characters(bytes, Int(length))
        }
        handler.cdataBlock = { ctx, bytes, length in
            XMLPushParser.from(ctx)?.characters(bytes, Int(length))
        }
        handler.serror = { ctx, error in
            XMLPushParser.from(ctx)?.record(error)
        }
        // No entityDecl/getEntity handlers: declared entities are never stored,
        // so none is ever expanded (no billion laughs, no external entities).

        let userData = Unmanaged.passUnretained(self).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, userData, nil, 0, nil) else {
            assembler.warn(line: 0, column: 0, "libxml2 could not create a parser")
            return
        }
        self.context = context
        var options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        if plan.ignoreDeclaredEncoding { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        xmlCtxtUseOptions(context, options)
        if let encoding = plan.encoding {
            if let encoder = xmlFindCharEncodingHandler(encoding) {
                xmlSwitchToEncoding(context, encoder)
            } else {
                assembler.warn(line: 0, column: 0, "unknown encoding \"\(encoding)\"; read as declared")
            }
        }
        if let warning = plan.warning { assembler.warn(line: 1, column: 1, warning) }

        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            var offset = 0
            while offset < raw.count {
                let size = min(Self.chunkSize, raw.count - offset)
                let status = xmlParseChunk(context, base + offset, Int32(size), 0)
                offset += size
                if status != 0, context.pointee.disableSAX != 0 || context.pointee.instate == XML_PARSER_EOF { return }
            }
        }
        xmlParseChunk(context, nil, 0, 1)
        let (line, column) = position()
        assembler.closeOpenElements(line: line, column: column)
    }

    /// Warnings in document order: libxml2's complaints merged with the assembler's.
    var warnings: [String] {
        func line(_ warning: String) -> Int { Int(warning.prefix { $0 != ":" }) ?? 0 }
        return (errors + assembler.warnings).enumerated()
            .sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }
            .map(\.element)
    }

    // MARK: callbacks

    private static func from(_ ctx: UnsafeMutableRawPointer?) -> XMLPushParser? {
        guard let ctx else { return nil }
        return Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
    }

    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let known = names[key] { return known }
        let string = String(cString: pointer)
        names[key] = string
        return string
    }

    private func startElement(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
                              _ nbNamespaces: Int, _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              _ nbAttributes: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        var declared: [String] = []
        if stackIsEmpty, let namespaces, nbNamespaces > 0 {
            for index in 0..<nbNamespaces { declared.append(name(namespaces[index * 2 + 1])) }
        }
        stackIsEmpty = false
        let elementURI = name(uri), elementName = name(localname)
        // Attribute Strings are made only when the assembler asks: it needs
        // them for feed elements, not for the markup that fills most documents.
        let keep = assembler.startElement(uri: elementURI, name: elementName, declaredNamespaces: declared) {
            self.attributes(nbAttributes, attributes)
        }
        if !keep { xmlStopParser(context) }
    }

    private func attributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [FeedAssembler.Attribute] {
        guard let attributes, count > 0 else { return [] }
        var list: [FeedAssembler.Attribute] = []
        list.reserveCapacity(count)
        for index in 0..<count {
            // Five pointers per attribute: localname, prefix, URI, value, end of value.
            let base = index * 5
            guard let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            let bytes = UnsafeBufferPointer(start: start, count: end - start)
            var value = String(decoding: bytes, as: UTF8.self)
            // Without entity substitution libxml2 hands `&` in attributes over as "&#38;".
            if memchr(start, 0x26, bytes.count) != nil, value.contains("&#38;") {
                value = value.replacingOccurrences(of: "&#38;", with: "&")
            }
            list.append(.init(uri: name(attributes[base + 2]), name: name(attributes[base]), value: value))
        }
        return list
    }

    private func endElement() {
        let (line, column) = position()
        assembler.endElement(line: line, column: column)
    }

    private func characters(_ bytes: UnsafePointer<xmlChar>?, _ length: Int) {
        guard let bytes, length > 0 else { return }
        assembler.characters(UnsafeBufferPointer(start: bytes, count: length))
    }

    private func record(_ error: xmlErrorPtr?) {
        guard let error else { return }
        let message = error.pointee.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "error \(error.pointee.code)"
        errors.append("\(error.pointee.line):\(error.pointee.int2): \(message)")
    }

    private func position() -> (Int, Int) {
        guard let context else { return (0, 0) }
        return (Int(xmlSAX2GetLineNumber(context)), Int(xmlSAX2GetColumnNumber(context)))
    }
}
