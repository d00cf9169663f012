import FeedModel

/// The text of the open fields, as FeedAssembler collects it from libxml2's
/// text callbacks (about two million per corpus round, most of them one
/// character: "&lt;p&gt;" arrives in three).
///
/// The bytes live in a window of one block of raw memory (SharedBytes), so an
/// append is a capacity test and a copy: no uniqueness check and no call to
/// memcpy for the one- or two-byte runs most callbacks bring. A field's text is
/// read in place (`subscript(from:)`), valid until the next append.
///
/// A field's HTML is not copied out for its MarkupText: `markup(_:)` hands its
/// range over and the window moves past it, so the next fields are written
/// after it in the same block, until a field needs more room than is left.
///
/// A TextBuffer is not copied: FeedAssembler owns the only one (copies would
/// share the block).
struct TextBuffer {
    private var block = SharedBytes(capacity: 4096)
    /// The window's address and size, kept here so that an append reads no class field.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Blocks double as fields need room, up to this size (bigger only for a
    /// bigger field): the memory a document's items keep alive stays near the
    /// size of their HTML.
    private static let largestBlock = 1 << 20

    init() {
        base = block.base
        capacity = block.capacity
    }

    /// `range` of the text (offsets as in `subscript(from:)`) as a MarkupText
    /// that shares the block. Everything written so far is left behind: the
    /// window starts again after it, and offsets taken before no longer hold.
    mutating func markup(_ range: Range<Int>) -> MarkupText {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "TextBuffer: markup outside the text")
        let offset = block.base.distance(to: base)
        let shared = MarkupText(sharing: block, range: (offset + range.lowerBound)..<(offset + range.upperBound))
        base += count
        capacity -= count
        count = 0
        return shared
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        let newCount = count + length
        if newCount > capacity { grow(toHold: newCount) }
        Self.copy(from: UnsafeRawPointer(source), to: UnsafeMutableRawPointer(base + count), count: length)
        count = newCount
    }

    /// Appends `bytes` (not empty) when the text then holds at most `limit`
    /// bytes and the block has room; false, and nothing appended, otherwise.
    /// No call on this path (but memcpy's for runs over 16 bytes): libxml2's
    /// text callback runs it two million times per corpus round.
    @inline(__always)
    mutating func appendWithoutGrowing(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        let start = count
        let newCount = start &+ bytes.count
        guard newCount <= capacity, newCount <= limit, let source = bytes.baseAddress else { return false }
        count = newCount
        Self.copy(from: UnsafeRawPointer(source), to: UnsafeMutableRawPointer(base + start), count: bytes.count)
        return true
    }

    /// Up to 16 bytes without a loop: two loads that may overlap (the first and
    /// the last 8, 4 or 1 bytes), stored at the same offsets, so every byte is
    /// written with its own value. The source is libxml2's and never overlaps the block.
    @inline(__always)
    private static func copy(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count length: Int) {
        if length >= 8 {
            guard length <= 16 else {
                target.copyMemory(from: source, byteCount: length)
                return
            }
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: length - 4, as: UInt32.self)
        } else if length > 0 {
            target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
            target.storeBytes(of: source.load(fromByteOffset: length >> 1, as: UInt8.self), toByteOffset: length >> 1, as: UInt8.self)
            target.storeBytes(of: source.load(fromByteOffset: length - 1, as: UInt8.self), toByteOffset: length - 1, as: UInt8.self)
        }
    }

    /// Bytes from anywhere else (tag names, references): rare next to the callbacks above.
    mutating func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        for byte in bytes { append(byte) }
    }

    /// The text from `start` to the end, valid until the buffer changes.
    subscript(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: count - start)
    }

    /// Forgets the text from `start` on (the field that collected it has ended).
    mutating func removeAll(from start: Int) {
        count = min(count, start)
    }

    /// A new block for the window: the text of the open field moves there; what
    /// was handed over stays in the old block (freed with the last MarkupText
    /// that shares it).
    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let bigger = SharedBytes(capacity: Swift.max(needed, Swift.min(block.capacity * 2, Self.largestBlock)))
        bigger.base.update(from: base, count: count)
        block = bigger
        base = bigger.base
        capacity = bigger.capacity
    }
}
