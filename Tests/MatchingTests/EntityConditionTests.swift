import FeedModel
import Testing
@testable import Matching

@Suite("unless / requires context on entities")
struct EntityConditionTests {
    let usContext = EntityDefinition(name: "ctx-us", kind: "context", spellings: [Spelling("Atlanta"), Spelling("Savannah")])
    let topic = TopicDefinition(name: "T", rule: .entity("Georgia"))

    func georgia(_ conditions: [EntityCondition]) -> Matcher {
        Matcher(entities: [usContext, EntityDefinition(name: "Georgia", kind: "country",
                                                       spellings: [Spelling("Georgia"), Spelling("Грузия")],
                                                       conditions: conditions)],
                topics: [topic])
    }

    @Test("unless: a word, a phrase or an @entity anywhere in the item cancels every hit of the entity")
    func unlessAnywhere() {
        let m = georgia([EntityCondition(effect: .unless, context: [.term(Spelling("Governor Kemp")), .entity("ctx-us")])])
        #expect(m.match(MatchInput(title: "Georgia votes")).topics == ["T"])
        let cancelled = m.match(MatchInput(title: "Georgia votes", content: "Polls closed in Savannah."))
        #expect(cancelled.topics.isEmpty)
        #expect(!cancelled.entities.contains("Georgia"))
        #expect(cancelled.cancelled.map(\.matchedText) == ["Georgia"])
        #expect(cancelled.cancelled.first?.cancelledBy == "unless @ctx-us")
        #expect(m.match(MatchInput(title: "Georgia: governor kemp signs bill")).cancelled.first?.cancelledBy
                == "unless \"Governor Kemp\"")
    }

    @Test("unless_near: only context within N words of the hit, in the same field, cancels it")
    func unlessNear() {
        let m = georgia([EntityCondition(effect: .unless, context: [.term(Spelling("Tech"))], withinWords: 1)])
        // Georgia Tech: 0 words between; "Georgia's new tech park": 2 words between.
        #expect(m.match(MatchInput(title: "Georgia Tech wins")).topics.isEmpty)
        #expect(m.match(MatchInput(title: "Georgia, the Tech state")).topics.isEmpty)
        #expect(m.match(MatchInput(title: "Georgia opens a new tech park")).topics == ["T"])
        #expect(m.match(MatchInput(title: "Georgia opens a park", summary: "Tech")).topics == ["T"])
        // Each hit is judged alone: the far one survives.
        let two = m.match(MatchInput(title: "Georgia Tech alumni met in Tbilisi, Georgia"))
        #expect(two.topics == ["T"])
        #expect(two.cancelled.count == 1)
        #expect(two.hits.filter { $0.entity == "Georgia" }.map(\.start) == [36])
    }

    @Test("requires: a hit counts only with its context (a surname with a first name or title near it)")
    func requires() {
        let aliyev = EntityDefinition(name: "Aliyev", kind: "person", spellings: [Spelling("Aliyev")],
                                      conditions: [EntityCondition(effect: .requires,
                                                                   context: [.term(Spelling("Ilham")), .term(Spelling("President"))],
                                                                   withinWords: 1)])
        let m = Matcher(entities: [aliyev], topics: [TopicDefinition(name: "P", rule: .entity("Aliyev"))])
        #expect(m.match(MatchInput(title: "President Aliyev met the envoy")).topics == ["P"])
        #expect(m.match(MatchInput(title: "Ilham Aliyev met the envoy")).topics == ["P"])
        let footballer = m.match(MatchInput(title: "Aliyev scores twice for Spartak"))
        #expect(footballer.topics.isEmpty)
        #expect(footballer.cancelled.first?.cancelledBy == "requires_near 1 Ilham, President (none found)")
        #expect(m.match(MatchInput(title: "The president of the club said Aliyev would go")).topics.isEmpty)
    }

    @Test("a rule's own terms still see the context words")
    func contextStaysVisibleToRules() {
        let m = Matcher(entities: [EntityDefinition(name: "Turkey", kind: "country", spellings: [Spelling("Turkey")],
                                                    conditions: [EntityCondition(effect: .unless, context: [.term(Spelling("Thanksgiving"))])])],
                        topics: [TopicDefinition(name: "T", rule: .entity("Turkey")),
                                 TopicDefinition(name: "Holiday", rule: .term(Spelling("Thanksgiving")))])
        #expect(m.match(MatchInput(title: "Turkey pardoned before Thanksgiving")).topics == ["Holiday"])
        #expect(m.match(MatchInput(title: "Turkey and Azerbaijan sign a deal")).topics == ["T"])
    }

    @Test("the context named is the first one written that occurs, for every hit of the item")
    func firstWrittenContext() {
        let m = georgia([EntityCondition(effect: .unless, context: [.term(Spelling("Kemp")), .entity("ctx-us")])])
        let result = m.match(MatchInput(title: "Georgia: Savannah and Georgia", summary: "Kemp in Georgia"))
        #expect(result.hits.filter { $0.entity == "Georgia" }.isEmpty)
        #expect(result.cancelled.map(\.field) == [.title, .title, .summary])
        #expect(result.cancelled.map(\.cancelledBy) == Array(repeating: "unless Kemp", count: 3))
    }

    @Test("a hit is not its own context: an entity required twice counts only when it occurs twice")
    func notItsOwnContext() {
        let m = georgia([EntityCondition(effect: .requires, context: [.entity("Georgia")])])
        let once = m.match(MatchInput(title: "Georgia votes"))
        #expect(once.topics.isEmpty)
        #expect(once.cancelled.first?.cancelledBy == "requires @Georgia (none found)")
        let twice = m.match(MatchInput(title: "Georgia votes", summary: "Polls in Georgia"))
        #expect(twice.topics == ["T"])
        #expect(twice.cancelled.isEmpty)
        #expect(twice.hits.filter { $0.entity == "Georgia" }.count == 2)
    }
}
