import Testing
@testable import Matching

/// The byte-level normaliser's own bookkeeping: the segment offset map, the
/// pattern starts it hands to the trie, and buffer reuse and growth.
struct NormalizedTextBuilderTests {
    let normalizer = TextNormalizer()

    /// Mixed scripts, resized scalars (ş, NBSP, ﬁ, ½), dropped ones (soft hyphen,
    /// ZWSP, combining marks), collapsed whitespace and scalars outside the table.
    let samples = [
        "ԵՐԵՎԱՆ, Kara\u{00AD}bakh and Şus\u{0327}a",
        "İLHAM ƏLİYEV  \n\t BAKIDA\u{00A0}bu gün",
        "ﬁnance ＮＡＴＯ ½ ᲗᲑᲘᲚᲘᲡᲘ Ёлка и\u{0306}",
        "Pashin\u{200B}yan — Nagorno-Karabakh’s 2020—2024",
        "日本 𐐀𐐁 emoji 😀 Qarabağ’ın Երեւան",
    ]

    /// Every word of the normalised text leads back to an original slice that
    /// normalises to that same word.
    @Test func everyNormalisedWordLeadsBackToItsOriginal() {
        for sample in samples {
            let normalized = normalizer.normalize(sample)
            let utf8 = Array(sample.utf8)
            var start = 0
            for (k, byte) in (normalized.bytes + [0x20]).enumerated() where byte == 0x20 {
                defer { start = k + 1 }
                guard k > start else { continue }
                let original = utf8[normalized.originalRange(of: start..<k)]
                let word = Array(normalized.bytes[start..<k])
                #expect(normalizer.normalizeSpelling(String(decoding: original, as: UTF8.self)) == word,
                        "\(sample): \(String(decoding: word, as: UTF8.self))")
            }
        }
    }

    @Test func offsetMapCoversDroppedMarksAndCollapsedSpaces() {
        let text = "S\u{0327}u  \u{00A0}x"
        let normalized = normalizer.normalize(text)
        #expect(normalized.string == "su x")
        // s covers its combining cedilla; the one space covers the whole run.
        #expect(normalized.originalRange(of: 0..<1) == 0..<3)
        #expect(normalized.originalRange(of: 2..<3) == 4..<8)
        #expect(normalized.originalRange(of: 3..<4) == 8..<9)
    }

    @Test func everyByteOfAScalarMapsToTheWholeScalar() {
        let normalized = normalizer.normalize("Аб")
        #expect(normalized.starts == [0, 0, 2, 2])
        #expect(normalized.ends == [2, 2, 4, 4])
    }

    /// Pattern starts: word starts and non-space punctuation, never inside a
    /// word, never at a space; the same as decoding the normalised text.
    @Test func patternStartsAreWordStartsAndPunctuation() {
        var builder = NormalizedTextBuilder(capacity: 8)
        defer { builder.deallocate() }
        normalizer.normalize("Nagorno-Karabakh, «Şuşa»  C++", into: &builder)
        let bytes = Array(builder.normalizedBytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "nagorno karabakh, «susa» c++")
        let starts = Array(builder.patternStarts).map(Int.init)
        #expect(starts == [0, 8, 16, 18, 20, 24, 27, 28, 29])
        #expect(starts == decodedStarts(bytes))
    }

    /// Scalars that fold to several scalars (…, ½, ™, ﬁ) or to one of another
    /// kind (ʼ is a letter, its fold ' is not) still leave exactly the starts of
    /// the output, also next to hyphens, and in a text of nothing else.
    @Test func patternStartsAfterIrregularFoldsAreThoseOfTheOutput() {
        let texts = samples + [
            "Wait…Baku…", "™a and ™", "Xʼa ʼb d'Artagnan", "½x 1½-Karabakh", "ﬁne ﬁ-ﬁ",
            "a-…-b", "…", String(repeating: "½…", count: 50), "Dž dž ǆx", "x㎞y ㎒",
        ]
        var builder = NormalizedTextBuilder(capacity: 4)
        defer { builder.deallocate() }
        for text in texts {
            normalizer.normalize(text, into: &builder)
            let bytes = Array(builder.normalizedBytes)
            #expect(Array(builder.patternStarts).map(Int.init) == decodedStarts(bytes), "\(text)")
        }
    }

    @Test func reusedBuilderForgetsTheLongerText() {
        var builder = NormalizedTextBuilder(capacity: 4)
        defer { builder.deallocate() }
        normalizer.normalize(String(repeating: "Şuşa ½ ", count: 200), into: &builder)
        #expect(builder.count > 1000)
        normalizer.normalize("Baku", into: &builder)
        #expect(Array(builder.normalizedBytes) == Array("baku".utf8))
        #expect(Array(builder.patternStarts) == [0])
        #expect(builder.originalRange(of: 0..<4) == 0..<4)
    }

    /// A builder carved from the caller's scratch gives what one with its own
    /// buffers gives, also when the text outgrows every part of the scratch
    /// (bytes, starts and segments then move to allocations of their own).
    @Test func carvedBuilderGrowsOutOfItsScratch() {
        let texts = ["Baku", String(repeating: "Şuşa ½ ", count: 200), "Nagorno-Karabakh, «Şuşa»", ""]
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: NormalizedTextBuilder.scratchByteCount(capacity: 16),
                                                       alignment: 16)
        defer { scratch.deallocate() }
        var carved = NormalizedTextBuilder(capacity: 16, carving: scratch)
        defer { carved.deallocate() }
        var own = NormalizedTextBuilder(capacity: 16)
        defer { own.deallocate() }
        for text in texts {
            normalizer.normalize(text, into: &carved)
            normalizer.normalize(text, into: &own)
            #expect(Array(carved.normalizedBytes) == Array(own.normalizedBytes))
            #expect(Array(carved.patternStarts) == Array(own.patternStarts))
            #expect(carved.segmentCount == own.segmentCount)
            for start in carved.patternStarts.map(Int.init) where start < carved.count {
                let end = start + NormalizedTextBuilder.scalarLength(lead: carved.bytes[start])
                #expect(carved.originalRange(of: start ..< end) == own.originalRange(of: start ..< end), "\(text) at \(start)")
            }
        }
    }

    @Test func growingTextKeepsTheOffsetMap() {
        // ½ (2 bytes) becomes 1⁄2 (5 bytes): the output outgrows the input.
        let text = String(repeating: "½", count: 100) + " Баку"
        let normalized = normalizer.normalize(text)
        #expect(normalized.bytes.count == 100 * 5 + 1 + 8)
        #expect(normalized.originalRange(of: 501..<509) == 201..<209)
    }

    @Test func trieScanFromPatternStartsAgreesWithDecodingScan() {
        let trie = PatternTrie(patterns: ["susa", "karabakh", "nagorno karabakh", "«", "c++", "kara"].map { Array($0.utf8) })
        var builder = NormalizedTextBuilder(capacity: 8)
        defer { builder.deallocate() }
        normalizer.normalize("Nagorno-Karabakh, «Şuşa» C++ karabakhlı", into: &builder)
        let fromStarts = trie.scan(builder).map { [$0.pattern, $0.end] }
        let decoding = trie.scan(builder.normalizedBytes).map { [$0.pattern, $0.end] }
        #expect(fromStarts == decoding)
        #expect(fromStarts.map { $0[0] } == [2, 5, 1, 3, 0, 4, 5, 1])
    }

    private func decodedStarts(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts: [Int] = []
            var previousWasWord = false
            var i = 0
            while i < buffer.count {
                let (value, length) = TextNormalizer.decode(buffer, at: i)
                let word = WordBoundary.isWord(value)
                if !(word && previousWasWord) && value != 0x20 { starts.append(i) }
                previousWasWord = word
                i += length
            }
            return starts
        }
    }
}
