/// A MinHash signature of an item's title and text, for finding items about the same event.
///
/// Text is normalised cheaply and the same way in every script (Latin, Cyrillic, Armenian,
/// Georgian, Azerbaijani Latin): lower case, letters and digits only, everything else splits
/// words. The shingles are word pairs (a text of one word is that word). Each of the
/// `count` slots keeps the smallest hash of any shingle under its own mixing function, so
/// the share of equal slots of two signatures estimates the Jaccard similarity of their
/// shingle sets.
struct StoryFingerprint: Sendable, Equatable {
    static let count = 64
    /// Fixed, so a signature means the same in every run: odd multipliers and offsets drawn
    /// from splitmix64.
    static let multipliers: [UInt64] = (0..<UInt64(count)).map { mix($0 &+ 0x5EED) | 1 }
    static let offsets: [UInt64] = (0..<UInt64(count)).map { mix($0 &+ 0xB0B0_5EED) }
    /// Slots per band for candidate pairs: two items sharing any band are compared.
    static let bandWidth = 2

    var slots: [UInt64]

    /// nil when the text has no words: such an item joins no story.
    init?(text: String) {
        let words = Self.words(of: text)
        guard !words.isEmpty else { return nil }
        var shingles: [UInt64] = []
        if words.count == 1 {
            shingles = words
        } else {
            shingles.reserveCapacity(words.count - 1)
            for index in 1..<words.count {
                shingles.append(Self.mix(words[index - 1] &* 31 ^ words[index]))
            }
        }
        var slots = [UInt64](repeating: .max, count: Self.count)
        slots.withUnsafeMutableBufferPointer { slots in
            Self.multipliers.withUnsafeBufferPointer { multipliers in
                Self.offsets.withUnsafeBufferPointer { offsets in
                    for shingle in shingles {
                        let x = Self.mix(shingle)
                        // Slot i hashes with its own odd multiplier and offset (a·x + b mod 2^64):
                        // one multiply-add per slot instead of a full mix.
                        for slot in 0..<Self.count {
                            let value = multipliers[slot] &* x &+ offsets[slot]
                            if value < slots[slot] { slots[slot] = value }
                        }
                    }
                }
            }
        }
        self.slots = slots
    }

    /// The estimated Jaccard similarity of the two shingle sets.
    func similarity(to other: StoryFingerprint) -> Double {
        var equal = 0
        for index in 0..<Self.count where slots[index] == other.slots[index] { equal += 1 }
        return Double(equal) / Double(Self.count)
    }

    /// The band keys of this signature, one per band.
    var bands: [UInt64] {
        stride(from: 0, to: Self.count, by: Self.bandWidth).map { start in
            var key = UInt64(start)
            for slot in start..<(start + Self.bandWidth) { key = Self.mix(key ^ slots[slot]) }
            return key
        }
    }

    /// Each word of the normalised text as a 64-bit FNV-1a hash of its lower-case scalars.
    static func words(of text: String) -> [UInt64] {
        var words: [UInt64] = []
        var hash: UInt64 = 0
        var inWord = false
        func add(_ scalar: Unicode.Scalar) {
            if !inWord { hash = 0xCBF2_9CE4_8422_2325; inWord = true }
            hash = (hash ^ UInt64(scalar.value)) &* 0x0100_0000_01B3
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: add(scalar)
                case 0x41...0x5A: add(Unicode.Scalar(value + 0x20)!)
                default:
                    if inWord { words.append(hash); inWord = false }
                }
            } else if value < Self.tableEnd {
                let action = Self.table[Int(value)]
                switch action {
                case Self.separator:
                    if inWord { words.append(hash); inWord = false }
                case Self.mark:
                    continue
                case Self.complex:
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars
                    where lower.properties.isAlphabetic || lower.properties.numericType != nil {
                        add(lower)
                    }
                default:
                    add(Unicode.Scalar(action)!)
                }
            } else if let lower = Self.knownLowercase(value) {
                add(Unicode.Scalar(lower)!)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // Only capitals pay for the mapping (a String). İ gives i and a combining dot,
                // which is not a letter of its own and is dropped with the other marks.
                if scalar.properties.changesWhenLowercased {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars
                    where lower.properties.isAlphabetic || lower.properties.numericType != nil {
                        add(lower)
                    }
                } else {
                    add(scalar)
                }
            } else if scalar.properties.generalCategory == .nonspacingMark
                        || scalar.properties.generalCategory == .spacingMark {
                // Marks stay inside their word (Georgian and Armenian have none that matter;
                // a decomposed accent must not split a word).
                continue
            } else if inWord {
                words.append(hash)
                inWord = false
            }
        }
        if inWord { words.append(hash) }
        return words
    }

    /// What `words(of:)` does with each scalar from U+0080 up to `tableEnd` (Latin, IPA with ə,
    /// Greek, Cyrillic, Armenian, Georgian, ...), worked out once by the general path below so
    /// the result is the same, without a Unicode property lookup per letter: the scalar to add
    /// to the word, or `separator`, `mark` (nothing) or `complex` (a lower case of several scalars).
    static let tableEnd: UInt32 = 0x1100
    static let separator: UInt32 = .max, mark: UInt32 = .max - 1, complex: UInt32 = .max - 2
    static let table: [UInt32] = (0..<tableEnd).map { value in
        guard value >= 0x80, let scalar = Unicode.Scalar(value) else { return separator }
        if let lower = knownLowercase(value) { return lower }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            guard properties.changesWhenLowercased else { return value }
            let lower = Array(properties.lowercaseMapping.unicodeScalars)
                .filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            switch lower.count {
            case 0: return mark
            case 1: return lower[0].value
            default: return complex
            }
        }
        let category = properties.generalCategory
        return category == .nonspacingMark || category == .spacingMark ? mark : separator
    }

    /// The lower-case letter for the letters of the region's scripts, without a property lookup
    /// (the lookups cost more than everything else here): Latin-1, Cyrillic, Armenian and
    /// Georgian. nil for anything else, which takes the general path.
    static func knownLowercase(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x00DF...0x00F6, 0x00F8...0x00FF,       // Latin-1 lower case (ç ö ü ß ...)
             0x0430...0x045F,                        // Cyrillic lower case
             0x0561...0x0587,                        // Armenian lower case
             0x10D0...0x10FA, 0x10FD...0x10FF:       // Georgian Mkhedruli (no case)
            return value
        case 0x00C0...0x00D6, 0x00D8...0x00DE: return value + 0x20     // Latin-1 capitals
        case 0x0410...0x042F: return value + 0x20                       // А-Я
        case 0x0400...0x040F: return value + 0x50                       // Ѐ-Џ
        case 0x0531...0x0556: return value + 0x30                       // Armenian capitals
        default: return nil
        }
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
