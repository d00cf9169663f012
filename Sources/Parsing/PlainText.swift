import Foundation

/// Turns feed text into the plain text FeedModel promises: tags stripped,
/// entities decoded, whitespace collapsed (HTMLTextScanner, CollapsingWriter).
enum PlainText {
    /// HTML (or text that may hold entities and tags) to plain text.
    static func fromHTML(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { fromHTML($0) }
    }

    static func fromHTML(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        // Most titles hold neither markup nor entities: only collapse them.
        guard let base = buffer.baseAddress,
              memchr(base, 0x3C, buffer.count) != nil || memchr(base, 0x26, buffer.count) != nil else {
            return collapsed(buffer)
        }
        return HTMLTextScanner.text(of: buffer)
    }

    /// Text taken literally (Atom type="text"): only whitespace is collapsed.
    static func literal(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { collapsed($0) }
    }

    static func literal(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        collapsed(bytes)
    }

    /// Every run of whitespace as one space, both ends trimmed.
    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
            var writer = CollapsingWriter(into: buffer)
            _ = writer.append(bytes, from: 0, stopAtMarkup: false)
            return writer.string()
        }
    }
}
