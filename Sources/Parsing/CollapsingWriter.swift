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
    /// `stopAtMarkup`; returns where it stopped.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stopAtMarkup: Bool) -> Int {
        let end = bytes.count
        // Every byte below writes at most one: checked once for the whole run.
        precondition(count + (end - start) <= capacity, "CollapsingWriter: buffer sized too small")
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let out = base
        var o = count
        var i = start
        defer { count = o }
        while i < end {
            // Eight bytes at a time while they are plain ASCII words with single
            // spaces between them: most of the text of most feeds.
            while i + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                guard Self.isPlain(word, stopAtMarkup: stopAtMarkup) else { break }
                if UInt64(littleEndian: word) & 0xFF == 0x20 && (o == 0 || out[o - 1] == 32) { break }
                UnsafeMutableRawPointer(out + o).storeBytes(of: word, as: UInt64.self)
                o += 8
                i += 8
            }
            // Then byte by byte up to eight bytes, before trying words again.
            let stop = min(end, i + 8)
            while i < stop {
                let c = bytes[i]
                if c > 0x20 && c < 0xC2 && (!stopAtMarkup || (c != 0x3C && c != 0x26)) {
                    out[o] = c
                    o += 1
                    i += 1
                    continue
                }
                if stopAtMarkup && (c == 0x3C || c == 0x26) { return i }
                let width = Self.spaceWidth(bytes, at: i)
                if width > 0 {
                    if o > 0 && out[o - 1] != 32 {
                        out[o] = 32
                        o += 1
                    }
                    i += width
                } else {
                    out[o] = c
                    o += 1
                    i += 1
                }
            }
        }
        return i
    }

    /// No byte of `word` needs a decision: all ASCII above 0x20 or a space
    /// (never two in a row), and no `<` or `&` when markup stops the run.
    ///
    /// Once no byte has its high bit set, "a byte equal to v" is the borrow of
    /// `(word ^ v) - 0x01...` into its high bit: two operations per test. A
    /// borrow may also mark the byte above a match (a false alarm, sending the
    /// word to the byte loop, which decides exactly), never miss a match.
    @inline(__always)
    private static func isPlain(_ word: UInt64, stopAtMarkup: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        if word & highs != 0 { return false }
        // Any byte below 0x20.
        if (word &- ones &* 0x20) & highs != 0 { return false }
        let spaces = ((word ^ (ones &* 0x20)) &- ones) & highs
        if spaces & (spaces << 8) != 0 { return false }
        if stopAtMarkup && (((word ^ (ones &* 0x3C)) &- ones) | ((word ^ (ones &* 0x26)) &- ones)) & highs != 0 {
            return false
        }
        return true
    }

    /// A decoded character reference: "&nbsp;" and "&#10;" are whitespace too.
    mutating func append(scalar: Unicode.Scalar) {
        if Self.isSpace(scalar) {
            space()
        } else {
            for byte in UTF8.encode(scalar)! { append(byte) }
        }
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

    /// The text written so far, without a trailing space.
    func string() -> String {
        let length = count > 0 && base[count - 1] == 32 ? count - 1 : count
        return String(decoding: UnsafeBufferPointer(start: base, count: length), as: UTF8.self)
    }
}
