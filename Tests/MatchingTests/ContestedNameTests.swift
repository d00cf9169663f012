import FeedModel
import Testing
@testable import Matching

@Suite("contested names")
struct ContestedNameTests {
    let stepanakert = EntityDefinition(
        name: "Stepanakert", kind: "city",
        spellings: [Spelling("Stepanakert-Khankendi")],
        contested: [
            ContestedVariant(side: "Armenian", name: "Stepanakert",
                             spellings: [Spelling("Stepanakert"), Spelling("Степанакерт"), Spelling("Ստեփանակերտ", isStem: true)]),
            ContestedVariant(side: "Azerbaijani", name: "Xankəndi",
                             spellings: [Spelling("Xankəndi", isStem: true), Spelling("Khankendi"), Spelling("Ханкенди")]),
        ])

    @Test("each hit records the variant and the side whose naming it is")
    func variants() {
        let m = Matcher(entities: [stepanakert], topics: [TopicDefinition(name: "K", rule: .entity("Stepanakert"))])
        let result = m.match(MatchInput(title: "Ханкенди", summary: "Residents of Stepanakert and Xankəndidə",
                                        content: "Ստեփանակերտում"))
        #expect(result.topics == ["K"])
        #expect(result.hits.map(\.variant) == ["Xankəndi", "Stepanakert", "Xankəndi", "Stepanakert"])
        #expect(result.hits.map(\.side) == ["Azerbaijani", "Armenian", "Azerbaijani", "Armenian"])
        #expect(result.contestedNames == [
            ContestedNameUse(entity: "Stepanakert", variant: "Xankəndi", side: "Azerbaijani"),
            ContestedNameUse(entity: "Stepanakert", variant: "Stepanakert", side: "Armenian"),
        ])
    }

    @Test("a neutral spelling hits without a variant")
    func neutral() {
        let m = Matcher(entities: [stepanakert], topics: [])
        let result = m.match(MatchInput(title: "Stepanakert-Khankendi road"))
        #expect(result.hits.map(\.entity) == ["Stepanakert"])
        #expect(result.hits.first?.variant == nil)
        #expect(result.contestedNames.isEmpty)
    }

    @Test("contested spellings need not be repeated in spellings")
    func variantsAreSpellings() {
        let only = EntityDefinition(name: "Shusha", kind: "city", spellings: [],
                                    contested: [ContestedVariant(side: "Armenian", name: "Shushi", spellings: [Spelling("Shushi")]),
                                                ContestedVariant(side: "Azerbaijani", name: "Şuşa", spellings: [Spelling("Şuşa", isStem: true)])])
        let result = Matcher(entities: [only], topics: []).match(MatchInput(title: "Şuşada bayram, Shushi"))
        #expect(result.hits.map(\.variant) == ["Şuşa", "Shushi"])
    }
}
