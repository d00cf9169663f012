import Foundation
import FeedModel
internal import CLibXML2

/// Owns one libxml2 push-parser context and feeds its SAX2 events to a
/// FeedAssembler (inside a SAXState, which it also owns).
final class XMLPushParser {
    static let chunkSize = 64 * 1024
    /// Documents up to this size go to libxml2 in one push that also ends the
    /// document: with the end in sight libxml2 no longer looks ahead for the end
    /// of every tag and text run before parsing it (xmlParseLookupSequence, about
    /// 15 % of libxml2's instructions over the corpus with 64 KiB chunks). Bigger
    /// documents go in chunks, so that libxml2 never holds a second copy of them.
    static let wholeDocumentLimit = 16 * 1024 * 1024
    static let libraryReady: Bool = {
        // Must run once before libxml2 is used from several threads.
        xmlInitParser()
        return true
    }()

    /// libxml2's user data: allocated here, freed in deinit (see SAXState for why).
    private let state: UnsafeMutablePointer<SAXState>
    private let plan: EncodingPlan
    /// Self.wholeDocumentLimit but for tests, which push small documents in chunks too.
    private let wholeLimit: Int

    init(options: ParseOptions, plan: EncodingPlan, wholeDocumentLimit: Int = XMLPushParser.wholeDocumentLimit) {
        _ = Self.libraryReady
        state = .allocate(capacity: 1)
        state.initialize(to: SAXState(assembler: FeedAssembler(options: options)))
        self.plan = plan
        self.wholeLimit = wholeDocumentLimit
    }

    deinit {
        if let context = state.pointee.context {
            xmlFreeParserCtxt(context)
        }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var outcome: FeedAssembler.Outcome { state.pointee.assembler.outcome }

    func finish() -> ParsedFeed { state.pointee.assembler.finish() }

    /// Parses all of `data`; errors libxml2 forgave end up in the assembler's warnings.
    /// Documents up to the whole-document limit go in one push that also ends them.
    func parse(_ data: Data) {
        guard data.count <= wholeLimit, data.count > 0 else {
            data.withUnsafeBytes { push($0) }
            end()
            return
        }
        if state.pointee.context == nil { begin() }
        guard let context = state.pointee.context else { return }
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            xmlParseChunk(context, base, Int32(raw.count), 1)
        }
        closeOpenElements()
    }

    /// Whether libxml2 has given up (a fatal error it cannot recover from, or not a feed).
    private(set) var isStopped = false

    /// Feeds the next bytes of the document; the first call creates the parser.
    /// Memory stays bounded: libxml2 keeps only what it has not consumed yet.
    func push(_ raw: UnsafeRawBufferPointer) {
        if state.pointee.context == nil { begin() }
        guard !isStopped, let context = state.pointee.context,
              let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
        var offset = 0
        while offset < raw.count {
            let size = min(Self.chunkSize, raw.count - offset)
            let status = xmlParseChunk(context, base + offset, Int32(size), 0)
            offset += size
            if status != 0, context.pointee.disableSAX != 0 || context.pointee.instate == XML_PARSER_EOF {
                isStopped = true
                return
            }
        }
    }

    /// Ends the document: what a truncated document left open is closed.
    func end() {
        if state.pointee.context == nil { begin() }
        guard let context = state.pointee.context else { return }
        xmlParseChunk(context, nil, 0, 1)
        closeOpenElements()
    }

    /// What a truncated document left open is closed, at the position libxml2 stopped.
    private func closeOpenElements() {
        let (line, column) = state.pointee.position()
        state.pointee.assembler.closeOpenElements(line: line, column: column)
    }

    private func begin() {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { ctx, localname, _, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            SAXState.from(ctx)?.pointee.startElement(localname, uri, Int(nbNamespaces), namespaces, Int(nbAttributes), attributes)
        }
        handler.endElementNs = { ctx, _, _, _ in
            SAXState.from(ctx)?.pointee.endElement()
        }
        handler.characters = { ctx, bytes, length in
            SAXState.from(ctx)?.pointee.characters(bytes, Int(length))
        }
        // Not the same closure as `characters`: the compiler would merge the two
        // into one function that both C entry points call, a call per text callback more.
        handler.cdataBlock = { ctx, bytes, length in
            SAXState.from(ctx)?.pointee.cdata(bytes, Int(length))
        }
        handler.serror = { ctx, error in
            SAXState.from(ctx)?.pointee.record(error)
        }
        // No entityDecl/getEntity handlers: declared entities are never stored,
        // so none is ever expanded (no billion laughs, no external entities).

        let userData = UnsafeMutableRawPointer(state)
        guard let context = xmlCreatePushParserCtxt(&handler, userData, nil, 0, nil) else {
            state.pointee.assembler.warn(line: 0, column: 0, "libxml2 could not create a parser")
            isStopped = true
            return
        }
        state.pointee.context = context
        var options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        if plan.ignoreDeclaredEncoding { options |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        xmlCtxtUseOptions(context, options)
        if let encoding = plan.encoding {
            if let encoder = xmlFindCharEncodingHandler(encoding) {
                xmlSwitchToEncoding(context, encoder)
            } else {
                state.pointee.assembler.warn(line: 0, column: 0, "unknown encoding \"\(encoding)\"; read as declared")
            }
        }
        if let warning = plan.warning { state.pointee.assembler.warn(line: 1, column: 1, warning) }
    }

    /// Warnings in document order: libxml2's complaints merged with the assembler's.
    var warnings: [String] {
        func line(_ warning: String) -> Int { Int(warning.prefix { $0 != ":" }) ?? 0 }
        return (state.pointee.errors + state.pointee.assembler.warnings).enumerated()
            .sorted { (line($0.element), $0.offset) < (line($1.element), $1.offset) }
            .map(\.element)
    }
}
