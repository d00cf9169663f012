/// The text of the open fields, as FeedAssembler collects it from libxml2's
/// text callbacks (about two million per corpus round, most of them one
/// character: "&lt;p&gt;" arrives in three).
///
/// Array.append(contentsOf:) is generic over sequences and checks uniqueness
/// and capacity in several steps: a third of the time of each callback. Here
/// the bytes live in an array kept at full capacity (zeros past `count`), so an
/// append is a capacity test and a copy, and a field's text is still read as an
/// ArraySlice of it.
struct TextBuffer {
    private var storage: [UInt8] = []
    private(set) var count = 0

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == storage.count { grow(toHold: count + 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let newCount = count + bytes.count
        if newCount > storage.count { grow(toHold: newCount) }
        let start = count
        storage.withUnsafeMutableBufferPointer { buffer in
            (buffer.baseAddress! + start).update(from: source, count: bytes.count)
        }
        count = newCount
    }

    /// Bytes from anywhere else (tag names, references): rare next to the callbacks above.
    mutating func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        for byte in bytes { append(byte) }
    }

    /// The text from `start` to the end.
    subscript(from start: Int) -> ArraySlice<UInt8> {
        storage[start..<count]
    }

    /// Forgets the text from `start` on (the field that collected it has ended).
    mutating func removeAll(from start: Int) {
        count = min(count, start)
    }

    private mutating func grow(toHold needed: Int) {
        let capacity = Swift.max(needed, storage.count * 2, 4096)
        storage.append(contentsOf: repeatElement(0, count: capacity - storage.count))
    }
}
