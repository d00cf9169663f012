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
        var out = NormalizedTextBuilder(capacity: text.utf8.count + 16)
        normalize(text, into: &out)
        return out.finish()
    }

    /// Normalises `text` into `out`, replacing what it held; lets the matcher
    /// reuse one buffer for all fields of an item.
    func normalize(_ text: String, into out: inout NormalizedTextBuilder) {
        var text = text
        text.makeContiguousUTF8()
        out.removeAll()
        text.utf8.withContiguousStorageIfAvailable { src in
            table.offsets.withUnsafeBufferPointer { offsets in
                table.bytes.withUnsafeBufferPointer { folded in
                    table.isWord.withUnsafeBufferPointer { isWordTable in
                        normalize(utf8: src, into: &out, offsets: offsets, folded: folded, isWordTable: isWordTable)
                    }
                }
            }
        }
    }

    private func normalize(utf8 src: UnsafeBufferPointer<UInt8>, into out: inout NormalizedTextBuilder,
                           offsets: UnsafeBufferPointer<Int32>, folded: UnsafeBufferPointer<UInt8>,
                           isWordTable: UnsafeBufferPointer<Bool>) {
        let n = src.count
        // Invariant: room for at least one byte per input byte still to come,
        // which is all the ASCII path ever needs; expansions reserve more.
        out.reserve(n + 16)

        // Index in `out` of a '-' that followed a letter; turned into a space if
        // a letter comes next.
        var pendingHyphen = -1
        var lastWasWord = false
        // Start in `out` of the last emitted scalar, for the contextual rules.
        var lastScalarStart = -1

        var i = 0
        while i < n {
            let b = src[i]
            if b < 0x80 {
                var m = b
                let word: Bool
                if b &- 0x61 < 26 || b &- 0x30 < 10 {
                    word = true
                } else if b &- 0x41 < 26 {
                    m = b | 0x20
                    word = true
                } else {
                    word = false
                    if b == 0x20 || b &- 0x09 < 5 { m = 0x20 } else if b == 0x60 { m = 0x27 }
                }
                if m == 0x20 {
                    if out.last == 0x20 { out.extendLast(to: i + 1) } else {
                        lastScalarStart = out.count
                        out.append(0x20, start: i, end: i + 1)
                    }
                    pendingHyphen = -1
                } else {
                    if word, pendingHyphen >= 0 { out.setByte(0x20, at: pendingHyphen) }
                    pendingHyphen = (m == 0x2D && lastWasWord) ? out.count : -1
                    lastScalarStart = out.count
                    out.append(m, start: i, end: i + 1)
                }
                lastWasWord = word
                i += 1
                continue
            }

            let (value, length) = TextNormalizer.decode(src, at: i)
            let end = i + length
            let word: Bool
            var replacement: UnsafeBufferPointer<UInt8>
            var outside: [UInt8] = []
            if let k = FoldTable.slot(value) {
                let from = Int(offsets[k])
                replacement = UnsafeBufferPointer(rebasing: folded[from ..< Int(offsets[k + 1])])
                word = isWordTable[k]
            } else {
                outside = TextNormalizer.foldOutsideTable(value)
                replacement = UnsafeBufferPointer(start: nil, count: 0)
                word = table.isWordScalar(value)
            }
            let replacementCount = outside.isEmpty ? replacement.count : outside.count

            if replacementCount == 0 {
                // Deleted. A combining mark belongs to the letter before it, so
                // a hit on that letter covers the mark too.
                if (0x0300...0x036F).contains(value), out.count > 0 {
                    out.extendLast(to: end)
                    // и + combining breve is й, which is kept as a letter.
                    if value == 0x0306, lastScalarStart >= 0, out.count - lastScalarStart == 2,
                       out.byte(at: lastScalarStart) == 0xD0, out.byte(at: lastScalarStart + 1) == 0xB8 {
                        out.setByte(0xB9, at: lastScalarStart + 1)
                    }
                }
                i = end
                continue
            }
            out.reserve(replacementCount + (n - end))
            // Classical Armenian եւ is the same as և and ԵՎ: fold ւ after ե to վ.
            if value == 0x0582 || value == 0x0552, lastScalarStart >= 0, out.count - lastScalarStart == 2,
               out.byte(at: lastScalarStart) == 0xD5, out.byte(at: lastScalarStart + 1) == 0xA5 {
                outside = [0xD5, 0xBE]
            }
            let first = outside.isEmpty ? replacement[0] : outside[0]
            if replacementCount == 1 && first == 0x20 {
                if out.last == 0x20 { out.extendLast(to: end) } else {
                    lastScalarStart = out.count
                    out.append(0x20, start: i, end: end)
                }
                pendingHyphen = -1
            } else {
                if word, pendingHyphen >= 0 { out.setByte(0x20, at: pendingHyphen) }
                pendingHyphen = (replacementCount == 1 && first == 0x2D && lastWasWord) ? out.count : -1
                lastScalarStart = out.count
                if outside.isEmpty {
                    for byte in replacement { out.append(byte, start: i, end: end) }
                } else {
                    for byte in outside { out.append(byte, start: i, end: end) }
                }
            }
            lastWasWord = word
            i = end
        }
    }

    /// Scalars outside the table (CJK, emoji, rare scripts): lowercase only.
    /// Never empty (only table scalars are deleted).
    private static func foldOutsideTable(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [0x20] }
        if scalar.properties.isWhitespace { return [0x20] }
        if scalar.properties.changesWhenLowercased {
            let lower = Array(scalar.properties.lowercaseMapping.utf8)
            if !lower.isEmpty { return lower }
        }
        return Array(String(scalar).utf8)
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
