import FeedModel
import Testing
@testable import Matching

struct RuleEvaluationTests {
    let entities = [
        entity("Azerbaijan", "Azerbaijan", "Азербайджан"),
        entity("Armenia", "Armenia", "Армения"),
        entity("Karabakh", "Karabakh", "Карабах*"),
        entity("Georgia", "Georgia"),
    ]

    func topics(_ rules: [(String, RuleExpression)], _ input: MatchInput) -> [String] {
        Matcher(entities: entities, topics: rules.map { TopicDefinition(name: $0.0, rule: $0.1) }).match(input).topics
    }

    @Test func andNeedsAllParts() {
        let rule = RuleExpression.and([.entity("Azerbaijan"), .entity("Armenia")])
        #expect(topics([("T", rule)], MatchInput(title: "Azerbaijan and Armenia")) == ["T"])
        #expect(topics([("T", rule)], MatchInput(title: "Azerbaijan alone")).isEmpty)
    }

    @Test func partsMayComeFromDifferentFields() {
        let rule = RuleExpression.and([.entity("Azerbaijan"), .entity("Armenia")])
        #expect(topics([("T", rule)], MatchInput(title: "Azerbaijan", content: "Армения")) == ["T"])
    }

    @Test func orNeedsOnePart() {
        let rule = RuleExpression.or([.entity("Karabakh"), .entity("Georgia")])
        #expect(topics([("T", rule)], MatchInput(summary: "в Карабахе")) == ["T"])
        #expect(topics([("T", rule)], MatchInput(summary: "Armenia")).isEmpty)
    }

    @Test func notExcludes() {
        let rule = RuleExpression.and([.entity("Georgia"), .not(.term(Spelling("Atlanta")))])
        #expect(topics([("T", rule)], MatchInput(title: "Georgia votes")) == ["T"])
        #expect(topics([("T", rule)], MatchInput(title: "Georgia votes", content: "ATLANTA")).isEmpty)
    }

    @Test func quotedPhraseTermMatchesAcrossWhitespaceAndCase() {
        let rule = RuleExpression.and([.entity("Armenia"), .term(Spelling("peace treaty"))])
        #expect(topics([("T", rule)], MatchInput(title: "Armenia", summary: "a PEACE\n treaty")) == ["T"])
        #expect(topics([("T", rule)], MatchInput(title: "Armenia", summary: "peace and a treaty")).isEmpty)
    }

    @Test func stemTermMatchesSuffixes() {
        let rule = RuleExpression.term(Spelling("миротвор", isStem: true))
        #expect(topics([("T", rule)], MatchInput(title: "Миротворцы ушли")) == ["T"])
    }

    @Test func termHitsHaveNoEntity() {
        let m = Matcher(entities: entities,
                        topics: [TopicDefinition(name: "T", rule: .and([.entity("Armenia"), .term(Spelling("border"))]))])
        let result = m.match(MatchInput(title: "Armenia border"))
        #expect(result.hits.map(\.entity) == ["Armenia", nil])
        #expect(result.hits.last?.spelling == "border")
    }

    @Test func termsThatNormaliseAlikeAreOneTerm() {
        let rule = RuleExpression.and([.term(Spelling("Border")), .term(Spelling("border"))])
        let m = Matcher(entities: [], topics: [TopicDefinition(name: "T", rule: rule)])
        let result = m.match(MatchInput(title: "BORDER"))
        #expect(result.topics == ["T"])
        #expect(result.hits.count == 1)
    }

    @Test func nestedRuleFromTheSpec() {
        let rule = RuleExpression.or([
            .entity("Karabakh"),
            .and([.entity("Azerbaijan"), .entity("Armenia"),
                  .or([.term(Spelling("border")), .term(Spelling("peace treaty"))])]),
        ])
        #expect(topics([("K", rule)], MatchInput(title: "Azerbaijan, Armenia sign peace treaty")) == ["K"])
        #expect(topics([("K", rule)], MatchInput(title: "Azerbaijan, Armenia talk")).isEmpty)
    }

    @Test func topicsComeInTheGivenOrder() {
        let rules: [(String, RuleExpression)] = [
            ("Z", .entity("Georgia")), ("A", .entity("Armenia")), ("M", .entity("Azerbaijan")),
        ]
        #expect(topics(rules, MatchInput(title: "Azerbaijan Armenia Georgia")) == ["Z", "A", "M"])
    }

    @Test func unknownEntityIsFalse() {
        #expect(topics([("T", .entity("Nowhere"))], MatchInput(title: "Nowhere")).isEmpty)
        #expect(topics([("T", .not(.entity("Nowhere")))], MatchInput(title: "x")) == ["T"])
    }

    @Test func lowercaseAndIsATermNotAnOperator() {
        let rule = RuleExpression.term(Spelling("and"))
        #expect(topics([("T", rule)], MatchInput(title: "this and that")) == ["T"])
        #expect(topics([("T", rule)], MatchInput(title: "Andes")).isEmpty)
    }

    @Test("an OR of plain @entities and terms: true when one occurred in its fields, scoped or not")
    func orOfLeavesByFields() {
        let anyOf = RuleExpression.or([.entity("Armenia"), .entity("Georgia"), .term(Spelling("border"))])
        #expect(topics([("T", anyOf)], MatchInput(summary: "the border")) == ["T"])
        #expect(topics([("T", anyOf)], MatchInput(summary: "Georgia")) == ["T"])
        #expect(topics([("T", anyOf)], MatchInput(title: "Azerbaijan", authors: ["Georgia"])).isEmpty,
                "authors are no text field")
        let titled = RuleExpression.scoped(.title, anyOf)
        #expect(topics([("T", titled)], MatchInput(title: "Armenia")) == ["T"])
        #expect(topics([("T", titled)], MatchInput(title: "Karabakh", summary: "Armenia, border")).isEmpty)
        // Parts with different fields: judged part by part, the same answers.
        let mixed = RuleExpression.or([.scoped(.title, .entity("Armenia")), .entity("Georgia")])
        #expect(topics([("T", mixed)], MatchInput(summary: "Armenia")).isEmpty)
        #expect(topics([("T", mixed)], MatchInput(title: "Armenia")) == ["T"])
        #expect(topics([("T", mixed)], MatchInput(summary: "Georgia")) == ["T"])
    }
}
