/// Eight bytes of text read as one machine word (little-endian: the first byte
/// lowest), classified all at once, for the normaliser's fast path over plain
/// ASCII: letters, digits, single spaces and punctuation that folds to itself.
/// Each class is a mask with the top bit of every byte in it set.
///
/// Why the arithmetic is exact: with the top bits masked off every byte is
/// below 0x80, so adding a constant below 0x80 to it never carries into the
/// next byte, and the sum's top bit says "byte >= 0x80 - constant".
struct ASCIIChunk {
    static let tops: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    let bytes: UInt64
    /// A-Z, a-z, 0-9: word bytes, which fold to their lowercase.
    let word: UInt64
    let upper: UInt64
    let space: UInt64
    /// Printable ASCII punctuation other than '-' and '`': it folds to itself,
    /// is no word byte and no space, and every one is a pattern start.
    let punctuation: UInt64
    /// How many bytes from the first are usable by the fast path: word bytes,
    /// punctuation, and spaces that do not follow a space (in the chunk, or
    /// before it when `afterSpace`). The first other byte (non-ASCII, controls,
    /// tabs and newlines, '-', '`', a second space) ends it.
    let usable: Int

    @inline(__always)
    init(_ bytes: UInt64, afterSpace: Bool) {
        self.bytes = bytes
        let ascii = ~bytes & ASCIIChunk.tops
        let low = bytes & ~ASCIIChunk.tops
        // Top bit set where the byte is >= c.
        @inline(__always) func atLeast(_ c: UInt64) -> UInt64 { low &+ (0x80 - c) &* ASCIIChunk.ones }
        // Top bit set where the byte is == c (x ^ c is zero only there).
        @inline(__always) func equal(_ c: UInt64) -> UInt64 { ~((low ^ (c &* ASCIIChunk.ones)) &+ 0x7F7F_7F7F_7F7F_7F7F) }
        let upper = atLeast(0x41) & ~atLeast(0x5B) & ascii
        let lower = atLeast(0x61) & ~atLeast(0x7B)
        let digit = atLeast(0x30) & ~atLeast(0x3A)
        let word = (upper | lower | digit) & ascii
        let printable = atLeast(0x21) & ~atLeast(0x7F)
        let punctuation = printable & ~word & ~equal(0x2D) & ~equal(0x60) & ascii
        let space = equal(0x20) & ascii
        let doubled = space & (space << 8 | (afterSpace ? 0x80 : 0))
        let good = (word | punctuation | space) & ~doubled
        self.word = word
        self.upper = upper
        self.space = space
        self.punctuation = punctuation
        usable = (~good & ASCIIChunk.tops).trailingZeroBitCount >> 3
    }

    /// The folded bytes: 'A'...'Z' plus 0x20 (the top bit of `upper` shifted
    /// down to 0x20), everything else as it is.
    @inline(__always)
    var lowercased: UInt64 { bytes &+ (upper >> 2) }

    /// The pattern starts among the first `usable` bytes (top bits): a word byte
    /// after a non-word byte (before the chunk: unless `afterWord`), and every
    /// punctuation byte.
    @inline(__always)
    func starts(afterWord: Bool) -> UInt64 {
        let previousIsWord = word << 8 | (afterWord ? 0x80 : 0)
        let prefix: UInt64 = usable == 8 ? ~0 : (1 << UInt64(8 * usable)) &- 1
        return ((word & ~previousIsWord) | punctuation) & prefix
    }

    /// Whether the last usable byte is a space (`usable` > 0).
    @inline(__always)
    var endsInSpace: Bool { (space >> UInt64(8 * usable - 1)) & 1 != 0 }

    /// Whether the last usable byte is a word byte (`usable` > 0).
    @inline(__always)
    var endsInWord: Bool { (word >> UInt64(8 * usable - 1)) & 1 != 0 }
}
