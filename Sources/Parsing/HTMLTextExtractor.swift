import Foundation
internal import CLibXML2

/// Streams an HTML fragment through libxml2's HTML SAX parser and keeps only its
/// text: no tree is built, so a feed's thousands of summaries cost a scan each,
/// not a DOM each. libxml2 knows every HTML named entity, so none is missed.
final class HTMLTextExtractor {
    private(set) var text: [UInt8] = []
    /// Inside script, style, noscript or template: text there is never prose.
    private var skippedDepth = 0

    init(capacity: Int) {
        text.reserveCapacity(capacity)
    }

    /// The text of `bytes` (UTF-8 HTML), block boundaries turned into spaces.
    static func text(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let extractor = HTMLTextExtractor(capacity: bytes.count)
        var handler = htmlSAXHandler()
        handler.startElement = { ctx, name, _ in HTMLTextExtractor.from(ctx)?.start(name) }
        handler.endElement = { ctx, name in HTMLTextExtractor.from(ctx)?.end(name) }
        handler.characters = { ctx, bytes, length in HTMLTextExtractor.from(ctx)?.append(bytes, Int(length)) }
        // Only script and style content arrives as CDATA in HTML: it is dropped.
        handler.cdataBlock = nil
        handler.serror = nil
        handler.error = nil
        handler.warning = nil

        let userData = Unmanaged.passUnretained(extractor).toOpaque()
        guard let context = htmlCreatePushParserCtxt(&handler, userData, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            return Array(bytes)
        }
        defer { htmlFreeParserCtxt(context) }
        htmlCtxtUseOptions(context, Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue))
        bytes.withMemoryRebound(to: CChar.self) { chars in
            _ = htmlParseChunk(context, chars.baseAddress, Int32(chars.count), 1)
        }
        return extractor.text
    }

    private static func from(_ ctx: UnsafeMutableRawPointer?) -> HTMLTextExtractor? {
        guard let ctx else { return nil }
        return Unmanaged<HTMLTextExtractor>.fromOpaque(ctx).takeUnretainedValue()
    }

    private func start(_ name: UnsafePointer<xmlChar>?) {
        guard let name else { return }
        let element = String(cString: name)
        if PlainText.isSkipped(element) {
            skippedDepth += 1
        } else if PlainText.blockElements.contains(element) {
            text.append(32)
        }
    }

    private func end(_ name: UnsafePointer<xmlChar>?) {
        guard let name else { return }
        let element = String(cString: name)
        if PlainText.isSkipped(element) {
            skippedDepth = max(0, skippedDepth - 1)
        } else if PlainText.blockElements.contains(element) {
            text.append(32)
        }
    }

    private func append(_ bytes: UnsafePointer<xmlChar>?, _ length: Int) {
        guard let bytes, length > 0, skippedDepth == 0 else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }
}
