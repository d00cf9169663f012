/// Writes text into a buffer its caller sized, turning every run of whitespace
/// (ASCII, NBSP and the Unicode spaces feeds use) into one ASCII space and
/// dropping it at both ends. One pass, no intermediate array: this runs over
/// every byte of every title, summary and content of every poll.
///
/// What is written never holds two spaces in a row nor starts with one. A
/// space is written as soon as whitespace is read (after anything but a
/// space), so that no byte needs a "space owed" test; `string()` cuts the one
/// a text may end with.
///
/// Callers size the buffer so that what is left to read always fits: every
/// byte read writes at most one (a character reference at most 1.2 times its
/// length, which HTMLTextScanner allows for).
struct CollapsingWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    init(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.base = buffer.baseAddress!
        self.capacity = buffer.count
    }

    /// A word boundary (whitespace, or the edge of a block element).
    @inline(__always)
    mutating func space() {
        guard count > 0, base[count - 1] != 32 else { return }
        precondition(count < capacity, "CollapsingWriter: buffer sized too small")
        base[count] = 32
        count += 1
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        precondition(count < capacity, "CollapsingWriter: buffer sized too small")
        base[count] = byte
        count += 1
    }

    /// Appends `bytes[start...]`, or up to the first `<` or `&` when
    /// `stopAtMarkup`; returns where it stopped. (Inlined: a call per text run
    /// of the scanner cost more than the run's words.)
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stopAtMarkup: Bool) -> Int {
        let end = bytes.count
        // Every byte below writes at most one: checked once for the whole run.
        precondition(count + (end - start) <= capacity, "CollapsingWriter: buffer sized too small")
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let out = base
        var o = count
        var i = start
        defer { count = o }
        // A space first in the run after a space (or at the start) is dropped: the
        // first chunk marks it. No later chunk needs that test: after a whole chunk
        // a space after a space is a pair the chunk marked, and after the byte
        // rules either the output ends in no space or the input in no space.
        var lead: UInt64 = start < end && bytes[start] == 0x20 && (o == 0 || out[o - 1] == 32) ? 0xFF : 0
        while i < end {
            // Sixteen bytes at a time (SSE2 compares; vector against vector, as a
            // scalar operand makes Swift compare lane by lane): the chunk is stored
            // whole and the bytes before its first mark are kept. A mark falls on
            // every byte that may need a decision (the first of two spaces rather
            // than the second: the byte rules below handle either) and never on
            // a byte before that, so what is kept is what the byte rules write.
            // (Wrapping arithmetic: offsets into the two buffers cannot overflow, and
            // the overflow checks were a third of the loop.)
            while i &+ 17 <= end {
                let chunk = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let next = raw.loadUnaligned(fromByteOffset: i &+ 1, as: SIMD16<UInt8>.self)
                let marks = Self.decisions(chunk, next, stopAtMarkup: stopAtMarkup)
                UnsafeMutableRawPointer(out + o).storeBytes(of: chunk, as: SIMD16<UInt8>.self)
                let halves = unsafeBitCast(marks, to: SIMD2<UInt64>.self)
                let low = halves[0] | lead
                lead = 0
                if low | halves[1] == 0 {
                    o &+= 16
                    i &+= 16
                    continue
                }
                let plain = low != 0 ? low.trailingZeroBitCount >> 3 : 8 &+ halves[1].trailingZeroBitCount >> 3
                o &+= plain
                i &+= plain
                // Most runs end here, at the tag after them: no need for the byte rules.
                if stopAtMarkup && bytes[i] == 0x3C { return i }
                break
            }
            // The last bytes, eight at a time, the same way with bit masks (`marks` has
            // the high bit of each byte needing a decision). After a mark in the loop
            // above there are 17 bytes left: its byte goes straight to the byte rules.
            if i &+ 17 > end {
                while i + 8 <= end {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    var marks = Self.decisions(word, stopAtMarkup: stopAtMarkup)
                    // A space first in the word after a space (or at the start) is dropped.
                    if word & 0xFF == 0x20 && (o == 0 || out[o - 1] == 32) { marks |= 0x80 }
                    UnsafeMutableRawPointer(out + o).storeBytes(of: word.littleEndian, as: UInt64.self)
                    if marks == 0 {
                        o += 8
                        i += 8
                        continue
                    }
                    let plain = marks.trailingZeroBitCount >> 3
                    o += plain
                    i += plain
                    break
                }
            }
            guard i < end else { break }
            // One character by the byte rules, then words again.
            let c = bytes[i]
            if c > 0x20 && c < 0xC2 && (!stopAtMarkup || (c != 0x3C && c != 0x26)) {
                out[o] = c
                o += 1
                i += 1
                continue
            }
            if stopAtMarkup && (c == 0x3C || c == 0x26) { return i }
            var width = Self.spaceWidth(bytes, at: i)
            if width > 0 {
                if o > 0 && out[o - 1] != 32 {
                    out[o] = 32
                    o += 1
                }
                // The whole run of whitespace at once (indentation between tags).
                repeat {
                    i += width
                    width = i < end ? Self.spaceWidth(bytes, at: i) : 0
                } while width > 0
                // Whitespace between tags ("</p>\n<p>", indentation) is common: its tag
                // is seen here rather than by one more chunk whose first byte is the mark.
                if stopAtMarkup && i < end && bytes[i] == 0x3C { return i }
            } else {
                out[o] = c
                o += 1
                i += 1
            }
        }
        return i
    }

    /// 0xFF on every byte of `chunk` that may need a decision: below 0x20, a
    /// space followed by a space (`next` is the chunk one byte on), `<` or `&`
    /// when markup stops the run, and 0xC2, 0xE2, 0xE3 (where the non-ASCII
    /// spaces start).
    @inline(__always)
    private static func decisions(_ chunk: SIMD16<UInt8>, _ next: SIMD16<UInt8>, stopAtMarkup: Bool) -> SIMDMask<SIMD16<Int8>> {
        typealias Bytes = SIMD16<UInt8>
        let space = Bytes(repeating: 0x20)
        var marks = (chunk .< space) .| ((chunk .== space) .& (next .== space))
        // 0xC2 and 0xE2 are one test: 0xC2 | 0x20 is 0xE2.
        marks .|= (chunk | space) .== Bytes(repeating: 0xE2)
        marks .|= chunk .== Bytes(repeating: 0xE3)
        if stopAtMarkup {
            marks .|= (chunk .== Bytes(repeating: 0x3C)) .| (chunk .== Bytes(repeating: 0x26))
        }
        return marks
    }

    /// A mark (the high bit) on every byte of `word` that needs a decision:
    /// below 0x20, the second of two spaces, `<` or `&` when markup stops the
    /// run, and the first bytes of the non-ASCII spaces (0xC2, 0xE2, 0xE3). A
    /// mark may also fall on a byte that needs none (the byte rules then keep
    /// it), but never misses one: the bytes before the lowest mark are plain.
    ///
    /// "A byte equal to v" is the borrow of `(word ^ v) - 0x01...` into its high
    /// bit; a byte of 0x80 or above would raise that bit too, so words holding
    /// non-ASCII bytes also clear the marks of bytes whose own high bit is set.
    @inline(__always)
    private static func decisions(_ word: UInt64, stopAtMarkup: Bool) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        if word & highs == 0 {
            var marks = word &- ones &* 0x20
            let spaces = ((word ^ (ones &* 0x20)) &- ones) & highs
            marks |= spaces & (spaces << 8)
            if stopAtMarkup { marks |= ((word ^ (ones &* 0x3C)) &- ones) | ((word ^ (ones &* 0x26)) &- ones) }
            return marks & highs
        }
        let low = ~word & highs
        var marks = (word &- ones &* 0x20) & low
        let spaces = ((word ^ (ones &* 0x20)) &- ones) & low
        marks |= spaces & (spaces << 8)
        if stopAtMarkup {
            marks |= ((word ^ (ones &* 0x3C)) &- ones) & low
            marks |= ((word ^ (ones &* 0x26)) &- ones) & low
        }
        // 0xC2 and 0xE2 are one test: 0xC2 | 0x20 is 0xE2; their own high bit is set.
        let leads = word | (ones &* 0x20)
        marks |= ((leads ^ (ones &* 0xE2)) &- ones) & ~(leads ^ (ones &* 0xE2)) & highs
        marks |= ((word ^ (ones &* 0xE3)) &- ones) & ~(word ^ (ones &* 0xE3)) & highs
        return marks
    }

    /// A decoded character reference: "&nbsp;" and "&#10;" are whitespace too.
    mutating func append(scalar: Unicode.Scalar) {
        if Self.isSpace(scalar) {
            space()
        } else {
            for byte in UTF8.encode(scalar)! { append(byte) }
        }
    }

    /// `count` bytes (at most eight, none of them whitespace) packed little-endian in `word`.
    @inline(__always)
    mutating func append(utf8 word: UInt64, count: Int) {
        for index in 0..<count { append(UInt8(truncatingIfNeeded: word >> UInt64(8 * index))) }
    }

    mutating func append(_ string: String) {
        for scalar in string.unicodeScalars { append(scalar: scalar) }
    }

    /// The characters spaceWidth recognises, as scalars.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 9...13, 32, 0x85, 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x3000: return true
        default: return false
        }
    }

    /// Bytes taken by the whitespace character at `i`, 0 when there is none.
    @inline(__always)
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = bytes[i]
        let end = bytes.count
        if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 || c == 11 { return 1 }
        if c == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0x85 { return 2 }
        if c == 0xE2, i + 2 < end, bytes[i + 1] == 0x80,
           (0x80...0x8A).contains(bytes[i + 2]) || bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 || bytes[i + 2] == 0xAF {
            return 3
        }
        if c == 0xE3, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// The bytes written so far, without a trailing space.
    var text: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count > 0 && base[count - 1] == 32 ? count - 1 : count)
    }

    /// The text written so far, without a trailing space. `wellFormed`: the
    /// caller knows the bytes read were well-formed UTF-8 (see string(wellFormed:)).
    func string(wellFormed: Bool) -> String {
        wellFormed ? Self.string(wellFormed: text) : Self.string(text)
    }
}
