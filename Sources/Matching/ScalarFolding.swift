internal import Foundation

/// How one Unicode scalar folds for matching: the scalars it becomes (none =
/// deleted). Computed once per scalar into `FoldTable`, so Foundation's
/// normalisation runs only while the table is built, never per character of text.
enum ScalarFolding {
    /// Scalars that are deleted wherever they stand: soft hyphen, zero-width
    /// space/non-joiner/joiner, word joiner, BOM, and the Armenian marks that
    /// sit inside words (emphasis ՛, exclamation ՜, question ՞, abbreviation ՟).
    static let deleted: Set<UInt32> = [
        0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF,
        0x055B, 0x055C, 0x055E, 0x055F,
    ]

    /// Typographic apostrophes that feeds put inside names (Qarabağ’ın).
    static let apostrophes: Set<UInt32> = [0x2019, 0x02BC, 0x2018, 0x0060, 0x2032]

    /// The folded form of one scalar, as scalars.
    static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let v = scalar.value
        if deleted.contains(v) { return [] }
        if apostrophes.contains(v) { return ["'"] }
        if (0x2010...0x2015).contains(v) || v == 0x2212 { return ["-"] }
        if scalar.properties.isWhitespace { return [" "] }
        // Turkish/Azerbaijani: İ, I and ı all meet at i (accepted trade-off:
        // "ılham" and "ilham" become the same word).
        if v == 0x0130 || v == 0x0049 || v == 0x0131 { return ["i"] }
        // Russian й is a letter of its own, not и with a breve.
        if v == 0x0419 || v == 0x0439 { return ["\u{0439}"] }
        // Armenian ligature և: NFKC gives եւ, capitals give ԵՎ; all meet at եվ.
        if v == 0x0587 { return ["\u{0565}", "\u{057E}"] }
        // Georgian Mtavruli capitals fold down to Mkhedruli.
        if (0x1C90...0x1CBF).contains(v), let m = Unicode.Scalar(v - 0x1C90 + 0x10D0) { return [m] }
        // Combining diacritics of Latin, Greek and Cyrillic are dropped
        // (ş -> s, ё -> е); other scripts' marks are kept.
        if (0x0300...0x036F).contains(v) { return [] }

        let compatible = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
        if compatible.count == 1 && compatible.first == scalar {
            return lowercase(scalar)
        }
        // A compatibility form (ﬁ, ｆｕｌｌｗｉｄｔｈ, Ǆ, é ...): fold its parts.
        var out: [Unicode.Scalar] = []
        for part in compatible {
            out.append(contentsOf: part == scalar ? lowercase(part) : fold(part))
        }
        return out
    }

    /// Lowercasing of a scalar that has no decomposition; the result is folded
    /// again in case it has one (e.g. Ё lowercases to ё which drops its diaeresis).
    private static func lowercase(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        guard scalar.properties.changesWhenLowercased else { return [scalar] }
        var out: [Unicode.Scalar] = []
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            out.append(contentsOf: lower == scalar ? [lower] : fold(lower))
        }
        return out
    }

    /// Letters, digits and marks: what a word is made of, for word boundaries
    /// and for counting a stem's suffix.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        if p.isAlphabetic || p.numericType != nil { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
