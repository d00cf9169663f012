/// One stretch of the offset map from normalised back to original UTF-8 offsets.
/// A copy segment was copied byte for byte (same length per scalar: ASCII,
/// Cyrillic case, Mtavruli to Mkhedruli), so offsets inside it move in step;
/// any other segment is one scalar whose folded form has another length, and all
/// its bytes map to that whole scalar.
struct OffsetSegment {
    /// Where it starts in normalised and in original bytes.
    var out: Int32
    var original: Int32
    /// Where it ends in the original: always set for a one-scalar segment; for a
    /// copy segment only when dropped marks or collapsed whitespace after its last
    /// scalar belong to it (then the last scalar's end reaches there); else -1.
    var originalEnd: Int32
    var isCopy: Bool

    @inline(__always)
    func originalStart(of offset: Int) -> Int {
        isCopy ? Int(original) + (offset - Int(out)) : Int(original)
    }

    /// The original end of the scalar whose last byte is `lastByte`; `segmentEnd`
    /// is where this segment ends in normalised bytes.
    @inline(__always)
    func originalEnd(of lastByte: Int, segmentEnd: Int) -> Int {
        if !isCopy || (originalEnd >= 0 && lastByte == segmentEnd - 1) { return Int(originalEnd) }
        return Int(original) + (lastByte - Int(out)) + 1
    }
}
