import FeedModel
import Testing
@testable import Matching

@Suite("NEAR/n, field scopes, feed attributes, @topic, weights, [keep], traces")
struct RuleFeatureTests {
    let entities = [
        EntityDefinition(name: "Russia", kind: "country", spellings: [Spelling("Russia"), Spelling("Russian")]),
        EntityDefinition(name: "Georgia", kind: "country", spellings: [Spelling("Georgia")]),
        EntityDefinition(name: "Armenia", kind: "country", spellings: [Spelling("Armenia")]),
    ]

    func matcher(_ topics: [TopicDefinition], keep: TopicDefinition? = nil) -> Matcher {
        Matcher(entities: entities, topics: topics, keep: keep)
    }

    func fires(_ rule: RuleExpression, _ input: MatchInput, threshold: Double? = nil) -> Bool {
        !matcher([TopicDefinition(name: "T", rule: rule, threshold: threshold)]).match(input).topics.isEmpty
    }

    let peacekeep = RuleExpression.term(Spelling("peacekeep", isStem: true))

    @Test("a result's score is the best score of the topics that fired, the one the digest ranks by")
    func resultScore() {
        let m = matcher([
            TopicDefinition(name: "Two", rule: .or([.entity("Russia"), .entity("Georgia"), .entity("Armenia")])),
            TopicDefinition(name: "Weighted", rule: .weighted(.entity("Armenia"), 5)),
            TopicDefinition(name: "Plain", rule: .entity("Armenia")),
        ])
        let both = m.match(MatchInput(title: "Russia and Georgia, Russia again"))
        #expect(both.topics == ["Two"])
        #expect(both.score == 2, "two distinct entities, however often they occur")
        #expect(m.match(MatchInput(title: "Armenia")).score == 5, "Weighted (5) beats Two and Plain (1)")
        #expect(m.match(MatchInput(title: "nothing here")).score == nil)
        // A result built without the matcher's traces has none.
        #expect(MatchResult(topics: ["Two"], hits: both.hits).score == nil)
    }

    @Test("NEAR/n: at most n words between the two, in either order, in one field")
    func near() {
        let rule = RuleExpression.near(.entity("Russia"), peacekeep, within: 3)
        #expect(fires(rule, MatchInput(title: "Russian peacekeepers leave")))
        #expect(fires(rule, MatchInput(title: "Peacekeepers from Russia leave")))
        #expect(fires(rule, MatchInput(title: "Russia, they say, sent peacekeepers")))        // 3 words between
        #expect(!fires(rule, MatchInput(title: "Russia, they say, has sent peacekeepers")))   // 4 words between
        #expect(!fires(rule, MatchInput(title: "Russia says", summary: "peacekeepers")))
        #expect(fires(.near(.entity("Russia"), peacekeep, within: 0), MatchInput(title: "Russian peacekeeping")))
    }

    @Test("NEAR with an OR side, and a side that repeats the other needs two occurrences")
    func nearWithOr() {
        let rule = RuleExpression.near(.or([.entity("Georgia"), .entity("Armenia")]), .term(Spelling("border")), within: 1)
        #expect(fires(rule, MatchInput(summary: "the Armenia border")))
        #expect(fires(rule, MatchInput(summary: "border of Georgia")))
        #expect(!fires(.near(.entity("Russia"), .entity("Russia"), within: 2), MatchInput(title: "Russia")))
        #expect(fires(.near(.entity("Russia"), .entity("Russia"), within: 2), MatchInput(title: "Russia and Russia")))
    }

    @Test("field scopes: a scoped term counts only in that field; author and category are searched when scoped")
    func scopes() {
        #expect(fires(.scoped(.title, .entity("Georgia")), MatchInput(title: "Georgia votes")))
        #expect(!fires(.scoped(.title, .entity("Georgia")), MatchInput(title: "Votes", summary: "Georgia")))
        #expect(fires(.scoped(.summary, .or([.entity("Armenia"), .entity("Georgia")])), MatchInput(summary: "Georgia")))
        #expect(fires(.scoped(.author, .term(Spelling("Smith"))), MatchInput(title: "x", authors: ["Anna Smith"])))
        #expect(!fires(.term(Spelling("Smith")), MatchInput(title: "x", authors: ["Anna Smith"])))
        #expect(fires(.scoped(.category, .term(Spelling("politics"))), MatchInput(categories: ["World", "Politics"])))
        // A scope inside another narrows it to nothing.
        #expect(!fires(.scoped(.title, .scoped(.summary, .entity("Georgia"))), MatchInput(title: "Georgia", summary: "Georgia")))
        let hit = matcher([TopicDefinition(name: "T", rule: .scoped(.author, .term(Spelling("Smith"))))])
            .match(MatchInput(authors: ["Jo Smith"])).hits.first
        #expect(hit?.field == .author)
        #expect(hit?.matchedText == "Smith")
    }

    @Test("feed attributes: lang (a prefix of a longer tag), country and feed, ignoring case")
    func attributes() {
        let input = MatchInput(title: "Georgia", feed: "civil-ge", language: "en-GB", country: "GE")
        #expect(fires(.and([.entity("Georgia"), .attribute(.lang, "en")]), input))
        #expect(!fires(.and([.entity("Georgia"), .attribute(.lang, "e")]), input))
        #expect(fires(.attribute(.country, "ge"), input))
        #expect(fires(.attribute(.feed, "Civil-GE"), input))
        #expect(!fires(.attribute(.feed, "civil"), input))
        #expect(!fires(.attribute(.lang, "en"), MatchInput(title: "Georgia")))
    }

    @Test("@topic is true when that topic fires (its threshold included); a cycle is false, not endless")
    func topicReferences() {
        let m = matcher([
            TopicDefinition(name: "Both", rule: .and([.topic("G"), .entity("Armenia")])),
            TopicDefinition(name: "G", rule: .entity("Georgia")),
            TopicDefinition(name: "Loop", rule: .or([.topic("Loop"), .entity("Russia")])),
        ])
        #expect(m.match(MatchInput(title: "Georgia and Armenia")).topics == ["Both", "G"])
        #expect(m.match(MatchInput(title: "Armenia")).topics.isEmpty)
        #expect(m.match(MatchInput(title: "Russia")).topics == ["Loop"])
    }

    @Test("threshold: the weights of what made the rule true must reach it; a single weak term is not enough")
    func weights() {
        let rule = RuleExpression.or([.weighted(.entity("Georgia"), 2), .entity("Armenia"), .term(Spelling("border")),
                                      .and([.entity("Russia"), .attribute(.lang, "en")])])
        #expect(fires(rule, MatchInput(title: "Georgia"), threshold: 2))
        #expect(!fires(rule, MatchInput(title: "Armenia"), threshold: 2))
        #expect(fires(rule, MatchInput(title: "Armenia border"), threshold: 2))
        // An attribute weighs nothing; the same term twice counts once.
        #expect(!fires(rule, MatchInput(title: "Russia", language: "en"), threshold: 2))
        #expect(!fires(.or([.entity("Armenia"), .and([.entity("Armenia"), .not(.entity("Russia"))])]),
                       MatchInput(title: "Armenia Armenia"), threshold: 2))
        // Terms of a false group, and terms under NOT, add nothing.
        let grouped = RuleExpression.or([.and([.entity("Armenia"), .entity("Russia")]), .entity("Georgia")])
        #expect(!fires(grouped, MatchInput(title: "Georgia Armenia"), threshold: 2))
        // A topic's weight is what it adds where another rule names it.
        let m = matcher([TopicDefinition(name: "G", rule: .entity("Georgia"), weight: 3),
                         TopicDefinition(name: "Strong", rule: .or([.topic("G"), .entity("Armenia")]), threshold: 3)])
        #expect(m.match(MatchInput(title: "Georgia")).topics == ["G", "Strong"])
        #expect(m.match(MatchInput(title: "Armenia")).topics.isEmpty)
    }

    @Test("[keep] decides what is kept; without it any topic keeps the item")
    func keep() {
        let topics = [TopicDefinition(name: "G", rule: .entity("Georgia")), TopicDefinition(name: "A", rule: .entity("Armenia"))]
        let keep = TopicDefinition(name: "keep", rule: .and([.topic("G"), .not(.attribute(.country, "US"))]), ruleText: "@G AND NOT country:US")
        let m = matcher(topics, keep: keep)
        #expect(m.match(MatchInput(title: "Georgia", country: "GE")).isKept)
        #expect(!m.match(MatchInput(title: "Georgia", country: "US")).isKept)
        let armenia = m.match(MatchInput(title: "Armenia"))
        #expect(armenia.topics == ["A"])
        #expect(!armenia.isKept)
        #expect(matcher(topics).match(MatchInput(title: "Armenia")).isKept)
    }

    @Test("a fired topic records its rule text, its tree with what fired, the spellings, fields and spans")
    func explanations() {
        let rule = RuleExpression.and([.entity("Georgia"), .not(.term(Spelling("Atlanta"))),
                                       .near(.entity("Russia"), peacekeep, within: 2)])
        let m = matcher([TopicDefinition(name: "T", rule: rule, ruleText: "@Georgia AND NOT Atlanta AND @Russia NEAR/2 peacekeep*")])
        let result = m.explain(MatchInput(title: "Georgia", summary: "Russian peacekeepers"))
        let trace = try! #require(result.explanations.first)
        #expect(trace.topic == "T")
        #expect(trace.ruleText == "@Georgia AND NOT Atlanta AND @Russia NEAR/2 peacekeep*")
        #expect(trace.fired)
        #expect(trace.firedLeaves == ["@Georgia", "@Russia", "peacekeep*"])
        #expect(trace.tree.children.map(\.label) == ["@Georgia", "NOT", "NEAR/2"])
        #expect(trace.tree.children[0].hits == [Hit(entity: "Georgia", spelling: "Georgia", field: .title,
                                                    matchedText: "Georgia", start: 0, end: 7)])
        #expect(trace.tree.children[2].hits.map(\.matchedText) == ["Russian", "peacekeepers"])
        #expect(trace.rendered() == """
            topic T: fired
              + AND
                + @Georgia   title "Georgia"
                + NOT
                  - Atlanta
                + NEAR/2   summary "Russian", summary "peacekeepers" (peacekeep*)
                  + @Russia   summary "Russian"
                  + peacekeep*   summary "peacekeepers" (peacekeep*)
            """)
        // match() builds no traces, fired or not; explain() traces every topic.
        let matched = m.match(MatchInput(title: "Georgia", summary: "Russian peacekeepers"))
        #expect(matched.topics == ["T"] && matched.explanations.isEmpty)
        #expect(m.match(MatchInput(title: "Armenia")).explanations.isEmpty)
        #expect(m.explain(MatchInput(title: "Armenia")).explanations.map(\.fired) == [false])
    }

    @Test("match() stores the score explain()'s traces give, with thresholds, weights, @topic and [keep]")
    func scoreWithoutTraces() {
        let topics = [
            TopicDefinition(name: "Two", rule: .or([.entity("Russia"), .entity("Georgia"), .entity("Armenia")]),
                            threshold: 2),
            TopicDefinition(name: "Weighted", rule: .and([.weighted(.entity("Armenia"), 3), .not(.entity("Russia"))])),
            TopicDefinition(name: "Refers", rule: .or([.weighted(.topic("Two"), 4), peacekeep])),
            // A topic named like the [keep] rule: its trace and the rule's both count, as they always did.
            TopicDefinition(name: "keep", rule: .entity("Georgia")),
        ]
        let keep = TopicDefinition(name: "keep", rule: .weighted(.entity("Georgia"), 7))
        let inputs = ["Russia and Georgia", "Armenia", "Armenia and Russia", "Georgia", "peacekeepers",
                      "Russian peacekeepers in Armenia and Georgia", "nothing here"].map { MatchInput(title: $0) }
        var scores: [Double?] = []
        for m in [matcher(topics), matcher(topics, keep: keep)] {
            for input in inputs {
                let matched = m.match(input), explained = m.explain(input)
                #expect(matched.score == explained.score, "\(input.title)")
                #expect(matched.score == MatchResult(topics: explained.topics, explanations: explained.explanations).score)
                #expect(matched.topics == explained.topics && matched.hits == explained.hits && matched.keep == explained.keep)
                scores.append(matched.score)
            }
        }
        #expect(scores == [4, 3, 4, 1, 1, 5, nil,
                           7, 3, 4, 7, 1, 7, nil])
    }
}
