/// Writes text into a buffer its caller sized, turning every run of whitespace
/// (ASCII, NBSP and the Unicode spaces feeds use) into one ASCII space and
/// dropping it at both ends. One pass, no intermediate array: this runs over
/// every byte of every title, summary and content of every poll.
struct CollapsingWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0
    private var pendingSpace = false

    init(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.base = buffer.baseAddress!
        self.capacity = buffer.count
    }

    /// A word boundary (whitespace, or the edge of a block element).
    @inline(__always)
    mutating func space() {
        pendingSpace = count > 0
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if pendingSpace {
            base[count] = 32
            count += 1
            pendingSpace = false
        }
        precondition(count < capacity, "CollapsingWriter: buffer sized too small")
        base[count] = byte
        count += 1
    }

    /// Appends `bytes[start...]`, or up to the first `<` or `&` when
    /// `stopAtMarkup`; returns where it stopped.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stopAtMarkup: Bool) -> Int {
        let end = bytes.count
        var i = start
        while i < end {
            // A run of bytes copied as they are: printable ASCII, UTF-8
            // continuation bytes and lead bytes below 0xC2 (no space starts with them).
            let runStart = i
            while i < end {
                let c = bytes[i]
                guard c > 0x20 && c < 0xC2 && (!stopAtMarkup || (c != 0x3C && c != 0x26)) else { break }
                i += 1
            }
            if i > runStart { append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            guard i < end else { break }
            let c = bytes[i]
            if stopAtMarkup && (c == 0x3C || c == 0x26) { return i }
            let width = Self.spaceWidth(bytes, at: i)
            if width > 0 {
                space()
                i += width
            } else {
                append(c)
                i += 1
            }
        }
        return i
    }

    /// Bytes that hold no whitespace, copied at once.
    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        if pendingSpace {
            base[count] = 32
            count += 1
            pendingSpace = false
        }
        precondition(count + run.count <= capacity, "CollapsingWriter: buffer sized too small")
        (base + count).update(from: run.baseAddress!, count: run.count)
        count += run.count
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

    /// The text written so far.
    func string() -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }
}
