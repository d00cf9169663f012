import Foundation

/// Turns feed text into the plain text FeedModel promises: tags stripped,
/// entities decoded, whitespace collapsed (HTMLTextScanner, CollapsingWriter).
/// For one text at a time; a document's fields go through FeedAssembler's PlainTextMaker.
enum PlainText {
    /// HTML (or text that may hold entities and tags) to plain text.
    static func fromHTML(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { fromHTML($0) }
    }

    static func fromHTML(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        PlainTextMaker().fromHTML(buffer)
    }

    /// Text taken literally (Atom type="text"): only whitespace is collapsed.
    static func literal(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { literal($0) }
    }

    static func literal(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        PlainTextMaker().literal(bytes)
    }
}
