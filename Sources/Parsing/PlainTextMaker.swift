import Foundation

/// Makes plain text by PlainText's rules for one field after another, in
/// memory kept from one field to the next: a summary or content needed a heap
/// block of its own for the text and another for HTMLTextScanner's open
/// elements. FeedAssembler keeps one per document.
final class PlainTextMaker {
    /// Whether the bytes handed in are known to be well-formed UTF-8, which
    /// spares the full check when the text becomes a String (see
    /// CollapsingWriter.string(wellFormed:)). Off unless its owner knows.
    var inputIsWellFormed = false
    private var output: UnsafeMutablePointer<UInt8>
    private var outputCapacity: Int
    private var elements = HTMLTextScanner.OpenElements()

    init() {
        outputCapacity = 1024
        output = .allocate(capacity: outputCapacity)
    }

    deinit {
        output.deallocate()
        elements.deallocate()
    }

    /// HTML (or text that may hold entities and tags) to plain text.
    func fromHTML(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        // Most titles hold neither markup nor entities: only collapse them.
        guard let base = buffer.baseAddress,
              memchr(base, 0x3C, buffer.count) != nil || memchr(base, 0x26, buffer.count) != nil else {
            return literal(buffer)
        }
        return HTMLTextScanner.text(of: buffer, into: room(HTMLTextScanner.capacity(for: buffer)),
                                    elements: &elements, wellFormed: inputIsWellFormed)
    }

    /// Text taken literally (Atom type="text"): every run of whitespace as one
    /// space, both ends trimmed.
    func literal(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        return collapsing(bytes) { $0.string(wellFormed: inputIsWellFormed) }
    }

    /// `body` given the writer that holds `bytes` collapsed as `literal` collapses
    /// them, for a caller that reads the bytes without a String (dates).
    func collapsing<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (CollapsingWriter) -> Result) -> Result {
        var writer = CollapsingWriter(into: room(bytes.count))
        _ = writer.append(bytes, from: 0, stopAtMarkup: false)
        return body(writer)
    }

    /// At least `capacity` bytes to write into, valid until the next call.
    private func room(_ capacity: Int) -> UnsafeMutableBufferPointer<UInt8> {
        if capacity > outputCapacity {
            output.deallocate()
            outputCapacity = max(capacity, outputCapacity * 2)
            output = .allocate(capacity: outputCapacity)
        }
        return UnsafeMutableBufferPointer(start: output, count: capacity)
    }
}
