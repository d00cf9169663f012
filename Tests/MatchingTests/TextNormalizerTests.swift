import Testing
@testable import Matching

struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    func folded(_ text: String) -> String { normalizer.normalize(text).string }

    @Test func asciiIsLowercased() {
        #expect(folded("NATO Summit") == "nato summit")
    }

    @Test func azerbaijaniDottedAndDotlessIMeet() {
        #expect(folded("İLHAM ƏLİYEV") == "ilham əliyev")
        #expect(folded("İlham Əliyev") == "ilham əliyev")
        #expect(folded("ılham") == "ilham")
        #expect(folded("ILHAM") == "ilham")
    }

    @Test func schwaStaysALetterOfItsOwn() {
        #expect(folded("Əliyev") != folded("Aliyev"))
        #expect(folded("XANKƏNDİ") == "xankəndi")
    }

    @Test func latinAccentsAreFolded() {
        #expect(folded("Şuşa Ağdam Çörək Gürcüstan Élysée") == "susa agdam corək gurcustan elysee")
    }

    @Test func decomposedAccentsFoldLikePrecomposed() {
        #expect(folded("S\u{0327}us\u{0327}a") == folded("Şuşa"))
    }

    @Test func cyrillicYoIsYeButShortIIsKept() {
        #expect(folded("Ёлка") == "елка")
        #expect(folded("ЗАЙЦЕВ") == "зайцев")
        #expect(folded("Азербайджан") != folded("Азербаиджан"))
        #expect(folded("и\u{0306}") == "й")
    }

    @Test func armenianEvFormsMeet() {
        let forms = ["Երևան", "Երեւան", "ԵՐԵՎԱՆ", "ԵՐԵՒԱՆ"].map(folded)
        #expect(Set(forms) == ["երեվան"])
    }

    @Test func armenianYunIsNotTouched() {
        // ու is the vowel u; only ւ right after ե is the classical "ev".
        #expect(folded("Շուշի") == "շուշի")
    }

    @Test func armenianInWordMarksAreDeleted() {
        #expect(folded("Ղարաբա՞ղ") == "ղարաբաղ")
        #expect(folded("Ղարա՛բաղ ԵԱՀԿ՟") == "ղարաբաղ եահկ")
        #expect(folded("Ա՜խ") == "ախ")
    }

    @Test func georgianMtavruliFoldsToMkhedruli() {
        #expect(folded("ᲗᲑᲘᲚᲘᲡᲘ") == "თბილისი")
        #expect(folded("ქართული ᲝᲪᲜᲔᲑᲐ") == "ქართული ოცნება")
    }

    @Test func invisibleCharactersInsideNamesAreDeleted() {
        #expect(folded("Kara\u{00AD}bakh") == "karabakh")
        #expect(folded("Paşin\u{200B}yan") == "pasinyan")
        #expect(folded("ალი\u{200D}ევი\u{2060}") == "ალიევი")
        #expect(folded("\u{FEFF}Baku") == "baku")
    }

    @Test func typographicApostrophesBecomeAscii() {
        #expect(folded("Qarabağ’ın") == "qarabag'in")
        #expect(folded("Xankəndiʼdə") == "xankəndi'də")
        #expect(folded("‘x`") == "'x'")
    }

    @Test func dashesBecomeHyphensAndHyphensBetweenLettersBecomeSpaces() {
        #expect(folded("Nagorno-Karabakh") == "nagorno karabakh")
        #expect(folded("Nagorno–Karabakh") == "nagorno karabakh")
        #expect(folded("2020—2024") == "2020 2024")
        #expect(folded("Kara\u{00AD}-bakh") == "kara bakh")
        #expect(folded("- dash -") == "- dash -")
    }

    @Test func whitespaceRunsBecomeOneSpace() {
        #expect(folded("South\u{00A0}\n\t Ossetia") == "south ossetia")
    }

    @Test func compatibilityFormsAreUnfolded() {
        #expect(folded("ﬁnance ＮＡＴＯ") == "finance nato")
        #expect(folded("ﬓ") == "մն")
    }

    @Test func spellingsAreTrimmed() {
        #expect(normalizer.normalizeSpelling("  Karabakh\u{00A0}") == Array("karabakh".utf8))
        #expect(normalizer.normalizeSpelling("\u{00AD}").isEmpty)
    }

    @Test func emptyTextGivesEmptyResult() {
        #expect(normalizer.normalize("") == NormalizedText())
    }

    @Test func offsetMapLeadsBackToTheOriginalText() throws {
        let text = "ԵՐԵՎԱՆ, Kara\u{00AD}bakh and Şus\u{0327}a"
        let normalized = normalizer.normalize(text)
        #expect(normalized.bytes.count == normalized.starts.count)
        #expect(normalized.bytes.count == normalized.ends.count)
        let utf8 = Array(text.utf8)
        func original(of word: String) throws -> String {
            let needle = Array(word.utf8)
            let bytes = normalized.bytes
            let at = try #require((0...(bytes.count - needle.count)).first {
                Array(bytes[$0..<($0 + needle.count)]) == needle
            })
            let range = normalized.originalRange(of: at..<(at + needle.count))
            return String(decoding: utf8[range], as: UTF8.self)
        }
        #expect(try original(of: "երեվան") == "ԵՐԵՎԱՆ")
        #expect(try original(of: "karabakh") == "Kara\u{00AD}bakh")
        #expect(try original(of: "susa") == "Şus\u{0327}a")
        #expect(try original(of: "and") == "and")
    }

    @Test func normalizingTwiceChangesNothing() {
        let samples = ["İLHAM ƏLİYEV", "Երևան", "ᲗᲑᲘᲚᲘᲡᲘ", "Ёлка", "Nagorno-Karabakh", "ﬁ Ǆ ＡＢ", "Qarabağ’ın"]
        for sample in samples {
            let once = folded(sample)
            #expect(folded(once) == once, "\(sample)")
        }
    }
}
