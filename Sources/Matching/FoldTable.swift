/// Precomputed folding of every scalar the region's text uses (U+0000..U+2BFF:
/// Latin, Greek, Cyrillic, Armenian, Georgian incl. Mtavruli, punctuation) plus
/// the ligature and fullwidth blocks, as UTF-8 bytes, and whether each scalar is
/// part of a word. Built once; lookups are two array reads.
struct FoldTable: Sendable {
    static let shared = FoldTable()

    /// Scalars below this value are looked up in the dense table.
    static let denseLimit: UInt32 = 0x2C00
    /// Further blocks kept in the table: alphabetic presentation forms (ﬁ, Armenian
    /// ligatures ﬓ..ﬗ), BOM, halfwidth and fullwidth forms.
    static let extraBlocks: [ClosedRange<UInt32>] = [0xFB00...0xFB4F, 0xFEFF...0xFEFF, 0xFF00...0xFFEF]

    /// `bytes[offsets[k] ..< offsets[k + 1]]` is the folded UTF-8 of table slot k.
    let offsets: [Int32]
    let bytes: [UInt8]
    let isWord: [Bool]
    /// The same per slot in one word, for the normaliser's hot loop: folded
    /// UTF-8 packed little-endian in bits 0..31, its length in bits 32..39
    /// (`long` when over 4 bytes: read `bytes` then), and the `Flag`s above.
    let packed: [UInt64]

    /// Flags of `packed`.
    enum Flag {
        static let word: UInt64 = 1 << 40
        /// Folds to one space (whitespace of any kind).
        static let space: UInt64 = 1 << 41
        /// Folds to '-' (dashes, minus).
        static let hyphen: UInt64 = 1 << 42
        /// A combining mark that is dropped and belongs to the letter before it.
        static let extendsPrevious: UInt64 = 1 << 43
        /// Armenian ւ/Ւ, which becomes վ right after ե.
        static let armenianYiwn: UInt64 = 1 << 44
        /// Folds to several scalars (…, ½, ™), or to one whose word-ness differs
        /// from the scalar's own (ʼ to '): the normaliser then finds the pattern
        /// starts in its output by decoding it.
        static let irregularStart: UInt64 = 1 << 45
    }
    /// The length field and every flag: an entry masked with it equals
    /// `Flag.word | length << 32` only for a word scalar that folds to `length`
    /// bytes with nothing else to do.
    static let plainWordMask: UInt64 = 0xFF << 32 | Flag.word | Flag.space | Flag.hyphen | Flag.extendsPrevious
        | Flag.armenianYiwn | Flag.irregularStart

    /// Value of the length field when the folded form is longer than 4 bytes.
    static let long: UInt64 = 0xFF

    private init() {
        var offsets: [Int32] = [0]
        var bytes: [UInt8] = []
        var isWord: [Bool] = []
        let slots = Array(0..<FoldTable.denseLimit) + FoldTable.extraBlocks.flatMap { Array($0) }
        offsets.reserveCapacity(slots.count + 1)
        for value in slots {
            if let scalar = Unicode.Scalar(value) {
                for folded in ScalarFolding.fold(scalar) {
                    bytes.append(contentsOf: Array(String(folded).utf8))
                }
                isWord.append(ScalarFolding.isWordScalar(scalar))
            } else {
                isWord.append(false) // surrogate code points never occur in a String
            }
            offsets.append(Int32(bytes.count))
        }
        self.offsets = offsets
        self.bytes = bytes
        self.isWord = isWord
        var packed: [UInt64] = []
        packed.reserveCapacity(slots.count)
        for (k, value) in slots.enumerated() {
            let folded = bytes[Int(offsets[k]) ..< Int(offsets[k + 1])]
            var entry: UInt64 = 0
            if folded.count <= 4 {
                for (shift, byte) in folded.enumerated() { entry |= UInt64(byte) << (8 * shift) }
                entry |= UInt64(folded.count) << 32
            } else {
                entry |= FoldTable.long << 32
            }
            if isWord[k] { entry |= Flag.word }
            if folded.elementsEqual([0x20]) { entry |= Flag.space }
            if folded.elementsEqual([0x2D]) { entry |= Flag.hyphen }
            if folded.isEmpty && (0x0300...0x036F).contains(value) { entry |= Flag.extendsPrevious }
            if value == 0x0582 || value == 0x0552 { entry |= Flag.armenianYiwn }
            if !folded.isEmpty && FoldTable.startsDiffer(folded: Array(folded), isWord: isWord[k]) {
                entry |= Flag.irregularStart
            }
            packed.append(entry)
        }
        self.packed = packed
    }

    /// Whether a scalar that folds to `folded` (non-empty UTF-8) does not look,
    /// to a decoder of the output, like one scalar of the same word-ness.
    static func startsDiffer(folded: [UInt8], isWord: Bool) -> Bool {
        let scalars = String(decoding: folded, as: UTF8.self).unicodeScalars
        guard scalars.count == 1, let only = scalars.first else { return true }
        return ScalarFolding.isWordScalar(only) != isWord
    }

    /// The table slot of a scalar value, or nil when it is not in the table.
    @inline(__always)
    static func slot(_ value: UInt32) -> Int? {
        if value < denseLimit { return Int(value) }
        var base = Int(denseLimit)
        for block in extraBlocks {
            if block.contains(value) { return base + Int(value - block.lowerBound) }
            base += block.count
        }
        return nil
    }

    /// Whether a scalar (of normalised or original text) is a letter, digit or mark.
    @inline(__always)
    func isWordScalar(_ value: UInt32) -> Bool {
        if let k = FoldTable.slot(value) { return isWord[k] }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return ScalarFolding.isWordScalar(scalar)
    }
}
