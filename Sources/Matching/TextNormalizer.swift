/// The one normaliser for spellings and item text alike, so both meet in the
/// same form:
/// - compatibility forms (ﬁ, fullwidth, NBSP) to their plain letters; case
///   folded without locale; Latin/Greek/Cyrillic diacritics dropped (ş -> s,
///   ё -> е) but й kept; ə, ı-less letters etc. stay letters of their own;
/// - İ, I and ı all become i (Azerbaijani/Turkish dotted and dotless i meet;
///   accepted trade-off: words differing only by ı/i are no longer told apart);
/// - Armenian և, եւ and ԵՎ all become եվ; the in-word marks ՛ ՜ ՞ ՟ are deleted;
/// - Georgian Mtavruli capitals become Mkhedruli;
/// - soft hyphen, zero-width space/joiners, word joiner and BOM are deleted;
/// - typographic apostrophes become ', dashes become -, and a hyphen between
///   two letters becomes a space (so "Nagorno-Karabakh" and "Nagorno Karabakh"
///   meet); runs of whitespace become one space.
/// ASCII runs through a byte loop; other scalars through `FoldTable`.
public struct TextNormalizer: Sendable {
    private let table: FoldTable

    public init() {
        table = FoldTable.shared
    }

    /// Normalises a spelling or term: like text, without surrounding spaces.
    public func normalizeSpelling(_ spelling: String) -> [UInt8] {
        var bytes = normalize(spelling).bytes[...]
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        return Array(bytes)
    }

    public func normalize(_ text: String) -> NormalizedText {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { normalize(utf8: $0) } ?? NormalizedText()
    }

    /// ASCII folding: lowercase, whitespace and controls to space, ` to '.
    private static let asciiMap: [UInt8] = (0..<128).map { (b: Int) -> UInt8 in
        switch b {
        case 0x41...0x5A: return UInt8(b + 0x20)
        case 0x09...0x0D, 0x20: return 0x20
        case 0x60: return 0x27
        default: return UInt8(b)
        }
    }

    private static let asciiIsWord: [Bool] = (0..<128).map { (b: Int) -> Bool in
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }

    func normalize(utf8 src: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        let n = src.count
        var out: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        out.reserveCapacity(n + 16)
        starts.reserveCapacity(n + 16)
        ends.reserveCapacity(n + 16)

        // Index in `out` of a '-' that followed a letter; turned into a space if
        // a letter comes next.
        var pendingHyphen = -1
        var lastWasWord = false
        // Start in `out` of the last emitted scalar, for the contextual rules.
        var lastScalarStart = -1

        let asciiMap = TextNormalizer.asciiMap
        let asciiIsWord = TextNormalizer.asciiIsWord
        let offsets = table.offsets
        let folded = table.bytes
        let isWordTable = table.isWord

        var i = 0
        while i < n {
            let b = src[i]
            if b < 0x80 {
                let m = asciiMap[Int(b)]
                let word = asciiIsWord[Int(b)]
                if m == 0x20 {
                    if out.last == 0x20 { ends[ends.count - 1] = Int32(i + 1) } else {
                        lastScalarStart = out.count
                        out.append(0x20); starts.append(Int32(i)); ends.append(Int32(i + 1))
                    }
                    pendingHyphen = -1
                } else {
                    if word, pendingHyphen >= 0 { out[pendingHyphen] = 0x20 }
                    pendingHyphen = (m == 0x2D && lastWasWord) ? out.count : -1
                    lastScalarStart = out.count
                    out.append(m); starts.append(Int32(i)); ends.append(Int32(i + 1))
                }
                lastWasWord = word
                i += 1
                continue
            }

            let (value, length) = TextNormalizer.decode(src, at: i)
            let end = Int32(i + length)
            let word: Bool
            var replacement: ArraySlice<UInt8>
            if let k = FoldTable.slot(value) {
                replacement = folded[Int(offsets[k]) ..< Int(offsets[k + 1])]
                word = isWordTable[k]
            } else {
                replacement = TextNormalizer.foldOutsideTable(value)
                word = table.isWordScalar(value)
            }

            if replacement.isEmpty {
                // Deleted. A combining mark belongs to the letter before it, so
                // a hit on that letter covers the mark too.
                if (0x0300...0x036F).contains(value), !ends.isEmpty {
                    ends[ends.count - 1] = end
                    // и + combining breve is й, which is kept as a letter.
                    if value == 0x0306, lastScalarStart >= 0, out.count - lastScalarStart == 2,
                       out[lastScalarStart] == 0xD0, out[lastScalarStart + 1] == 0xB8 {
                        out[lastScalarStart + 1] = 0xB9
                    }
                }
                i += length
                continue
            }
            // Classical Armenian եւ is the same as և and ԵՎ: fold ւ after ե to վ.
            if value == 0x0582 || value == 0x0552, lastScalarStart >= 0, out.count - lastScalarStart == 2,
               out[lastScalarStart] == 0xD5, out[lastScalarStart + 1] == 0xA5 {
                replacement = [0xD5, 0xBE][...]
            }
            if replacement.count == 1 && replacement.first == 0x20 {
                if out.last == 0x20 { ends[ends.count - 1] = end } else {
                    lastScalarStart = out.count
                    out.append(0x20); starts.append(Int32(i)); ends.append(end)
                }
                pendingHyphen = -1
            } else {
                if word, pendingHyphen >= 0 { out[pendingHyphen] = 0x20 }
                pendingHyphen = (replacement.count == 1 && replacement.first == 0x2D && lastWasWord) ? out.count : -1
                lastScalarStart = out.count
                for byte in replacement {
                    out.append(byte); starts.append(Int32(i)); ends.append(end)
                }
            }
            lastWasWord = word
            i += length
        }
        return NormalizedText(bytes: out, starts: starts, ends: ends)
    }

    /// Scalars outside the table (CJK, emoji, rare scripts): lowercase only.
    private static func foldOutsideTable(_ value: UInt32) -> ArraySlice<UInt8> {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        if scalar.properties.isWhitespace { return [0x20] }
        if scalar.properties.changesWhenLowercased {
            return ArraySlice(scalar.properties.lowercaseMapping.utf8)
        }
        return ArraySlice(String(scalar).utf8)
    }

    /// Decodes the scalar starting at `i` of valid UTF-8 (a String's storage).
    @inline(__always)
    static func decode(_ src: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(src[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            return (((b0 & 0x1F) << 6) | (UInt32(src[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(src[i + 1]) & 0x3F) << 6) | (UInt32(src[i + 2]) & 0x3F), 3)
        }
        return (((b0 & 0x07) << 18) | ((UInt32(src[i + 1]) & 0x3F) << 12)
                | ((UInt32(src[i + 2]) & 0x3F) << 6) | (UInt32(src[i + 3]) & 0x3F), 4)
    }
}
