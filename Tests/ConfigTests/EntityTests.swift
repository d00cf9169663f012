import Testing
import Config
import FeedModel

@Suite("[entity NAME]")
struct EntityTests {
    @Test("spellings on several lines add up; phrases, stems and quoted commas are kept")
    func spellings() throws {
        let entity = try #require(try parse([
            "[entity Şuşa]",
            "  kind = city",
            "spellings = Shusha, Şuşa*, Шуша*",
            "spellings = Nagorno   Karabakh town ,  \"Shushi, Artsakh\", \"Şuşa şəhəri\"*",
            "spellings = Shusha",
        ]).entities.first)
        #expect(entity.name == "Şuşa")
        #expect(entity.kind == "city")
        #expect(entity.origin == "feeds.conf:1")
        #expect(entity.spellings == [
            Spelling("Shusha"), Spelling("Şuşa", isStem: true), Spelling("Шуша", isStem: true),
            Spelling("Nagorno Karabakh town"), Spelling("Shushi, Artsakh"), Spelling("Şuşa şəhəri", isStem: true),
        ])
    }

    @Test("names may use any script, digits, '-', '_' and '.'")
    func names() throws {
        let names = try parse([
            "[entity საქართველო]", "kind = country", "spellings = საქართველო",
            "[entity U.S._State-2]", "kind = region", "spellings = Georgia",
        ]).entities.map(\.name)
        #expect(names == ["საქართველო", "U.S._State-2"])
    }

    @Test("an entity defined twice is an error pointing at the first")
    func duplicate() {
        #expect(parseError([
            "[entity Baku]", "kind = city", "spellings = Baku",
            "[entity Baku]", "kind = city", "spellings = Bakı",
        ]) == "feeds.conf:4:9: duplicate entity Baku (first at line 1)")
    }

    @Test("kind and spellings are required")
    func required() {
        #expect(parseError(["[entity Baku]", "spellings = Baku", "[feeds]"])
                == "feeds.conf:1:1: entity Baku has no kind (expected 'kind = ...')")
        #expect(parseError(["[entity Baku]", "kind = city"])
                == "feeds.conf:1:1: entity Baku has no spellings (expected 'spellings = ...')")
    }

    @Test("unknown keys, empty spellings and misplaced stars are errors at their column")
    func errors() {
        #expect(parseError(["[entity Baku]", "kind = city", "spelling = Baku"])
                == "feeds.conf:3:1: unknown key \"spelling\" in [entity] (known: kind, spellings, unless, unless_near, requires, requires_near, contested)")
        #expect(parseError(["[entity Baku]", "kind = city", "spellings = Baku,, Bakı"])
                == "feeds.conf:3:18: empty spelling (two commas in a row, or a comma at the end?)")
        #expect(parseError(["[entity Baku]", "kind = city", "spellings = Ba*ku"])
                == "feeds.conf:3:15: '*' may only end a spelling (it makes the last word a stem)")
        #expect(parseError(["[entity Baku]", "kind = city", "kind = capital"])
                == "feeds.conf:3:1: duplicate key kind (first at line 2)")
    }
}
