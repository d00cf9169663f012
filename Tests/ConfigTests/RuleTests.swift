import Testing
import Config
import FeedModel

@Suite("[topic NAME] rules")
struct RuleTests {
    private func rule(_ lines: String...) throws -> RuleExpression {
        let topics = try parse(ruleFile(["rule = " + lines[0]] + lines.dropFirst()))
        return try #require(topics.topics.first).rule
    }

    private func word(_ text: String, stem: Bool = false) -> RuleExpression { .term(Spelling(text, isStem: stem)) }

    @Test("NOT binds tighter than AND, AND tighter than OR")
    func precedence() throws {
        #expect(try rule("@A OR @B AND NOT war") == .or([.entity("A"), .and([.entity("B"), .not(word("war"))])]))
        #expect(try rule("NOT @A AND @B OR x") == .or([.and([.not(.entity("A")), .entity("B")]), word("x")]))
        #expect(try rule("NOT NOT x") == .not(.not(word("x"))))
    }

    @Test("parentheses override precedence")
    func parentheses() throws {
        #expect(try rule("(@A OR @B) AND NOT (x OR y)")
                == .and([.or([.entity("A"), .entity("B")]), .not(.or([word("x"), word("y")]))]))
        #expect(try rule("((x))") == word("x"))
    }

    @Test("nested ANDs and ORs are flattened")
    func flattening() throws {
        #expect(try rule("a OR (b OR c) OR ((d))") == .or([word("a"), word("b"), word("c"), word("d")]))
        #expect(try rule("a AND (b AND (c AND d))") == .and([word("a"), word("b"), word("c"), word("d")]))
        #expect(try rule("a AND (b OR c)") == .and([word("a"), .or([word("b"), word("c")])]))
    }

    @Test("stems word* and phrases \"a b\" and \"a b\"*")
    func stemsAndPhrases() throws {
        #expect(try rule("Şuşa* OR \"peace   treaty\" OR \"sülh müqavilə\"* OR \"#hashtag\"")
                == .or([word("Şuşa", stem: true), word("peace treaty"), word("sülh müqavilə", stem: true),
                        word("#hashtag")]))
    }

    @Test("keywords are upper case only: lower-case and/or/not are terms")
    func lowerCaseKeywords() throws {
        #expect(try rule("and OR or OR Not") == .or([word("and"), word("or"), word("Not")]))
    }

    @Test("a rule continues on indented lines, across comments and blank lines")
    func continuation() throws {
        #expect(try rule("@A", "    OR @B   # the other side", "", "# a comment line", "\tOR (x", "\t    AND y)")
                == .or([.entity("A"), .entity("B"), .and([word("x"), word("y")])]))
        #expect(try rule("", "  @A OR @B") == .or([.entity("A"), .entity("B")]))
    }

    @Test("an indented section header ends a rule")
    func indentedHeaderEndsRule() throws {
        let config = try parse(ruleFile(["rule = @A", "   OR @B", "  [feeds]", "https://a.example/rss"]))
        #expect(config.topics.first?.rule == .or([.entity("A"), .entity("B")]))
        #expect(config.feeds.map(\.name) == ["a.example"])
    }

    @Test("a topic may refer to entities defined after it")
    func forwardReference() throws {
        let config = try parse(["[topic T]", "rule = @Later", "[entity Later]", "kind = x", "spellings = later"])
        #expect(config.topics == [TopicDefinition(name: "T", rule: .entity("Later"), origin: "feeds.conf:1",
                                                    ruleText: "@Later")])
    }

    @Test("an unknown entity is an error at its line:column, with a suggestion when one is close")
    func unknownEntity() {
        let lines = ["[entity Karabakh]", "kind = region", "spellings = Karabakh",
                     "[topic T]", "rule = x OR", "       @Karabah"]
        #expect(parseError(lines) == "feeds.conf:6:8: unknown entity @Karabah (did you mean @Karabakh?)")
        #expect(parseError(ruleFile(["rule = @A OR @karabakh"])) == "feeds.conf:8:14: unknown entity @karabakh")
        #expect(parseError(ruleFile(["rule = @a"])) == "feeds.conf:8:8: unknown entity @a (did you mean @A?)")
    }

    @Test("columns count characters, not bytes")
    func columnsInCharacters() {
        #expect(parseError(ruleFile(["rule = Ղարաբաղ* OR @Ղարաբաղ"])) == "feeds.conf:8:20: unknown entity @Ղարաբաղ")
        #expect(parseError(ruleFile(["rule = \"Şuşa şəhəri\" OR)"])) == "feeds.conf:8:24: unexpected ')' "
                + "(expected @entity, word, \"phrase\", NOT or '(')")
    }

    @Test("an unclosed '(' is reported where ')' was expected, naming the '('")
    func unclosedParenthesis() {
        #expect(parseError(ruleFile(["rule = (@A OR (@B AND x)"]))
                == "feeds.conf:8:25: expected ')' to close '(' at 8:8")
        #expect(parseError(ruleFile(["rule = (@A OR @B", "   AND (x y)"]))
                == "feeds.conf:9:11: expected ')' to close '(' at 9:8")
    }

    @Test("operators without operands are errors", arguments: [
        ("rule = OR @A", "8:8: unexpected OR (expected @entity, word, \"phrase\", NOT or '(')"),
        ("rule = @A AND OR @B", "8:15: unexpected OR (expected @entity, word, \"phrase\", NOT or '(')"),
        ("rule = @A AND", "8:14: unexpected end of rule after AND (expected @entity, word, \"phrase\", NOT or '(')"),
        ("rule = NOT", "8:11: unexpected end of rule after NOT (expected @entity, word, \"phrase\", NOT or '(')"),
        ("rule = ()", "8:9: unexpected ')' (expected @entity, word, \"phrase\", NOT or '(')"),
    ])
    func missingOperand(line: String, message: String) {
        #expect(parseError(ruleFile([line])) == "feeds.conf:" + message)
    }

    @Test("an empty rule is an error")
    func emptyRule() {
        #expect(parseError(ruleFile(["rule =   # nothing yet"])) == "feeds.conf:8:1: rule is empty")
        #expect(parseError(["[topic T]"]) == "feeds.conf:1:1: topic T has no rule (expected 'rule = ...')")
    }

    @Test("tokens must be joined by operators", arguments: [
        ("rule = peace treaty", "8:14: unexpected word 'treaty' (expected AND, OR or end of rule)"),
        ("rule = @A @B", "8:11: unexpected @B (expected AND, OR or end of rule)"),
        ("rule = @A)", "8:10: unexpected ')' with no '(' to close"),
    ])
    func juxtaposition(line: String, message: String) {
        #expect(parseError(ruleFile([line])) == "feeds.conf:" + message)
    }

    @Test("malformed tokens are errors at their column", arguments: [
        ("rule = \"peace treaty OR x", "8:8: expected '\"' to close the phrase on the same line"),
        ("rule = x OR \"\"", "8:13: empty phrase \"\""),
        ("rule = @ OR x", "8:9: expected an entity name after '@'"),
        ("rule = @A* OR x", "8:10: '*' cannot follow an entity reference (put stems in the entity's spellings)"),
        ("rule = @A, OR x", "8:10: unexpected ',' after @A"),
        ("rule = x OR \"a b\"c", "8:18: unexpected 'c' after the phrase"),
        ("rule = x OR * ", "8:13: expected a word before '*'"),
        ("rule = x OR Ş*uşa", "8:14: '*' may only end a word (it makes the word a stem)"),
    ])
    func badTokens(line: String, message: String) {
        #expect(parseError(ruleFile([line])) == "feeds.conf:" + message)
    }

    @Test("topic names are unique and rules are set once")
    func duplicates() {
        #expect(parseError(ruleFile(["rule = @A", "[topic T]", "rule = @B"]))
                == "feeds.conf:9:8: duplicate topic T (first at line 7)")
        #expect(parseError(ruleFile(["rule = @A", "rule = @B"]))
                == "feeds.conf:9:1: duplicate key rule (first at line 8)")
        #expect(parseError(ruleFile(["rule = @A", "when = @B"]))
                == "feeds.conf:9:1: unknown key \"when\" in [topic] (known: rule, weight, threshold)")
    }

    @Test("an entity and a topic may share a name")
    func sharedName() throws {
        let config = try parse(["[entity Baku]", "kind = city", "spellings = Baku", "[topic Baku]", "rule = @Baku"])
        #expect(config.topics.map(\.name) == ["Baku"])
    }
}
