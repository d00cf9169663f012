/// Text after `TextNormalizer`, with a way back to the original: for every
/// normalised byte, the UTF-8 byte range of the original scalar(s) it came from.
public struct NormalizedText: Sendable, Equatable {
    /// Normalised UTF-8.
    public var bytes: [UInt8]
    /// `starts[k]`: original UTF-8 offset where the scalar behind byte k begins.
    public var starts: [Int32]
    /// `ends[k]`: original UTF-8 offset where that scalar (and any combining
    /// marks folded away after it) ends.
    public var ends: [Int32]

    public init(bytes: [UInt8] = [], starts: [Int32] = [], ends: [Int32] = []) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    /// The normalised text as a String (for tests and `match --explain`).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The original UTF-8 byte range behind a non-empty range of normalised bytes.
    public func originalRange(of normalized: Range<Int>) -> Range<Int> {
        precondition(!normalized.isEmpty && normalized.upperBound <= bytes.count, "range outside normalised text")
        return Int(starts[normalized.lowerBound]) ..< Int(ends[normalized.upperBound - 1])
    }
}
