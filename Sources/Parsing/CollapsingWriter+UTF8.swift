extension CollapsingWriter {
    /// What UTF-8 check a text passed: used to make its String without the
    /// standard library checking it again.
    enum UTF8Check {
        case ascii
        case wellFormed
        case illFormed
    }

    /// `text` as a String. Swift's own check (in `String(decoding:as:)`) goes
    /// byte by byte, at about nine instructions a byte, through every text that
    /// holds one non-ASCII byte (a curly quote in a long summary); this one skips
    /// ASCII sixteen bytes (two words) at a time. A text it finds well formed is copied as it
    /// is, which is what `String(decoding:as:)` makes of it; anything else goes
    /// there to be repaired.
    static func string(_ text: UnsafeBufferPointer<UInt8>) -> String {
        switch check(text) {
        case .ascii: return copied(text, isASCII: true)
        case .wellFormed: return copied(text, isASCII: false)
        case .illFormed: return String(decoding: text, as: UTF8.self)
        }
    }

    /// `text` as a String when its caller knows the bytes are well formed: only
    /// whether they are ASCII is left to find out, and that stops at the first
    /// byte that is not (the full check goes on through every character of a
    /// Cyrillic, Armenian or Georgian text). FeedAssembler knows it while libxml2
    /// has reported no error in the document: libxml2 hands over bytes it could
    /// not read as UTF-8 as they are, but only after reporting them, and what
    /// the scanner and writer add (decoded references, spaces) is whole characters.
    static func string(wellFormed text: UnsafeBufferPointer<UInt8>) -> String {
        assert(check(text) != .illFormed, "text taken as well-formed UTF-8 is not")
        return copied(text, isASCII: isASCII(text))
    }

    /// Well-formed UTF-8 copied into a String with no check by the standard library.
    private static func copied(_ text: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
        String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: text), isKnownASCII: isASCII))
    }

    /// Whether every byte is below 0x80, read sixteen bytes (two words) at a time.
    static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let end = text.count
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i &+ 16 <= end {
            let first = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let second = raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
            if (first | second) & highs != 0 { return false }
            i &+= 16
        }
        while i < end {
            if base[i] >= 0x80 { return false }
            i &+= 1
        }
        return true
    }

    /// Well-formed UTF-8 as the Unicode Standard defines it (table 3-7): no
    /// overlong form, no surrogate, nothing above U+10FFFF, no cut sequence.
    static func check(_ text: UnsafeBufferPointer<UInt8>) -> UTF8Check {
        guard let base = text.baseAddress else { return .ascii }
        let raw = UnsafeRawPointer(base)
        let end = text.count
        let highs: UInt64 = 0x8080_8080_8080_8080
        var ascii = true
        var i = 0
        while i < end {
            // (Wrapping arithmetic: offsets into one buffer cannot overflow.)
            while i &+ 16 <= end {
                let first = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let second = raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                if (first | second) & highs != 0 { break }
                i &+= 16
            }
            while i < end && base[i] < 0x80 { i &+= 1 }
            guard i < end else { break }
            ascii = false
            let lead = base[i]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xED: length = 3; high = 0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; low = 0x90
            case 0xF4: length = 4; high = 0x8F
            case 0xF1...0xF3: length = 4
            default: return .illFormed
            }
            guard end - i >= length else { return .illFormed }
            let second = base[i + 1]
            guard second >= low && second <= high else { return .illFormed }
            if length > 2 {
                guard base[i + 2] & 0xC0 == 0x80 else { return .illFormed }
                if length > 3 {
                    guard base[i + 3] & 0xC0 == 0x80 else { return .illFormed }
                }
            }
            i &+= length
        }
        return ascii ? .ascii : .wellFormed
    }
}
