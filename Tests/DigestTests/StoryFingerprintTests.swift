import Testing
@testable import Digest

@Suite struct StoryFingerprintTests {
    @Test func normalisingKeepsLettersAndDigitsOfEveryScriptAndLowersCase() {
        #expect(StoryFingerprint.words(of: "Qarabağ, QARABAĞ!") == StoryFingerprint.words(of: "qarabağ qarabağ"))
        #expect(StoryFingerprint.words(of: "ПЕСКОВ—Пескова").count == 2)
        #expect(StoryFingerprint.words(of: "ПЕСКОВ") == StoryFingerprint.words(of: "песков"))
        #expect(StoryFingerprint.words(of: "ԵՐԵՎԱՆ") == StoryFingerprint.words(of: "երևան".replacingOccurrences(of: "և", with: "եվ")))
        #expect(StoryFingerprint.words(of: "ყარაბაღი 2024") .count == 2)
        // Azerbaijani dotted capital I lower-cases to i plus a combining dot, which is dropped.
        #expect(StoryFingerprint.words(of: "İLHAM") == StoryFingerprint.words(of: "ilham"))
        #expect(StoryFingerprint.words(of: "«—» … !!").isEmpty)
        #expect(StoryFingerprint(text: " ,.; ") == nil)
    }

    /// The table of the region's letters says what the Unicode properties say.
    @Test func knownLowerCaseAgreesWithUnicode() {
        for value in UInt32(0x00C0)...0x10FF {
            guard let scalar = Unicode.Scalar(value), let known = StoryFingerprint.knownLowercase(value) else { continue }
            #expect(scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
            #expect(scalar.properties.lowercaseMapping == String(Unicode.Scalar(known)!), "U+\(String(value, radix: 16))")
        }
    }

    /// The per-scalar table gives the words the Unicode properties give, for every scalar it covers.
    @Test func theScalarTableSplitsAndLowersAsUnicodeDoes() {
        /// The general rule, spelled out: letters and digits lowered (all of the lower case that is
        /// a letter or digit), marks stay inside a word, anything else ends it.
        func reference(_ text: String) -> [String] {
            var words: [String] = [], word = ""
            for scalar in text.unicodeScalars {
                let properties = scalar.properties
                if properties.isAlphabetic || properties.numericType != nil {
                    for lower in properties.lowercaseMapping.unicodeScalars
                    where lower.properties.isAlphabetic || lower.properties.numericType != nil {
                        word.unicodeScalars.append(lower)
                    }
                } else if properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                    continue
                } else if !word.isEmpty {
                    words.append(word)
                    word = ""
                }
            }
            if !word.isEmpty { words.append(word) }
            return words
        }
        // The table's scalars, and a few beyond it (the general path).
        for value in UInt32(0x80)..<StoryFingerprint.tableEnd + 0x100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "ab\(Character(scalar))cd ef"
            let expected = reference(text).flatMap { StoryFingerprint.words(of: $0) }
            #expect(StoryFingerprint.words(of: text) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func sameTextIsIdenticalAndUnrelatedTextIsFar() throws {
        let a = try #require(StoryFingerprint(text: "Russian peacekeepers begin withdrawal from Karabakh, Kremlin says"))
        let b = try #require(StoryFingerprint(text: "Russian peacekeepers begin withdrawal from Karabakh, Kremlin says"))
        let c = try #require(StoryFingerprint(text: "Georgian parliament passes foreign influence law in third reading"))
        #expect(a.similarity(to: b) == 1)
        #expect(c.similarity(to: a) < 0.1)
    }

    @Test func aLightlyEditedCopyStaysAboveTheStoryThreshold() throws {
        let wire = "Пашинян: Армения готова продолжить делимитацию границы с Азербайджаном. "
            + "Премьер-министр Армении Никол Пашинян заявил, что Ереван готов продолжить работу комиссий по делимитации"
        let copy = "Армения готова продолжить делимитацию границы с Азербайджаном — Пашинян. "
            + "Премьер-министр Армении Никол Пашинян заявил, что Ереван готов продолжить работу комиссий по делимитации"
        let a = try #require(StoryFingerprint(text: wire)), b = try #require(StoryFingerprint(text: copy))
        #expect(a.similarity(to: b) >= DigestBuilder().storySimilarity)
    }

    @Test func grouperLinksSimilarItemsTransitivelyAndLeavesOthersAlone() {
        let base = "EU monitoring mission in Armenia extends its mandate for two more years says Brussels statement"
        let texts = [
            base,
            "Weather: heatwave grips southern Europe this week with records expected in Spain and Italy",
            base + " today",
            "today " + base + " today",
            nil,
        ]
        let fingerprints = texts.map { $0.flatMap(StoryFingerprint.init(text:)) }
        let groups = StoryGrouper(threshold: 0.3).groups(fingerprints)
        #expect(groups == [[0, 2, 3], [1], [4]])
    }
}
