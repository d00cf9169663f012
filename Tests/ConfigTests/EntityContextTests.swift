import Testing
import Config
import FeedModel

@Suite("[entity NAME] unless, requires and contested")
struct EntityContextTests {
    private func entity(_ lines: [String]) throws -> EntityDefinition {
        let config = try parse(["[entity ctx-us]", "kind = context", "spellings = Atlanta",
                                "[entity Georgia]", "kind = country"] + lines)
        return try #require(config.entities.last)
    }

    @Test("unless lists words, phrases, stems and @entities; unless_near takes a word count first")
    func unless() throws {
        let georgia = try entity(["spellings = Georgia",
                                  "unless = Atlanta, \"Governor Kemp\", Bulldog*, @ctx-us",
                                  "unless_near = 3: Tech, \"State University\""])
        #expect(georgia.conditions == [
            EntityCondition(effect: .unless, context: [.term(Spelling("Atlanta")), .term(Spelling("Governor Kemp")),
                                                       .term(Spelling("Bulldog", isStem: true)), .entity("ctx-us")],
                            origin: "feeds.conf:7"),
            EntityCondition(effect: .unless, context: [.term(Spelling("Tech")), .term(Spelling("State University"))],
                            withinWords: 3, origin: "feeds.conf:8"),
        ])
    }

    @Test("requires and requires_near")
    func requires() throws {
        let aliyev = try entity(["spellings = Aliyev", "requires_near = 2: Ilham, President", "requires = @ctx-us"])
        #expect(aliyev.conditions.map(\.effect) == [.requires, .requires])
        #expect(aliyev.conditions.map(\.withinWords) == [2, nil])
    }

    @Test("condition errors name line and column")
    func conditionErrors() {
        let head = ["[entity Georgia]", "kind = country", "spellings = Georgia"]
        #expect(parseError(head + ["unless_near = Atlanta"])
                == "feeds.conf:4:15: expected 'N: context, ...' after unless_near = (N, 0 to 1000, the most words between the context and the hit; e.g. unless_near = 3: Atlanta, Savannah)")
        #expect(parseError(head + ["unless = Atlanta,, Savannah"])
                == "feeds.conf:4:18: empty spelling (two commas in a row, or a comma at the end?)")
        #expect(parseError(head + ["unless = @ctx-usa"]) == "feeds.conf:4:10: unknown entity @ctx-usa")
        #expect(parseError(head + ["unless = @"])?.hasPrefix("feeds.conf:4:10: invalid entity reference \"@\"") == true)
        #expect(parseError(head + ["unless ="]) == "feeds.conf:4:9: expected words, \"phrases\" or @entities after unless =")
    }

    @Test("contested lines add the variants' spellings to the entity and record each side")
    func contested() throws {
        let config = try parse(["[entity Stepanakert]", "kind = city",
                                "spellings = Stepanakert-Khankendi",
                                "contested = Armenian: Stepanakert, Степанакерт, Ստեփանակերտ*",
                                "contested = Azerbaijani: Xankəndi*, Khankendi, Ханкенди"])
        let city = try #require(config.entities.first)
        #expect(city.contested == [
            ContestedVariant(side: "Armenian", name: "Stepanakert",
                             spellings: [Spelling("Stepanakert"), Spelling("Степанакерт"), Spelling("Ստեփանակերտ", isStem: true)]),
            ContestedVariant(side: "Azerbaijani", name: "Xankəndi",
                             spellings: [Spelling("Xankəndi", isStem: true), Spelling("Khankendi"), Spelling("Ханкенди")]),
        ])
        #expect(city.spellings.map(\.written) == ["Stepanakert-Khankendi", "Stepanakert", "Степанакерт", "Ստեփանակերտ*",
                                                  "Xankəndi*", "Khankendi", "Ханкенди"])
    }

    @Test("contested errors: one side only, no side, a spelling on two sides")
    func contestedErrors() {
        let head = ["[entity Shusha]", "kind = city"]
        #expect(parseError(head + ["contested = Azerbaijani: Şuşa*"])
                == "feeds.conf:3:1: entity Shusha has one contested name; a contested name needs a 'contested = SIDE: spellings' line for each of at least two sides")
        #expect(parseError(head + ["contested = Şuşa*, Shusha"])
                == "feeds.conf:3:13: expected 'SIDE: spellings' after contested = (e.g. contested = Azerbaijani: Xankəndi*, Khankendi)")
        #expect(parseError(head + ["contested = Armenian: Shushi", "contested = Azerbaijani: Şuşa*, Shushi"])
                == "feeds.conf:4:33: Shushi is already a spelling of the contested name Shushi (Armenian)")
        #expect(parseError(head + ["contested = Armenian:"]) == "feeds.conf:3:22: expected at least one spelling after 'Armenian:'")
    }

    @Test("perspective= is read into FeedSource.perspective")
    func perspective() throws {
        let config = try parse(["[feeds]", "https://apa.az/rss lang=en country=az perspective=state"])
        #expect(config.feeds.first?.perspective == "state")
        #expect(config.feeds.first?.language == "en")
        #expect(config.feeds.first?.country == "AZ")
    }
}
