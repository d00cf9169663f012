import Testing
import TestSupport
@testable import Matching

/// The normaliser's fast paths (eight bytes at a time over plain ASCII, a
/// tight loop inside words of two- and three-byte scripts) must give exactly
/// what the scalar-by-scalar path gives: the same bytes, offset map and
/// pattern starts.
struct ASCIIChunkTests {
    let chunked = TextNormalizer()
    let scalarByScalar = TextNormalizer(chunked: false)

    private func chunk(_ bytes: [UInt8], afterSpace: Bool = false) -> ASCIIChunk {
        precondition(bytes.count == 8)
        let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
        return ASCIIChunk(word, afterSpace: afterSpace)
    }

    /// Every byte the fast path takes is one the fold table maps to one byte
    /// of the same kind: a word byte to its lowercase, anything else to itself,
    /// no hyphen, no irregular start; and the only space it takes is 0x20.
    @Test func everyUsableByteFoldsAsTheTableSays() {
        let table = FoldTable.shared
        var taken = 0
        for value in 0 ... 255 {
            let c = chunk([UInt8(value)] + Array("bbbbbbb".utf8))
            guard c.usable > 0 else { continue }
            taken += 1
            let entry = table.packed[value]
            let isWord = entry & FoldTable.Flag.word != 0
            #expect(value < 0x80, "\(value)")
            #expect((entry >> 32) & 0xFF == 1, "\(value): one byte")
            #expect(UInt8(truncatingIfNeeded: c.lowercased) == UInt8(truncatingIfNeeded: entry), "\(value): folded byte")
            #expect((c.word & 0x80 != 0) == isWord, "\(value): word")
            #expect((c.punctuation & 0x80 != 0) == (!isWord && value != 0x20), "\(value): punctuation")
            #expect(entry & (FoldTable.Flag.hyphen | FoldTable.Flag.irregularStart | FoldTable.Flag.extendsPrevious) == 0)
            #expect(entry & FoldTable.Flag.space == 0 || value == 0x20, "\(value): space")
        }
        // Letters, digits, space and the punctuation other than - and `.
        #expect(taken == 62 + 1 + 30)
    }

    /// Any byte at any of the eight places that the fast path does not take
    /// (non-ASCII lead or continuation, tab, newline, '-', '`', NUL) ends it
    /// exactly there.
    @Test func usableStopsAtTheFirstOtherByteAtEveryOffset() {
        for position in 0 ..< 8 {
            for value in 0 ... 255 {
                var bytes = Array("kAz9,.Qx".utf8)
                bytes[position] = UInt8(value)
                let plain = (0x20 ... 0x7E).contains(value) && value != 0x2D && value != 0x60
                #expect(chunk(bytes).usable == (plain ? 8 : position), "byte \(value) at \(position)")
            }
        }
    }

    @Test func secondSpaceEndsTheUsablePrefix() {
        #expect(chunk(Array("ab  cdef".utf8)).usable == 3)
        #expect(chunk(Array(" abcdefg".utf8), afterSpace: true).usable == 0)
        #expect(chunk(Array(" abcdefg".utf8), afterSpace: false).usable == 8)
    }

    @Test func capitalsAtEitherEndAreLowercased() {
        for text in ["Abcdefgh", "abcdefgH", "AZ@[`{az", "ZzzzzzzA"] {
            let c = chunk(Array(text.utf8))
            let folded = (0 ..< 8).map { UInt8(truncatingIfNeeded: c.lowercased >> UInt64(8 * $0)) }
            let expected = text.utf8.prefix(c.usable).map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 }
            #expect(Array(folded.prefix(c.usable)) == expected, "\(text)")
        }
        #expect(chunked.normalize("abcdefgH IJKLMNOp QRSTUVWX YZ").string == "abcdefgh ijklmnop qrstuvwx yz")
    }

    @Test func startsAreWordStartsAndPunctuationWithinThePrefix() {
        let c = chunk(Array("a bc,d\te".utf8))
        #expect(c.usable == 6)
        // a at 0, b at 2, ',' at 4, d at 5; not c (inside a word), not e (after the tab).
        #expect(c.starts(afterWord: false) == 0x80 | 0x80 << 16 | 0x80 << 32 | 0x80 << 40)
        #expect(c.starts(afterWord: true) == 0x80 << 16 | 0x80 << 32 | 0x80 << 40)
    }

    /// Word runs that cross the eight-byte steps, words that end exactly at a
    /// step, capitals at the ends of runs, and non-ASCII at every offset.
    @Test func chunkedAgreesOnHandPickedEdges() {
        var texts = [
            "Nagorno-Karabakh Nagorno Karabakh", "abcdefgh ijklmnop", "abcdefg hijklmnop", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "x  y   z", " lead and trail ", "  two leading", "tab\there\nnew\r\nline", "a-b -c d- e--f a - b",
            "rock`n`roll it's C++ e.g. (NATO) [x]", "12345678-abcdefgh", "A\u{00A0}B\u{00A0} C", "½-Karabakh …abc… ™x",
            "Ilham Aliyev met Nikol Pashinyan in Brussels on 14 May.", "", "a", "ab", "1234567", "12345678", "123456789",
            "Пашинян и Алиев в Карабахе", "ЁЖИК ёжик Йошкар-Ола и\u{0306}од", "Երևան Երեւան ԵՐԵՎԱՆ եւ ու", "Հայաստա՞ն",
            "საქართველოს მთავრობა ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ", "Азербайджан1234 и Qarabağ’ın", "ЖЖЖЖ\u{0301}ЖЖ",
        ]
        for scalar in ["ş", "Ё", "Ա", "ა", "😀", "\u{0327}", "\u{00AD}", "\u{00A0}", "½", "İ", "ʼ", "…"] {
            for offset in 0 ... 9 {
                var text = Array("Abcdefghijklmnopq".unicodeScalars)
                text.insert(Unicode.Scalar(scalar.unicodeScalars.first!), at: offset)
                texts.append(String(String.UnicodeScalarView(text)))
            }
        }
        for text in texts { expectSameFold(text) }
    }

    /// Random texts over an alphabet that exercises every branch of both paths.
    @Test func chunkedAgreesOnRandomTexts() {
        let alphabet: [String] = Array("abcxyzABCXYZ0189 ").map(String.init) + [
            "  ", "\t", "\n", "-", "`", "'", ",", ".", "«", "»", "—", "\u{2019}", "ş", "Ş", "ə", "İ", "ı", "д", "Д", "ё",
            "Ե", "ւ", "և", "ᲗᲑ", "თ", "\u{00AD}", "\u{200B}", "\u{0306}", "\u{0327}", "\u{00A0}", "½", "…", "™", "ʼ",
            "ﬁ", "Ｎ", "日", "😀", "nagorno", "Karabakh", "NATO", "e.g.",
            "Карабах", "ёлка", "ЁЛКА", "й", "и\u{0306}", "Երևան", "ԵՐԵՎԱՆ", "եւ", "საქართველო", "ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ", "Ĳ", "ǅ",
        ]
        var random = SeededRandom(state: 5)
        for _ in 0 ..< 3000 {
            let length = Int.random(in: 0 ... 60, using: &random)
            let text = (0 ..< length).map { _ in alphabet.randomElement(using: &random)! }.joined()
            expectSameFold(text)
        }
    }

    private func expectSameFold(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var fast = NormalizedTextBuilder(capacity: 4)
        var slow = NormalizedTextBuilder(capacity: 4)
        defer { fast.deallocate(); slow.deallocate() }
        chunked.normalize(text, into: &fast)
        scalarByScalar.normalize(text, into: &slow)
        #expect(Array(fast.normalizedBytes) == Array(slow.normalizedBytes), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(Array(fast.patternStarts) == Array(slow.patternStarts), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(chunked.normalize(text) == scalarByScalar.normalize(text), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }
}
