/// The growing output of `TextNormalizer`: normalised bytes and, per byte, the
/// original range it came from. Raw buffers instead of three Arrays because
/// appending to Arrays byte by byte was the normaliser's main cost.
/// Used linearly: create, append (and `removeAll()` to reuse), then either
/// `finish()` or `deallocate()` exactly once.
struct NormalizedTextBuilder {
    private(set) var count = 0
    private var capacity: Int
    private var bytes: UnsafeMutablePointer<UInt8>
    private var starts: UnsafeMutablePointer<Int32>
    private var ends: UnsafeMutablePointer<Int32>

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        bytes = .allocate(capacity: self.capacity)
        starts = .allocate(capacity: self.capacity)
        ends = .allocate(capacity: self.capacity)
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: max(capacity * 2, count + extra)) }
    }

    private mutating func grow(to newCapacity: Int) {
        func moved<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let new = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
            new.moveInitialize(from: old, count: count)
            old.deallocate()
            return new
        }
        bytes = moved(bytes)
        starts = moved(starts)
        ends = moved(ends)
        capacity = newCapacity
    }

    /// Appends one byte; the caller has reserved room for it.
    @inline(__always)
    mutating func append(_ byte: UInt8, start: Int, end: Int) {
        bytes[count] = byte
        starts[count] = Int32(truncatingIfNeeded: start)
        ends[count] = Int32(truncatingIfNeeded: end)
        count += 1
    }

    @inline(__always)
    func byte(at index: Int) -> UInt8 { bytes[index] }

    @inline(__always)
    mutating func setByte(_ byte: UInt8, at index: Int) { bytes[index] = byte }

    /// Extends the original range of the last byte to `end`.
    @inline(__always)
    mutating func extendLast(to end: Int) { ends[count - 1] = Int32(truncatingIfNeeded: end) }

    var last: UInt8? { count > 0 ? bytes[count - 1] : nil }

    mutating func removeAll() { count = 0 }

    /// The normalised bytes so far; valid until the next append or deallocation.
    var normalizedBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: count) }

    /// The original UTF-8 byte range behind a non-empty range of normalised bytes.
    func originalRange(of normalized: Range<Int>) -> Range<Int> {
        Int(starts[normalized.lowerBound]) ..< Int(ends[normalized.upperBound - 1])
    }

    func deallocate() {
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    mutating func finish() -> NormalizedText {
        let result = NormalizedText(bytes: Array(UnsafeBufferPointer(start: bytes, count: count)),
                                    starts: Array(UnsafeBufferPointer(start: starts, count: count)),
                                    ends: Array(UnsafeBufferPointer(start: ends, count: count)))
        deallocate()
        count = 0
        capacity = 0
        return result
    }
}
