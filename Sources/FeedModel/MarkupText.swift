/// HTML as a feed sent it (FeedItem.summaryHTML, contentHTML), kept as its UTF-8
/// bytes: most parsed items are never stored (the matcher drops them), so the
/// parser copies the bytes and leaves making (and validating) a String to those
/// who read it.
///
/// Equality and hashing are those of the String it reads as (canonical
/// equivalence), so a FeedItem compares as it did when these were Strings.
public struct MarkupText: Sendable, Hashable, CustomStringConvertible {
    /// The bytes, UTF-8.
    public let utf8: [UInt8]

    public init(_ string: String) {
        utf8 = Array(string.utf8)
    }

    /// Bytes that are UTF-8 (libxml2 hands text over as UTF-8, and the parser
    /// writes whole characters). Were they not, `string` would read each bad
    /// byte as U+FFFD, as `String(decoding:as:)` does.
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        utf8 = Array(bytes)
    }

    /// The bytes as a String (validated here, once per read).
    public var string: String {
        String(decoding: utf8, as: UTF8.self)
    }

    public var description: String { string }

    public static func == (lhs: MarkupText, rhs: MarkupText) -> Bool {
        // Equal bytes are equal Strings; different bytes may still be canonically equivalent.
        lhs.utf8 == rhs.utf8 || lhs.string == rhs.string
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }
}
