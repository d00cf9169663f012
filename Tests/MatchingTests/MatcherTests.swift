import FeedModel
import Testing
@testable import Matching

/// A spelling list as in feeds.conf: a trailing `*` makes a stem.
func spellings(_ written: String...) -> [Spelling] {
    written.map { $0.hasSuffix("*") ? Spelling(String($0.dropLast()), isStem: true) : Spelling($0) }
}

func entity(_ name: String, _ written: String...) -> EntityDefinition {
    EntityDefinition(name: name, kind: "test",
                     spellings: written.map { $0.hasSuffix("*") ? Spelling(String($0.dropLast()), isStem: true) : Spelling($0) })
}

/// A matcher with one topic per entity (`@E`), so `topics` lists what was found.
func matcher(_ entities: EntityDefinition..., maxSuffix: Int = 6) -> Matcher {
    Matcher(entities: entities,
            topics: entities.map { TopicDefinition(name: $0.name, rule: .entity($0.name)) },
            maxSuffixLength: maxSuffix)
}

func titleHits(_ matcher: Matcher, _ title: String) -> [Hit] {
    matcher.match(MatchInput(title: title)).hits
}

struct MatcherTests {
    @Test func capitalAzerbaijaniNameMatchesSpellingInNaturalCase() {
        let m = matcher(entity("Aliyev", "İlham Əliyev"))
        let hits = titleHits(m, "PREZİDENT İLHAM ƏLİYEV BAKIDA")
        #expect(hits.count == 1)
        #expect(hits.first?.matchedText == "İLHAM ƏLİYEV")
        #expect(hits.first?.spelling == "İlham Əliyev")
        #expect(m.match(MatchInput(title: "ilham əliyev")).topics == ["Aliyev"])
    }

    @Test func yerevanMeetsAcrossScriptsAndOrthographies() {
        let m = matcher(entity("Yerevan", "Ереван", "Երևան"))
        for title in ["ЕРЕВАН", "Երևան", "ԵՐԵՎԱՆ", "Երեւան", "Ереван"] {
            #expect(m.match(MatchInput(title: title)).topics == ["Yerevan"], "\(title)")
            #expect(titleHits(m, title).first?.matchedText == title)
        }
    }

    @Test func georgianMtavruliTextMatchesMkhedruliSpelling() {
        let m = matcher(entity("Tbilisi", "თბილისი"))
        #expect(titleHits(m, "ᲗᲑᲘᲚᲘᲡᲘ").map(\.matchedText) == ["ᲗᲑᲘᲚᲘᲡᲘ"])
    }

    @Test func yoAndYeMeet() {
        let m = matcher(entity("Peacekeepers", "миротворцы"), entity("Tree", "ёлка"))
        #expect(m.match(MatchInput(title: "елка")).topics == ["Tree"])
        #expect(m.match(MatchInput(title: "ЁЛКА")).topics == ["Tree"])
    }

    @Test func invisibleCharactersInsideANameStillMatchAndAreHighlighted() {
        let m = matcher(entity("Pashinyan", "Pashinyan"), entity("Karabakh", "Karabakh"))
        let hits = titleHits(m, "Pashin\u{200B}yan on Kara\u{00AD}bakh")
        #expect(hits.map(\.matchedText) == ["Pashin\u{200B}yan", "Kara\u{00AD}bakh"])
    }

    @Test func armenianQuestionMarkInsideAWordDoesNotSplitIt() {
        let m = matcher(entity("Karabakh", "Ղարաբաղ*"))
        let hits = titleHits(m, "Իսկ Ղարաբա՞ղը")
        #expect(hits.map(\.matchedText) == ["Ղարաբա՞ղը"])
    }

    @Test func curlyApostrophesMatchStraightOnes() {
        let m = matcher(entity("Karabakh", "Qarabağ'ın"))
        #expect(titleHits(m, "Qarabağ’ın gələcəyi").map(\.matchedText) == ["Qarabağ’ın"])
        #expect(titleHits(m, "QARABAĞʼIN").count == 1)
    }

    @Test func hyphenatedSpellingMatchesSpacedTextAndBack() {
        let m = matcher(entity("NK", "Nagorno-Karabakh"), entity("SO", "South Ossetia"))
        #expect(m.match(MatchInput(title: "Nagorno Karabakh")).topics == ["NK"])
        #expect(m.match(MatchInput(title: "Nagorno–Karabakh")).topics == ["NK"])
        #expect(m.match(MatchInput(title: "South-Ossetia")).topics == ["SO"])
    }

    @Test func matchedTextIsTheOriginalSlice() {
        let m = matcher(entity("Shusha", "Şuşa*"), entity("Yerevan", "Երևան"))
        let text = "«ԵՐԵՎԱՆ» — S\u{0327}us\u{0327}ada bu gün, ŞUŞA’da"
        let utf8 = Array(text.utf8)
        let hits = titleHits(m, text)
        #expect(hits.count == 3)
        for hit in hits {
            #expect(String(decoding: utf8[hit.start..<hit.end], as: UTF8.self) == hit.matchedText)
        }
        #expect(hits.map(\.matchedText) == ["ԵՐԵՎԱՆ", "S\u{0327}us\u{0327}ada", "ŞUŞA"])
    }

    @Test func azerbaijaniStemTakesSuffixes() {
        let m = matcher(entity("Shusha", "Şuşa*"))
        #expect(titleHits(m, "Şuşada festival").map(\.matchedText) == ["Şuşada"])
        #expect(titleHits(m, "Şuşanın küçələri").map(\.matchedText) == ["Şuşanın"])
        #expect(titleHits(m, "Şuşa").map(\.matchedText) == ["Şuşa"])
    }

    @Test func russianStemTakesCaseEndings() {
        let m = matcher(entity("Shusha", "Шуш*"))
        #expect(titleHits(m, "в Шуше и Шуши, из ШУШИ").map(\.matchedText) == ["Шуше", "Шуши", "ШУШИ"])
    }

    @Test func armenianStemTakesSuffixes() {
        let m = matcher(entity("Stepanakert", "Ստեփանակերտ*"))
        #expect(titleHits(m, "Ստեփանակերտում տեղի ունեցավ").map(\.matchedText) == ["Ստեփանակերտում"])
    }

    @Test func georgianStemsTakeSuffixes() {
        let m = matcher(entity("Tbilisi", "თბილის*"), entity("Karabakh", "ყარაბაღ*"))
        #expect(titleHits(m, "თბილისში და ყარაბაღში").map(\.matchedText) == ["თბილისში", "ყარაბაღში"])
        #expect(titleHits(m, "ყარაბაღი").map(\.matchedText) == ["ყარაბაღი"])
    }

    @Test func stemSuffixIsLimited() {
        let m = matcher(entity("Shusha", "Şuşa*"), maxSuffix: 3)
        #expect(titleHits(m, "Şuşanın").map(\.matchedText) == ["Şuşanın"])
        #expect(titleHits(m, "Şuşadakılar").isEmpty)
    }

    @Test func nonStemNeedsAWholeWord() {
        let m = matcher(entity("Shusha", "Şuşa"))
        #expect(titleHits(m, "Şuşada").isEmpty)
    }

    @Test func stemPhraseLetsOnlyTheLastWordGoOn() {
        let m = matcher(entity("Lachin", "Лачинск* коридор*"))
        #expect(m.match(MatchInput(title: "в Лачинском коридоре")).topics.isEmpty)
        let phrase = matcher(entity("Lachin", "Лачинский коридор*"))
        #expect(titleHits(phrase, "в Лачинский коридоре").map(\.matchedText) == ["Лачинский коридоре"])
    }

    @Test func substringTrapsDoNotMatch() {
        let m = matcher(entity("PACE", "PACE"), entity("NATO", "NATO"),
                        entity("Aliyev", "ალიევ*"), entity("OSCE", "ეუთო*"))
        let traps = "Space senator ვალიევა შეუთობინებაში"
        #expect(m.match(MatchInput(title: traps)).hits.isEmpty)
        let real = "PACE NATO ალიევი ეუთოს"
        #expect(m.match(MatchInput(title: real)).topics == ["PACE", "NATO", "Aliyev", "OSCE"])
    }

    @Test func wordBoundariesHoldAgainstDigitsAndNotPunctuation() {
        let m = matcher(entity("NATO", "NATO"))
        #expect(titleHits(m, "NATO2").isEmpty)
        #expect(titleHits(m, "(NATO), «NATO»: NATO's anti-NATO").count == 4)
    }

    @Test func overlappingSpellingsOfOneEntityKeepTheLongest() {
        let m = matcher(entity("NK", "Nagorno-Karabakh", "Karabakh*"))
        let hits = titleHits(m, "Nagorno-Karabakh and Karabakh's")
        #expect(hits.map(\.matchedText) == ["Nagorno-Karabakh", "Karabakh"])
        #expect(hits.map(\.spelling) == ["Nagorno-Karabakh", "Karabakh*"])
    }

    /// Overlaps are resolved in scratch on the stack for a usual field and on
    /// the heap for a long one: the same answer either way.
    @Test func overlapsAreResolvedAlikeInShortAndLongFields() {
        let m = matcher(entity("NK", "Nagorno-Karabakh", "Karabakh*"), entity("K", "Karabakh"))
        let phrase = "Nagorno-Karabakh and Karabakh's, "
        let short = titleHits(m, phrase)
        #expect(short.map(\.entity) == ["NK", "K", "NK", "K"])
        let long = m.match(MatchInput(content: String(repeating: phrase, count: 400))).hits
        #expect(long.count == 400 * 4)
        #expect(long.map(\.entity) == Array(repeating: ["NK", "K", "NK", "K"], count: 400).flatMap { $0 })
        #expect(long.map(\.matchedText).prefix(4) == ["Nagorno-Karabakh", "Karabakh", "Karabakh", "Karabakh"])
    }

    @Test func differentEntitiesMayOverlap() {
        let m = matcher(entity("Ilham", "Ilham Aliyev"), entity("Aliyev", "Aliyev"))
        let hits = titleHits(m, "Ilham Aliyev")
        #expect(hits.map(\.entity) == ["Ilham", "Aliyev"])
    }

    @Test func spellingsThatNormaliseAlikeGiveOneHit() {
        let m = matcher(entity("Yerevan", "Երևան", "Երեւան"))
        let hits = titleHits(m, "Երեւան")
        #expect(hits.count == 1)
        #expect(hits.first?.spelling == "Երևան")
    }

    @Test func twoEntitiesSharingASpellingBothHit() {
        let m = matcher(entity("Georgia", "Georgia"), entity("USState", "Georgia"))
        #expect(m.match(MatchInput(title: "Georgia")).topics == ["Georgia", "USState"])
    }

    @Test func hitsAreReportedPerFieldInTextOrder() {
        let m = matcher(entity("Baku", "Baku", "Bakı*"), entity("Yerevan", "Yerevan"))
        let result = m.match(MatchInput(title: "Yerevan and Baku", summary: "Bakıda", content: "Baku, Yerevan, Baku"))
        #expect(result.hits.map(\.field) == [.title, .title, .summary, .content, .content, .content])
        #expect(result.hits.map(\.matchedText) == ["Yerevan", "Baku", "Bakıda", "Baku", "Yerevan", "Baku"])
        #expect(result.hits.map(\.start) == [0, 12, 0, 0, 6, 15])
        #expect(result.entities == ["Yerevan", "Baku"])
    }

    @Test func emptyInputFindsNothing() {
        let m = matcher(entity("Baku", "Baku"))
        #expect(m.match(MatchInput()) == MatchResult())
    }

    @Test func emptyConfigurationFindsNothing() {
        let m = Matcher(entities: [], topics: [])
        #expect(m.match(MatchInput(title: "Baku", summary: "Yerevan")) == MatchResult())
    }

    @Test func emptySpellingIsIgnored() {
        let m = matcher(entity("Odd", "\u{00AD}", "Baku"))
        #expect(titleHits(m, "Baku").count == 1)
    }
}
