import FeedModel
import Testing
@testable import Matching

@Suite("word numbers for NEAR/n and _near")
struct WordOrdinalsTests {
    let normalizer = TextNormalizer()

    /// The word each scalar of `bytes` is in, by decoding every scalar: a word
    /// starts at a word scalar after a non-word scalar.
    func decodedWordNumbers(_ bytes: [UInt8]) -> [(offset: Int, word: Int)] {
        bytes.withUnsafeBufferPointer { buffer in
            var numbers: [(Int, Int)] = []
            var words = 0
            var previousIsWord = false
            var offset = 0
            while let (value, length) = WordBoundary.scalar(at: offset, in: buffer) {
                let isWord = WordBoundary.isWord(value)
                if isWord && !previousIsWord { words += 1 }
                previousIsWord = isWord
                numbers.append((offset, max(0, words - 1)))
                offset += length
            }
            return numbers
        }
    }

    /// Counted over the normaliser's pattern starts, every scalar gets the word
    /// number that decoding the whole text gives: hyphens, punctuation, scalars
    /// that fold to several or to another kind, marks, other scripts.
    @Test func countedOverPatternStartsAsByDecoding() {
        let texts = [
            "Nagorno-Karabakh, «Şuşa»  C++ and Georgia Tech", "Wait…Baku… ™a and ™", "Xʼa ʼb d'Artagnan",
            "½x 1½-Karabakh ﬁne ﬁ-ﬁ", "a-…-b", "…", "Dž dž ǆx x㎞y ㎒", "Ереван — Баку: переговоры",
            "Երեւան, եւ Երևան", "ილჰამ ალიევი და ფაშინიანი", "  leading and trailing  ", "e\u{301}lan o\u{308}l", "",
        ]
        var builder = NormalizedTextBuilder(capacity: 4)
        defer { builder.deallocate() }
        let owner = PatternOwner(target: .term(0), spelling: 0, isStem: false)
        for text in texts {
            normalizer.normalize(text, into: &builder)
            let bytes = Array(builder.normalizedBytes)
            let expected = decodedWordNumbers(bytes)
            // One occurrence per scalar, and one spanning from each scalar to the end.
            var occurrences: [Occurrence] = []
            for (k, scalar) in expected.enumerated() {
                let end = k + 1 < expected.count ? expected[k + 1].offset : bytes.count
                occurrences.append(Occurrence(owner: owner, range: scalar.offset ..< end))
                occurrences.append(Occurrence(owner: owner, range: scalar.offset ..< bytes.count))
            }
            WordOrdinals.assign(to: &occurrences, in: builder.normalizedBytes, starts: builder.patternStarts)
            let last = expected.last?.word ?? 0
            for (k, scalar) in expected.enumerated() {
                #expect(occurrences[2 * k].firstWord == scalar.word, "\(text): scalar at \(scalar.offset)")
                #expect(occurrences[2 * k].lastWord == scalar.word, "\(text): scalar at \(scalar.offset)")
                #expect(occurrences[2 * k + 1].lastWord == last, "\(text): to the end from \(scalar.offset)")
            }
        }
    }
}
