/// Normalised bytes without the offset map (see `NormalizedOutput`).
/// Used linearly like `NormalizedTextBuilder`: create, append (and
/// `removeAll()` to reuse), then `deallocate()` exactly once.
struct NormalizedBytesBuilder: NormalizedOutput {
    private(set) var count = 0
    private var capacity: Int
    private var bytes: UnsafeMutablePointer<UInt8>

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        bytes = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: max(capacity * 2, count + extra)) }
    }

    private mutating func grow(to newCapacity: Int) {
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        new.moveInitialize(from: bytes, count: count)
        bytes.deallocate()
        bytes = new
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8, start: Int, end: Int) {
        bytes[count] = byte
        count += 1
    }

    @inline(__always)
    func byte(at index: Int) -> UInt8 { bytes[index] }

    @inline(__always)
    mutating func setByte(_ byte: UInt8, at index: Int) { bytes[index] = byte }

    @inline(__always)
    mutating func extendLast(to end: Int) {}

    var last: UInt8? { count > 0 ? bytes[count - 1] : nil }

    mutating func removeAll() { count = 0 }

    var normalizedBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: count) }

    func deallocate() { bytes.deallocate() }
}
