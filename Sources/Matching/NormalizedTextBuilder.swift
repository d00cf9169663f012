/// The output of `TextNormalizer` in raw buffers, reused across fields:
/// - the normalised bytes;
/// - the offset map as `OffsetSegment`s: one per stretch that was copied byte
///   for byte (ASCII, Cyrillic case, Mtavruli) and one per scalar whose folded
///   form has another length, so mostly-unchanged text costs nothing per byte;
/// - `patternStarts`: the normalised offsets where a pattern may start (word
///   starts and punctuation, never inside a word nor at a space), so the trie
///   is walked from there without decoding the text again.
/// Used linearly: create, normalise into it (as often as needed), then either
/// `finish()` or `deallocate()` exactly once.
struct NormalizedTextBuilder {
    var count = 0
    var capacity: Int
    var bytes: UnsafeMutablePointer<UInt8>

    var segmentCount = 0
    var segmentCapacity: Int
    var segments: UnsafeMutablePointer<OffsetSegment>

    var startCount = 0
    var startCapacity: Int
    var starts: UnsafeMutablePointer<Int32>

    /// Whether the buffers are allocated on their own (and freed by
    /// `deallocate()`), or carved from the caller's scratch (see `init(capacity:carving:)`).
    private var ownsBytes = true, ownsSegments = true, ownsStarts = true

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        bytes = .allocate(capacity: self.capacity)
        segmentCapacity = 16
        segments = .allocate(capacity: segmentCapacity)
        startCapacity = self.capacity
        starts = .allocate(capacity: startCapacity)
    }

    /// The three buffers carved from `scratch` (at least `scratchByteCount(capacity:)`
    /// bytes, 16-byte aligned), which the caller frees after `deallocate()`: one
    /// allocation, or none on the stack, per item instead of three. A buffer that
    /// outgrows its part moves to an allocation of its own.
    init(capacity: Int, carving scratch: UnsafeMutableRawPointer) {
        self.capacity = max(capacity, 16)
        segmentCapacity = 16
        startCapacity = self.capacity
        let layout = Self.layout(capacity: self.capacity)
        segments = scratch.bindMemory(to: OffsetSegment.self, capacity: segmentCapacity)
        starts = (scratch + layout.starts).bindMemory(to: Int32.self, capacity: startCapacity)
        bytes = (scratch + layout.bytes).bindMemory(to: UInt8.self, capacity: self.capacity)
        ownsBytes = false
        ownsSegments = false
        ownsStarts = false
    }

    /// The scratch size `init(capacity:carving:)` needs.
    static func scratchByteCount(capacity: Int) -> Int {
        let capacity = max(capacity, 16)
        return layout(capacity: capacity).bytes + capacity
    }

    /// Where the starts and the bytes begin in the scratch: the segments first
    /// (the widest alignment), then the starts, then the bytes.
    private static func layout(capacity: Int) -> (starts: Int, bytes: Int) {
        let starts = 16 * MemoryLayout<OffsetSegment>.stride
        return (starts, starts + capacity * MemoryLayout<Int32>.stride)
    }

    /// Makes room for `extra` more normalised bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { growBytes(to: max(capacity * 2, count + extra)) }
    }

    mutating func growBytes(to newCapacity: Int) {
        bytes = NormalizedTextBuilder.moved(bytes, count: count, to: newCapacity, freeing: ownsBytes)
        ownsBytes = true
        capacity = newCapacity
    }

    /// Makes room for `extra` more pattern starts.
    mutating func reserveStarts(_ extra: Int) {
        if startCount + extra > startCapacity {
            let newCapacity = max(startCapacity * 2, startCount + extra)
            starts = NormalizedTextBuilder.moved(starts, count: startCount, to: newCapacity, freeing: ownsStarts)
            ownsStarts = true
            startCapacity = newCapacity
        }
    }

    /// Appends a segment, growing the buffer when needed (segments are rare).
    @inline(__always)
    mutating func appendSegment(_ segment: OffsetSegment) {
        if segmentCount == segmentCapacity {
            segments = NormalizedTextBuilder.moved(segments, count: segmentCount, to: segmentCapacity * 2,
                                                   freeing: ownsSegments)
            ownsSegments = true
            segmentCapacity *= 2
        }
        segments[segmentCount] = segment
        segmentCount += 1
    }

    private static func moved<T>(_ old: UnsafeMutablePointer<T>, count: Int, to newCapacity: Int,
                                 freeing: Bool) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
        new.moveInitialize(from: old, count: count)
        if freeing { old.deallocate() }
        return new
    }

    mutating func removeAll() {
        count = 0
        segmentCount = 0
        startCount = 0
    }

    /// The normalised bytes so far; valid until the next normalisation or deallocation.
    var normalizedBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes, count: count) }

    /// Normalised offsets where a pattern may start, ascending.
    var patternStarts: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: starts, count: startCount) }

    /// The original UTF-8 byte range behind a non-empty range of normalised
    /// bytes that starts and ends on scalar boundaries.
    func originalRange(of normalized: Range<Int>) -> Range<Int> {
        let first = segmentIndex(of: normalized.lowerBound)
        let lastByte = normalized.upperBound - 1
        var last = first
        while last + 1 < segmentCount && Int(segments[last + 1].out) <= lastByte { last += 1 }
        return segments[first].originalStart(of: normalized.lowerBound)
            ..< segments[last].originalEnd(of: lastByte, segmentEnd: segmentEnd(last))
    }

    /// Where segment `index` ends in normalised bytes.
    private func segmentEnd(_ index: Int) -> Int {
        index + 1 < segmentCount ? Int(segments[index + 1].out) : count
    }

    /// The segment holding normalised byte `offset` (binary search).
    private func segmentIndex(of offset: Int) -> Int {
        var low = 0, high = segmentCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(segments[mid].out) <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Frees the buffers it owns (not the caller's scratch).
    func deallocate() {
        if ownsBytes { bytes.deallocate() }
        if ownsSegments { segments.deallocate() }
        if ownsStarts { starts.deallocate() }
    }

    /// The public form, with the offset map spelled out per byte: every byte
    /// of a scalar maps to that whole scalar's original range.
    mutating func finish() -> NormalizedText {
        let normalized = Array(UnsafeBufferPointer(start: bytes, count: count))
        var startMap: [Int32] = []
        var endMap: [Int32] = []
        startMap.reserveCapacity(count)
        endMap.reserveCapacity(count)
        var k = 0
        for s in 0 ..< segmentCount {
            let segment = segments[s]
            let end = segmentEnd(s)
            while k < end {
                // The scalar at k, cut short by the segment's end just in case.
                let length = min(NormalizedTextBuilder.scalarLength(lead: normalized[k]), end - k)
                let lastByte = k + length - 1
                let range = segment.originalStart(of: k) ..< segment.originalEnd(of: lastByte, segmentEnd: end)
                for _ in 0 ..< length {
                    startMap.append(Int32(truncatingIfNeeded: range.lowerBound))
                    endMap.append(Int32(truncatingIfNeeded: range.upperBound))
                }
                k += length
            }
        }
        deallocate()
        count = 0
        capacity = 0
        segmentCount = 0
        startCount = 0
        return NormalizedText(bytes: normalized, starts: startMap, ends: endMap)
    }

    @inline(__always)
    static func scalarLength(lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
