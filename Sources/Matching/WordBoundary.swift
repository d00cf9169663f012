/// Word boundaries on normalised UTF-8: a hit must not start or end inside a
/// word, judged on Unicode letters, digits and marks (so `ალიევ` does not
/// match inside `ვალიევა`, nor `nato` inside `senator`).
enum WordBoundary {
    @inline(__always)
    static func isWord(_ value: UInt32) -> Bool {
        if value < 0x80 { return isASCIIWord(UInt8(value)) }
        return FoldTable.shared.isWordScalar(value)
    }

    @inline(__always)
    static func isASCIIWord(_ b: UInt8) -> Bool {
        b &- 0x61 < 26 || b &- 0x41 < 26 || b &- 0x30 < 10
    }

    /// The scalar that ends just before `offset`, or nil at the start.
    static func scalar(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes)?.value
    }

    /// The scalar that starts at `offset` and its length, or nil at the end.
    static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int)? {
        guard offset < bytes.count else { return nil }
        let (value, length) = TextNormalizer.decode(bytes, at: offset)
        return (value, length)
    }

    /// Whether the pattern's last scalar is a word scalar (only then does a
    /// boundary after it matter: `C++` may touch letters).
    static func endsWithWord(_ pattern: [UInt8]) -> Bool {
        pattern.withUnsafeBufferPointer { scalar(before: $0.count, in: $0).map(isWord) ?? false }
    }

    /// Where a stem's word ends: after at most `maxSuffix` more word scalars
    /// from `offset`, or nil if the word goes on longer.
    static func stemEnd(from offset: Int, in bytes: UnsafeBufferPointer<UInt8>, maxSuffix: Int) -> Int? {
        var position = offset
        var letters = 0
        while let (value, length) = scalar(at: position, in: bytes), isWord(value) {
            letters += 1
            if letters > maxSuffix { return nil }
            position += length
        }
        return position
    }
}
