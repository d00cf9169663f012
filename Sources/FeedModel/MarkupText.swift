import Foundation

/// HTML as a feed sent it (FeedItem.summaryHTML, contentHTML), kept as its UTF-8
/// bytes: most parsed items are never stored (the matcher drops them), so the
/// parser neither copies the bytes out of its buffer (it shares them, see
/// SharedBytes) nor makes a String; those who read it pay for that.
///
/// Equality and hashing are those of the String it reads as (canonical
/// equivalence), so a FeedItem compares as it did when these were Strings.
public struct MarkupText: Sendable, Hashable, CustomStringConvertible {
    private let storage: SharedBytes
    private let start: Int
    /// The length in bytes.
    public let count: Int

    public init(_ string: String) {
        var string = string
        self = string.withUTF8 { MarkupText(utf8: $0) }
    }

    /// Bytes that are UTF-8 (libxml2 hands text over as UTF-8, and the parser
    /// writes whole characters), copied. Were they not, `string` would read each
    /// bad byte as U+FFFD, as `String(decoding:as:)` does.
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        storage = SharedBytes(capacity: bytes.count)
        if let source = bytes.baseAddress { storage.base.update(from: source, count: bytes.count) }
        start = 0
        count = bytes.count
    }

    /// The bytes at `range` of `storage`, shared, not copied: whoever wrote them
    /// must never write that range again.
    public init(sharing storage: SharedBytes, range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= storage.capacity, "MarkupText: range outside its storage")
        self.storage = storage
        start = range.lowerBound
        count = range.count
    }

    /// The bytes, read in place.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: storage.base + start, count: count))
    }

    /// The bytes, copied.
    public var utf8: [UInt8] {
        withUTF8 { Array($0) }
    }

    /// The bytes as a String (validated here, once per read).
    public var string: String {
        withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    public var description: String { string }

    public static func == (lhs: MarkupText, rhs: MarkupText) -> Bool {
        // Equal bytes are equal Strings; different bytes may still be canonically equivalent.
        let sameBytes = lhs.count == rhs.count && lhs.withUTF8 { left in
            rhs.withUTF8 { right in left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
        return sameBytes || lhs.string == rhs.string
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }
}
