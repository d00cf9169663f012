import Testing
import Config
import FeedModel

@Suite("rule language: NEAR, scopes, attributes, weights, @topic, [keep]")
struct RuleLanguageTests {
    private func rule(_ text: String) throws -> RuleExpression {
        try #require(try parse(ruleFile(["rule = " + text])).topics.first).rule
    }

    private func word(_ text: String, stem: Bool = false) -> RuleExpression { .term(Spelling(text, isStem: stem)) }

    @Test("NEAR/n binds tighter than AND and takes terms, @entities and ORs of them")
    func near() throws {
        #expect(try rule("@A NEAR/5 peacekeep*") == .near(.entity("A"), word("peacekeep", stem: true), within: 5))
        #expect(try rule("x AND (a OR @B) NEAR/0 \"peace deal\"")
                == .and([word("x"), .near(.or([word("a"), .entity("B")]), word("peace deal"), within: 0)]))
        #expect(try rule("NOT a NEAR/2 b") == .not(.near(word("a"), word("b"), within: 2)))
    }

    @Test("NEAR errors: no number, a side that is not positional, a chain")
    func nearErrors() {
        #expect(parseError(ruleFile(["rule = a NEAR b"]))
                == "feeds.conf:8:10: expected NEAR/n with n the most words between the two sides, 0 to 1000 (e.g. NEAR/5), found NEAR")
        #expect(parseError(ruleFile(["rule = a NEAR/x b"]))?.hasPrefix("feeds.conf:8:10: expected NEAR/n") == true)
        #expect(parseError(ruleFile(["rule = (a AND b) NEAR/3 c"]))
                == "feeds.conf:8:8: each side of NEAR/3 must be a word, \"phrase\", @entity, or an OR of them in parentheses")
        #expect(parseError(ruleFile(["rule = a NEAR/3 NOT c"]))?.hasPrefix("feeds.conf:8:17: each side of NEAR/3") == true)
        #expect(parseError(ruleFile(["rule = a NEAR/3 b NEAR/3 c"]))
                == "feeds.conf:8:19: NEAR/n cannot follow another NEAR/n (use parentheses and AND)")
    }

    @Test("field scopes apply to the operand right after them")
    func scopes() throws {
        #expect(try rule("title:@A AND summary:(x OR \"y z\") AND author:Smith AND category:politics AND content:war*")
                == .and([.scoped(.title, .entity("A")),
                         .scoped(.summary, .or([word("x"), word("y z")])),
                         .scoped(.author, word("Smith")),
                         .scoped(.category, word("politics")),
                         .scoped(.content, word("war", stem: true))]))
        #expect(parseError(ruleFile(["rule = title: @A"]))?.hasPrefix("feeds.conf:8:14: expected a word") == true)
        #expect(parseError(ruleFile(["rule = x OR summry:@A"]))?.hasPrefix("feeds.conf:8:13: unknown field summry: (did you mean summary:?") == true)
        // A colon in an ordinary word is still a word.
        #expect(try rule("\"10:30\" OR re:") == .or([word("10:30"), word("re:")]))
    }

    @Test("feed attributes lang:, country:, feed:")
    func attributes() throws {
        #expect(try rule("@A AND (lang:ru OR country:AZ) AND NOT feed:civil-ge")
                == .and([.entity("A"), .or([.attribute(.lang, "ru"), .attribute(.country, "AZ")]),
                         .not(.attribute(.feed, "civil-ge"))]))
        #expect(parseError(ruleFile(["rule = lang: AND @A"])) == "feeds.conf:8:13: expected a value after lang: (e.g. lang:ru, country:AZ, feed:civil-ge)")
    }

    @Test("weights follow an operand: word^2, @entity^0.5, (group)^3")
    func weights() throws {
        #expect(try rule("@A^2 OR border^0.5 OR (x OR y)^3 OR title:z^1")
                == .or([.weighted(.entity("A"), 2), .weighted(word("border"), 0.5),
                        .weighted(.or([word("x"), word("y")]), 3), .weighted(.scoped(.title, word("z")), 1)]))
        #expect(parseError(ruleFile(["rule = @A^"])) == "feeds.conf:8:10: expected a weight after '^' (a number from 0 to 1000 such as 2 or 0.5)")
        #expect(parseError(ruleFile(["rule = @A^-1"]))?.hasPrefix("feeds.conf:8:10: expected a weight") == true)
        #expect(parseError(ruleFile(["rule = ^2"]))?.hasPrefix("feeds.conf:8:8: unexpected ^2.0") == true)
    }

    @Test("topic weight and threshold keys")
    func weightAndThreshold() throws {
        let config = try parse(ruleFile(["rule = @A^2 OR @B", "weight = 1.5", "threshold = 2"]))
        let topic = try #require(config.topics.first)
        #expect(topic.weight == 1.5)
        #expect(topic.threshold == 2)
        #expect(topic.ruleText == "@A^2 OR @B")
        #expect(parseError(ruleFile(["rule = @A", "threshold = 0"]))
                == "feeds.conf:9:13: expected a number above 0, up to 1000 for threshold, found \"0\" (e.g. threshold = 2 (the weights of what fired must add up to at least this))")
        #expect(parseError(ruleFile(["rule = @A", "weight = heavy"]))?.hasPrefix("feeds.conf:9:10: expected a number 0 to 1000 for weight") == true)
        #expect(parseError(ruleFile(["rule = @A", "weight = 2", "weight = 3"])) == "feeds.conf:10:1: duplicate key weight (first at line 9)")
    }

    @Test("@NAME names an entity, else a topic")
    func topicReferences() throws {
        let config = try parse(ruleFile(["rule = @A OR @U", "[topic U]", "rule = @B", "[topic A]", "rule = x"]))
        // @A is the entity A (an entity wins over the topic of the same name); @U is the topic.
        #expect(config.topics.first?.rule == .or([.entity("A"), .topic("U")]))
        #expect(parseError(ruleFile(["rule = @A NEAR/2 @U", "[topic U]", "rule = @B"]))
                == "feeds.conf:8:18: @U is a topic, and NEAR/n needs words, phrases or @entities on each side")
        #expect(parseError(ruleFile(["rule = @Uvw", "[topic Uvx]", "rule = @B"]))
                == "feeds.conf:8:8: unknown entity @Uvw (did you mean @Uvx?)")
    }

    @Test("a topic that refers to itself, directly or through others, is an error at the reference that closes the cycle")
    func cycles() {
        #expect(parseError(ruleFile(["rule = @A OR @T"])) == "feeds.conf:8:14: topic T refers to itself: @T -> @T (a cycle)")
        #expect(parseError(ruleFile(["rule = @U", "[topic U]", "rule = @B AND", "  @V", "[topic V]", "rule = x OR @T"]))
                == "feeds.conf:13:13: topic T refers to itself: @T -> @U -> @V -> @T (a cycle)")
    }

    @Test("[keep] holds the global rule and an optional threshold")
    func keepSection() throws {
        let config = try parse(ruleFile(["rule = @A", "[topic U]", "rule = @B", "[keep]", "rule = @T OR (@U AND lang:en)",
                                         "threshold = 1"]))
        let keep = try #require(config.keep)
        #expect(keep.rule == .or([.topic("T"), .and([.topic("U"), .attribute(.lang, "en")])]))
        #expect(keep.threshold == 1)
        #expect(try parse(ruleFile(["rule = @A"])).keep == nil)
        #expect(parseError(ruleFile(["rule = @A", "[keep]", "threshold = 1"]))
                == "feeds.conf:9:1: [keep] has no rule (expected 'rule = ...', e.g. rule = @Karabakh OR @Peace-process)")
        #expect(parseError(ruleFile(["rule = @A", "[keep]", "rule = @T", "weight = 2"]))
                == "feeds.conf:11:1: unknown key \"weight\" in [keep] (known: rule, threshold)")
        #expect(parseError(ruleFile(["rule = @A", "[keep]", "rule = @T", "[keep]", "rule = @T"]))
                == "feeds.conf:11:1: duplicate [keep] section (first at line 9)")
        #expect(parseError(ruleFile(["rule = @A", "[keep]", "rule = @Z"])) == "feeds.conf:10:8: unknown entity @Z (did you mean @A?)")
    }
}
