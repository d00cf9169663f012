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
/// Works on UTF-8 bytes: one read of `FoldTable.packed` per scalar for the
/// region's scripts; Unicode properties only for scalars outside that table.
public struct TextNormalizer: Sendable {
    private let table: FoldTable
    /// Whether plain ASCII goes eight bytes at a time (`ASCIIChunk`); off only
    /// in tests, to compare with the scalar-by-scalar path.
    private let chunked: Bool

    public init() {
        self.init(chunked: true)
    }

    init(chunked: Bool) {
        table = FoldTable.shared
        self.chunked = chunked
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
            table.packed.withUnsafeBufferPointer { packed in
                fold(src, into: &out, packed: packed)
            }
        }
    }

    /// The hot loop: one table read per scalar (`FoldTable.packed`), a byte
    /// store, and bookkeeping only where the text changes shape (a word start,
    /// a dropped or resized scalar, collapsed whitespace). Two fast paths skip
    /// even that: plain ASCII eight bytes at a time (`ASCIIChunk`), and a copy
    /// loop inside words of two- and three-byte scripts; `init(chunked: false)`
    /// turns both off, so tests can compare them with the scalar path.
    private func fold(_ src: UnsafeBufferPointer<UInt8>, into out: inout NormalizedTextBuilder,
                      packed: UnsafeBufferPointer<UInt64>) {
        typealias Flag = FoldTable.Flag
        let n = src.count
        // Invariant: room for every input byte still to come plus 8, which is
        // all that the copying paths need (they never grow the text, and store
        // at most 8 bytes at once); the paths that may grow it reserve more.
        out.reserve(n + 8)
        out.reserveStarts(n + 8)
        var buffer = out.bytes
        var capacity = out.capacity
        var starts = out.starts
        var o = 0
        var startCount = 0
        // Whether the last segment is a copy that the next copied byte continues.
        var copyOpen = false
        // Index in the output of a '-' that followed a letter; turned into a
        // space if a letter comes next.
        var pendingHyphen = -1
        // Whether the last scalar kept was a word scalar, as the input sees it
        // (drives the hyphen rule and so the output) ...
        var lastWasWord = false
        // ... and as a decoder of the output sees it (drives the pattern starts,
        // which must be exactly those of the output). The two differ only after
        // a scalar flagged `irregularStart` (…, ™, ½, ʼ).
        var outputWasWord = false
        // Whether the ASCII fast path just stopped (at `i`, a byte it does not take).
        var runEnded = false

        var i = 0
        while i < n {
            let b = src[i]
            if b < 0x80 {
                // Plain ASCII eight bytes at a time (not right after a hyphen
                // that a letter would turn into a space: the one-byte path
                // below decides that; nor right after a run, which ended at a
                // byte the one-byte path must take).
                if chunked && pendingHyphen < 0 && !runEnded {
                    var chunk = ASCIIChunk(TextNormalizer.load(src, at: i), afterSpace: o > 0 && buffer[o - 1] == 0x20)
                    if chunk.usable > 0 {
                        if !copyOpen {
                            out.appendSegment(OffsetSegment(out: Int32(truncatingIfNeeded: o), original: Int32(truncatingIfNeeded: i),
                                                            originalEnd: -1, isCopy: true))
                            copyOpen = true
                        }
                        var afterWord = outputWasWord
                        while true {
                            // All eight bytes are stored, the usable ones kept: the
                            // capacity invariant leaves room for 8 more than the input.
                            UnsafeMutableRawPointer(buffer + o).storeBytes(of: chunk.lowercased.littleEndian, as: UInt64.self)
                            // One store per byte, kept (counted) where a start is:
                            // no branch per start. `starts` has room for n + 8.
                            let marks = chunk.starts(afterWord: afterWord) >> 7
                            // (Wrapping arithmetic: offsets are bounded by the text's length.)
                            for k in 0 ..< 8 {
                                starts[startCount] = Int32(truncatingIfNeeded: o &+ k)
                                startCount &+= Int(truncatingIfNeeded: (marks >> UInt64(8 * k)) & 1)
                            }
                            let usable = chunk.usable
                            afterWord = chunk.endsInWord
                            let afterSpace = chunk.endsInSpace
                            o &+= usable
                            i &+= usable
                            // A whole chunk is followed by the next one eight bytes on,
                            // so reading that one need not wait for this one's classes.
                            guard usable == 8 else { runEnded = true; break }
                            guard i + 8 <= n else { break }
                            chunk = ASCIIChunk(TextNormalizer.load(src, at: i), afterSpace: afterSpace)
                            guard chunk.usable > 0 else { runEnded = true; break }
                        }
                        lastWasWord = afterWord
                        outputWasWord = afterWord
                        continue
                    }
                }
                runEnded = false
                let entry = packed[Int(b)]
                if entry & Flag.word != 0 {
                    if !lastWasWord {
                        if pendingHyphen >= 0 {
                            // The hyphen becomes a space, which starts no pattern:
                            // its start is the last one recorded.
                            buffer[pendingHyphen] = 0x20
                            pendingHyphen = -1
                            startCount -= 1
                        }
                        lastWasWord = true
                    }
                    if !outputWasWord {
                        starts[startCount] = Int32(truncatingIfNeeded: o)
                        startCount += 1
                        outputWasWord = true
                    }
                } else if entry & Flag.space != 0 {
                    pendingHyphen = -1
                    lastWasWord = false
                    outputWasWord = false
                    if o > 0 && buffer[o - 1] == 0x20 {
                        out.segments[out.segmentCount - 1].originalEnd = Int32(truncatingIfNeeded: i + 1)
                        copyOpen = false
                        i += 1
                        continue
                    }
                } else {
                    pendingHyphen = (entry & Flag.hyphen != 0 && lastWasWord) ? o : -1
                    starts[startCount] = Int32(truncatingIfNeeded: o)
                    startCount += 1
                    lastWasWord = false
                    outputWasWord = false
                }
                if !copyOpen {
                    out.appendSegment(OffsetSegment(out: Int32(truncatingIfNeeded: o), original: Int32(truncatingIfNeeded: i),
                                                    originalEnd: -1, isCopy: true))
                    copyOpen = true
                }
                buffer[o] = UInt8(truncatingIfNeeded: entry)
                o += 1
                i += 1
                continue
            }

            runEnded = false
            let value: UInt32
            let length: Int
            if b < 0xE0 {
                value = ((UInt32(b) & 0x1F) << 6) | (UInt32(src[i + 1]) & 0x3F)
                length = 2
            } else if b < 0xF0 {
                value = ((UInt32(b) & 0x0F) << 12) | ((UInt32(src[i + 1]) & 0x3F) << 6) | (UInt32(src[i + 2]) & 0x3F)
                length = 3
            } else {
                (value, length) = TextNormalizer.decode(src, at: i)
            }
            let end = i + length
            var entry: UInt64
            // Set for a folded form that is not packed in `entry` (longer than 4
            // bytes, or a scalar outside the table).
            var unpacked: [UInt8] = []
            if value < FoldTable.denseLimit {
                entry = packed[Int(value)]
            } else if let k = FoldTable.slot(value) {
                entry = packed[k]
            } else {
                (entry, unpacked) = TextNormalizer.foldOutsideTable(value)
                if FoldTable.startsDiffer(folded: unpacked, isWord: entry & Flag.word != 0) {
                    entry |= Flag.irregularStart
                }
            }
            if (entry >> 32) & 0xFF == FoldTable.long {
                let k = Int(value) < Int(FoldTable.denseLimit) ? Int(value) : FoldTable.slot(value) ?? 0
                unpacked = Array(table.bytes[Int(table.offsets[k]) ..< Int(table.offsets[k + 1])])
            }
            let m = unpacked.isEmpty ? Int((entry >> 32) & 0xFF) : unpacked.count

            if m == 0 {
                // Dropped. A combining mark belongs to the letter before it, so
                // a hit on that letter covers the mark too.
                if entry & Flag.extendsPrevious != 0 && o > 0 {
                    out.segments[out.segmentCount - 1].originalEnd = Int32(truncatingIfNeeded: end)
                    // и + combining breve is й, which is kept as a letter.
                    if value == 0x0306 && o >= 2 && buffer[o - 2] == 0xD0 && buffer[o - 1] == 0xB8 {
                        buffer[o - 1] = 0xB9
                    }
                }
                copyOpen = false
                i = end
                continue
            }
            if entry & Flag.space != 0 {
                pendingHyphen = -1
                lastWasWord = false
                outputWasWord = false
                if o > 0 && buffer[o - 1] == 0x20 {
                    out.segments[out.segmentCount - 1].originalEnd = Int32(truncatingIfNeeded: end)
                } else {
                    out.appendSegment(OffsetSegment(out: Int32(truncatingIfNeeded: o), original: Int32(truncatingIfNeeded: i),
                                                    originalEnd: Int32(truncatingIfNeeded: end), isCopy: false))
                    buffer[o] = 0x20
                    o += 1
                }
                copyOpen = false
                i = end
                continue
            }

            let word = entry & Flag.word != 0
            let irregular = entry & Flag.irregularStart != 0
            if word && !lastWasWord && pendingHyphen >= 0 { buffer[pendingHyphen] = 0x20; startCount -= 1 }
            if !irregular {
                if !(word && outputWasWord) {
                    starts[startCount] = Int32(truncatingIfNeeded: o)
                    startCount += 1
                }
                outputWasWord = word
            }
            pendingHyphen = (entry & Flag.hyphen != 0 && lastWasWord) ? o : -1
            lastWasWord = word
            if o + m + 8 + (n - end) > capacity {
                out.count = o
                out.growBytes(to: max(capacity * 2, o + m + 8 + (n - end)))
                buffer = out.bytes
                capacity = out.capacity
            }
            if m == length {
                if !copyOpen {
                    out.appendSegment(OffsetSegment(out: Int32(truncatingIfNeeded: o), original: Int32(truncatingIfNeeded: i),
                                                    originalEnd: -1, isCopy: true))
                    copyOpen = true
                }
            } else {
                out.appendSegment(OffsetSegment(out: Int32(truncatingIfNeeded: o), original: Int32(truncatingIfNeeded: i),
                                                originalEnd: Int32(truncatingIfNeeded: end), isCopy: false))
                copyOpen = false
            }
            if unpacked.isEmpty {
                var folded = UInt32(truncatingIfNeeded: entry)
                // Classical Armenian եւ is the same as և and ԵՎ: ւ after ե becomes վ.
                if entry & Flag.armenianYiwn != 0 && o >= 2 && buffer[o - 2] == 0xD5 && buffer[o - 1] == 0xA5 {
                    folded = 0xBED5
                }
                UnsafeMutableRawPointer(buffer + o).storeBytes(of: folded.littleEndian, as: UInt32.self)
            } else {
                for (k, byte) in unpacked.enumerated() { buffer[o + k] = byte }
            }
            if irregular {
                // Starts as a decoder of the output finds them, scalar by scalar.
                if startCount + m + (n - end) + 8 > out.startCapacity {
                    out.startCount = startCount
                    out.reserveStarts(m + (n - end) + 8)
                    starts = out.starts
                }
                var k = o
                while k < o + m {
                    let (folded, size) = TextNormalizer.decode(UnsafeBufferPointer(start: buffer, count: o + m), at: k)
                    let isWord = WordBoundary.isWord(folded)
                    if !(isWord && outputWasWord) && folded != 0x20 {
                        starts[startCount] = Int32(truncatingIfNeeded: k)
                        startCount += 1
                    }
                    outputWasWord = isWord
                    k += size
                }
            }
            o += m
            i = end
            // Inside a word of a two- or three-byte script (Cyrillic, Armenian,
            // Georgian), a scalar that folds to one word scalar of its own
            // length with no flag changes nothing but bytes of the copy segment
            // just opened: copy such scalars in a tight loop.
            if chunked && word && copyOpen && !irregular {
                while i < n {
                    let lead = src[i]
                    let size: Int
                    let next: UInt32
                    if lead & 0xE0 == 0xC0 {
                        size = 2
                        next = ((UInt32(lead) & 0x1F) << 6) | (UInt32(src[i + 1]) & 0x3F)
                    } else if lead & 0xF0 == 0xE0 {
                        size = 3
                        next = ((UInt32(lead) & 0x0F) << 12) | ((UInt32(src[i + 1]) & 0x3F) << 6) | (UInt32(src[i + 2]) & 0x3F)
                        guard next < FoldTable.denseLimit else { break }
                    } else {
                        break
                    }
                    let nextEntry = packed[Int(next)]
                    guard nextEntry & FoldTable.plainWordMask == Flag.word | UInt64(size) << 32 else { break }
                    // Four bytes stored, `size` kept: within the capacity invariant.
                    UnsafeMutableRawPointer(buffer + o).storeBytes(of: UInt32(truncatingIfNeeded: nextEntry).littleEndian, as: UInt32.self)
                    o += size
                    i += size
                }
            }
        }
        out.count = o
        out.startCount = startCount
    }

    /// Eight bytes of `src` from `i` as one little-endian word; past the end
    /// zeros (a zero byte ends `ASCIIChunk.usable`).
    @inline(__always)
    static func load(_ src: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        let base = src.baseAddress! + i
        if i + 8 <= src.count { return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) }
        var chunk: UInt64 = 0
        for k in 0 ..< src.count - i { chunk |= UInt64(base[k]) << UInt64(8 * k) }
        return chunk
    }

    /// Scalars outside the table (CJK, emoji, rare scripts): lowercase only.
    /// Returns flags as in `FoldTable.packed` (length field 0) and the bytes,
    /// never empty (only table scalars are deleted).
    private static func foldOutsideTable(_ value: UInt32) -> (UInt64, [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return (FoldTable.Flag.space, [0x20]) }
        if scalar.properties.isWhitespace { return (FoldTable.Flag.space, [0x20]) }
        let flags = ScalarFolding.isWordScalar(scalar) ? FoldTable.Flag.word : 0
        if scalar.properties.changesWhenLowercased {
            let lower = Array(scalar.properties.lowercaseMapping.utf8)
            if !lower.isEmpty { return (flags, lower) }
        }
        return (flags, Array(String(scalar).utf8))
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
