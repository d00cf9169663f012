import FeedModel
import Testing
import TestSupport
@testable import Matching

/// The gate skips a topic only when none of the targets its rule needs occurs;
/// skipping must never change which topics fire.
struct TopicGateTests {
    let entities = [entity("A", "alpha"), entity("B", "bravo"), entity("C", "charlie")]

    func gate(_ rules: [(String, RuleExpression)]) -> TopicGate {
        let definitions = rules.map { TopicDefinition(name: $0.0, rule: $0.1) }
        var compiler = RuleCompiler(entities: entities, topics: definitions, normalizer: TextNormalizer())
        let topics = definitions.map { CompiledTopic(rule: compiler.compile($0.rule), threshold: nil, ruleText: "") }
        return TopicGate(topics: topics)
    }

    /// `mayFire` for an item in which these entities (by index) occur.
    func mayFire(_ gate: TopicGate, count: Int, entities found: [Int]) -> [Bool] {
        let occurrences = found.map {
            Occurrence(owner: PatternOwner(target: .entity($0), spelling: 0, isStem: false), range: 0 ..< 1)
        }
        return [Bool](unsafeUninitializedCapacity: count) { buffer, initialized in
            gate.mark(occurrences, into: buffer)
            initialized = count
        }
    }

    @Test func topicsAreGatedByWhatTheirRulesNeed() {
        let rules: [(String, RuleExpression)] = [
            ("A-not-B", .and([.entity("A"), .not(.entity("B"))])),        // needs A
            ("not-B", .not(.entity("B"))),                                 // true without any target
            ("A-or-lang", .or([.entity("A"), .attribute(.lang, "ru")])),   // likewise
            ("ref-or-C", .or([.topic("A-not-B"), .entity("C")])),          // needs A or C
            ("AB-and-C", .and([.or([.entity("A"), .entity("B")]), .entity("C")])),  // the smaller part: C
            ("A-near-B", .near(.entity("A"), .entity("B"), within: 3)),    // its left side: A
        ]
        let g = gate(rules)
        #expect(mayFire(g, count: rules.count, entities: []) == [false, true, true, false, false, false])
        #expect(mayFire(g, count: rules.count, entities: [1]) == [false, true, true, false, false, false])
        #expect(mayFire(g, count: rules.count, entities: [2]) == [false, true, true, true, true, false])
        #expect(mayFire(g, count: rules.count, entities: [0]) == [true, true, true, true, false, true])
    }

    @Test func aCycleOfTopicReferencesGatesNothing() {
        let g = gate([("X", .and([.topic("Y"), .entity("A")])), ("Y", .or([.topic("X"), .entity("B")])),
                      ("Z", .entity("C"))])
        #expect(mayFire(g, count: 3, entities: []) == [true, true, true])
        #expect(!g.isAcyclic)
        // Also when the cycle passes under a NOT, which needs nothing.
        let underNot = gate([("X", .and([.topic("Y"), .entity("A")])), ("Y", .not(.topic("X")))])
        #expect(mayFire(underNot, count: 2, entities: []) == [true, true])
        #expect(!underNot.isAcyclic)
        #expect(gate([("X", .entity("A")), ("Y", .not(.topic("X")))]).isAcyclic)
    }

    /// Random rules over random items: `match` (gated) fires exactly the topics
    /// that `explain` (which evaluates every topic) says fired, with the score
    /// their traces give.
    @Test func gatingNeverChangesWhatFires() {
        var random = SeededRandom(state: 7)
        let words = ["alpha", "bravo", "charlie", "delta", "echo"]
        func rule(_ depth: Int, topicsBefore: Int) -> RuleExpression {
            let pick = Int.random(in: 0 ..< (depth > 2 ? 3 : 10), using: &random)
            switch pick {
            case 0: return .entity(["A", "B", "C"][Int.random(in: 0 ..< 3, using: &random)])
            case 1: return .term(Spelling(words[Int.random(in: 0 ..< words.count, using: &random)]))
            case 2: return topicsBefore > 0 ? .topic("T\(Int.random(in: 0 ..< topicsBefore, using: &random))")
                : .attribute(.lang, "ru")
            case 3: return .not(rule(depth + 1, topicsBefore: topicsBefore))
            case 4, 5: return .and((0 ..< Int.random(in: 1 ... 3, using: &random)).map { _ in rule(depth + 1, topicsBefore: topicsBefore) })
            case 6, 7: return .or((0 ..< Int.random(in: 1 ... 3, using: &random)).map { _ in rule(depth + 1, topicsBefore: topicsBefore) })
            case 8: return .weighted(rule(depth + 1, topicsBefore: topicsBefore), 2.5)
            default: return .near(.entity("A"), .entity(["B", "C"][Int.random(in: 0 ..< 2, using: &random)]), within: 2)
            }
        }
        for _ in 0 ..< 40 {
            let topics = (0 ..< 6).map {
                TopicDefinition(name: "T\($0)", rule: rule(0, topicsBefore: $0),
                                threshold: [nil, 1.5, 3][Int.random(in: 0 ..< 3, using: &random)])
            }
            let matcher = Matcher(entities: entities, topics: topics)
            for _ in 0 ..< 20 {
                let title = (0 ..< Int.random(in: 0 ... 6, using: &random))
                    .map { _ in words[Int.random(in: 0 ..< words.count, using: &random)] }.joined(separator: " ")
                let input = MatchInput(title: title, language: Bool.random(using: &random) ? "ru" : "en")
                let explained = matcher.explain(input)
                let matched = matcher.match(input)
                #expect(matched.topics == explained.explanations.filter(\.fired).map(\.topic),
                        "\(title): \(topics.map(\.rule))")
                // The score as the traces give it (`MatchResult` works it out from them when given none).
                #expect(matched.score == MatchResult(topics: matched.topics, explanations: explained.explanations).score,
                        "\(title): \(topics.map(\.rule))")
            }
        }
    }
}
