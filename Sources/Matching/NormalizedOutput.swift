/// Where `TextNormalizer` writes: normalised bytes, with or without the map
/// back to the original offsets. The matcher normalises every field without
/// the map and builds it only for fields that have hits, since writing two
/// offsets per byte cost more than the folding itself.
protocol NormalizedOutput {
    var count: Int { get }
    var last: UInt8? { get }
    /// Makes room for `extra` more bytes.
    mutating func reserve(_ extra: Int)
    /// Appends one byte that came from original bytes `start ..< end`; the
    /// caller has reserved room for it.
    mutating func append(_ byte: UInt8, start: Int, end: Int)
    func byte(at index: Int) -> UInt8
    mutating func setByte(_ byte: UInt8, at index: Int)
    /// Extends the original range of the last byte to `end`.
    mutating func extendLast(to end: Int)
    mutating func removeAll()
    /// The normalised bytes so far; valid until the next append or deallocation.
    var normalizedBytes: UnsafeBufferPointer<UInt8> { get }
}

extension NormalizedTextBuilder: NormalizedOutput {}
