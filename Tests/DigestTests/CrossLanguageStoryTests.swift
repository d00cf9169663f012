import Foundation
import Testing
import FeedModel
@testable import Digest

/// The entity rule of stories (`EntityStoryLinker`): the same event in several languages is
/// one story, two events that share a politician and the countries are not. The day is the
/// demo's (seeds/README.md): its ten kept items with the entities they match.
@Suite struct CrossLanguageStoryTests {
    let utc = TimeZone(secondsFromGMT: 0)!

    static let kinds: [String: String] = [
        "Azerbaijan": "country", "Armenia": "country", "Russia": "country", "Turkey": "country", "Georgia": "country",
        "Nagorno-Karabakh": "region", "South-Caucasus": "region", "Tavush": "region",
        "Dmitry-Peskov": "person", "Vladimir-Putin": "person", "Hikmet-Hajiyev": "person",
        "Nikol-Pashinyan": "person", "Ararat-Mirzoyan": "person", "Russian-peacekeepers": "force",
        "Stepanakert": "city", "Yerevan": "city", "Baku": "city", "Tbilisi": "city", "Shusha": "city",
        "Aghdam": "town", "Rustaveli-Avenue": "street", "CSTO": "organisation", "OSCE-Minsk-Group": "organisation",
    ]

    static func item(_ title: String, feed: String, hour: Int, minute: Int = 0, topics: [String],
                     entities: [String]) -> MatchedItem {
        Item.make(title, feed: feed, link: "https://\(feed).example/\(hour)\(minute)", seen: Item.at(hour, minute),
                  topics: topics, hits: entities.map { Item.hit($0, $0, .summary) })
    }

    static let peacekeepers = ["Karabakh", "Peacekeepers"]

    /// The withdrawal of the Russian peacekeepers in five languages, seed-ru first.
    static let withdrawal = [
        item("What was the purpose of the Russian peacekeepers and why did they leave?", feed: "seed-newsline",
             hour: 17, minute: 40, topics: peacekeepers + ["Peace-process", "Armenian-politics"],
             entities: ["Russian-peacekeepers", "Russia", "Nagorno-Karabakh", "Dmitry-Peskov", "Vladimir-Putin",
                        "Hikmet-Hajiyev", "Azerbaijan", "Armenia", "Turkey", "South-Caucasus"]),
        item("Песков подтвердил начало вывода российских миротворцев из Карабаха", feed: "seed-ru", hour: 9,
             topics: peacekeepers + ["Armenian-politics"],
             entities: ["Dmitry-Peskov", "Russian-peacekeepers", "Russia", "Nagorno-Karabakh", "Azerbaijan",
                        "Hikmet-Hajiyev", "Armenia"]),
        item("Rusiya sülhməramlı kontingentinin Qarabağdan çıxarılmasına başlanılıb", feed: "seed-az", hour: 9,
             minute: 20, topics: peacekeepers,
             entities: ["Russian-peacekeepers", "Russia", "Nagorno-Karabakh", "Hikmet-Hajiyev", "Azerbaijan"]),
        item("Ռուս խաղաղապահները լքում են Ստեփանակերտում գտնվող շտաբը", feed: "seed-hy", hour: 12,
             topics: peacekeepers,
             entities: ["Russian-peacekeepers", "Russia", "Stepanakert", "Nagorno-Karabakh", "Yerevan"]),
        item("რუსი სამშვიდობოები ყარაბაღს ვადაზე ადრე ტოვებენ", feed: "seed-ka", hour: 10, minute: 5,
             topics: peacekeepers, entities: ["Russian-peacekeepers", "Russia", "Nagorno-Karabakh", "Dmitry-Peskov"]),
    ]

    static let mine = item("Qarabağda mina partlayışı: iki mühəndis yaralanıb", feed: "seed-az", hour: 11,
                           topics: ["Karabakh"], entities: ["Nagorno-Karabakh", "Aghdam"])

    /// The rest of the demo's day.
    static let others = [
        mine,
        item("Şuşanın tarixi məscidində bərpa işləri yekunlaşıb", feed: "seed-az", hour: 13, topics: ["Karabakh"],
             entities: ["Shusha"]),
        item("Пашинян: Армения готова продолжить делимитацию границы с Азербайджаном", feed: "seed-ru", hour: 14,
             topics: ["Peace-process", "Armenian-politics"],
             entities: ["Nikol-Pashinyan", "Armenia", "Azerbaijan", "Tavush", "Baku"]),
        item("ԵՐԵՎԱՆՈՒՄ ՀԱՆԴԻՊԵԼ ԵՆ ՀԱՅԱՍՏԱՆԻ ԵՎ ԱԴՐԲԵՋԱՆԻ ՍԱՀՄԱՆԱԶԱՏՄԱՆ ՀԱՆՁՆԱԺՈՂՈՎՆԵՐԸ", feed: "seed-hy", hour: 15,
             topics: ["Peace-process"], entities: ["Yerevan", "Armenia", "Azerbaijan", "Tavush"]),
        item("საქართველოს პარლამენტმა უცხოური გავლენის შესახებ კანონი მესამე მოსმენით მიიღო", feed: "seed-ka",
             hour: 16, topics: ["Georgian-politics"], entities: ["Georgia", "Tbilisi", "Rustaveli-Avenue"]),
    ]

    func build(_ items: [MatchedItem]) -> DigestModel {
        DigestBuilder().build(DigestInput(
            day: "2024-04-18", dayStart: Item.dayStart, dayEnd: Item.at(24, 0), timeZone: utc, items: items,
            topicOrder: ["Karabakh", "Peacekeepers", "Peace-process", "Armenian-politics", "Georgian-politics"],
            entityKinds: Self.kinds))
    }

    func story(containing title: String, in model: DigestModel) throws -> Story {
        try #require(model.sections.flatMap(\.stories).first { $0.entries.contains { $0.item.title == title } })
    }

    @Test func theWithdrawalInFiveLanguagesIsOneStoryOfFiveOutletsFirstReportedInRussian() throws {
        let model = build(Self.withdrawal + Self.others)
        let story = try story(containing: Self.withdrawal[0].title, in: model)
        #expect(story.outletCount == 5)
        #expect(story.outlets.map(\.item.feedName) == ["seed-ru", "seed-az", "seed-ka", "seed-hy", "seed-newsline"])
        #expect(story.first.item.feedName == "seed-ru")
        #expect(Set(story.entries.map(\.item.title)) == Set(Self.withdrawal.map(\.title)))
        #expect(model.sharedStoryCount == 1)
        // Their titles share no word pair: without the entity rule they are five stories.
        let fingerprints = Self.withdrawal.map { StoryFingerprint(text: $0.title) }
        #expect(StoryGrouper(threshold: 0.3).groups(fingerprints).count == 5)
    }

    @Test func aMineExplosionInKarabakhDoesNotJoinTheWithdrawal() throws {
        let model = build(Self.withdrawal + Self.others)
        let story = try story(containing: Self.mine.title, in: model)
        #expect(story.entries.map(\.item.title) == [Self.mine.title])
        #expect(try self.story(containing: Self.withdrawal[0].title, in: model).entries.count == 5)
    }

    @Test func twoPashinyanStoriesSharingHimAndTheCountriesStayApart() throws {
        let csto = Self.item("Pashinyan: Armenia will not take part in CSTO events while the Karabakh talks are stalled",
                             feed: "civilnet", hour: 18, topics: ["Armenian-politics"],
                             entities: ["Nikol-Pashinyan", "Armenia", "Azerbaijan", "CSTO", "Ararat-Mirzoyan",
                                        "OSCE-Minsk-Group"])
        let model = build(Self.withdrawal + Self.others + [csto])
        let delimitation = Self.others[2]
        #expect(try story(containing: csto.title, in: model).entries.map(\.item.title) == [csto.title])
        #expect(try story(containing: delimitation.title, in: model).entries.map(\.item.title) == [delimitation.title])
        #expect(try story(containing: Self.withdrawal[0].title, in: model).entries.count == 5)
    }

    @Test func sharedCountriesAndRegionsAloneMakeNoStory() {
        // Same names, same topic, different feeds: but Armenia, Azerbaijan and Tavush only say where.
        let linker = EntityStoryLinker(threshold: 0.25, broadKinds: ["country", "region"], kinds: Self.kinds)
        let a = Self.item("Border commissions meet", feed: "a", hour: 9, topics: ["Peace-process"],
                          entities: ["Armenia", "Azerbaijan", "Tavush"])
        let b = Self.item("Commissions on the border meet again", feed: "b", hour: 10, topics: ["Peace-process"],
                          entities: ["Armenia", "Azerbaijan", "Tavush"])
        #expect(linker.links([a, b]).isEmpty)
        // Without kinds every name counts as specific, and the same pair links.
        let untyped = EntityStoryLinker(threshold: 0.25, broadKinds: ["country", "region"], kinds: [:])
        #expect(untyped.links([a, b]).map { [$0.0, $0.1] } == [[0, 1]])
    }

    @Test func oneFeedsItemsOrItemsWithoutACommonTopicAreNotLinkedByEntities() {
        let linker = EntityStoryLinker(threshold: 0.25, broadKinds: ["country", "region"], kinds: Self.kinds)
        let names = ["Russian-peacekeepers", "Dmitry-Peskov", "Russia"]
        let a = Self.item("One", feed: "a", hour: 9, topics: ["Peacekeepers"], entities: names)
        let sameFeed = Self.item("Two", feed: "a", hour: 10, topics: ["Peacekeepers"], entities: names)
        let otherTopic = Self.item("Three", feed: "b", hour: 11, topics: ["Economy"], entities: names)
        #expect(linker.links([a, sameFeed, otherTopic]).isEmpty)
        let otherFeed = Self.item("Four", feed: "c", hour: 12, topics: ["Peacekeepers"], entities: names)
        #expect(linker.links([a, otherFeed]).map { [$0.0, $0.1] } == [[0, 1]])
    }

    /// One poll saw every outlet at once (the demo's first poll): the earliest publication
    /// date says who reported first, whatever order the feeds were fetched in.
    @Test func outletsSeenInOnePollAreOrderedByPublicationDate() throws {
        let seen = Item.at(11, 59)
        let dated: [(String, Int)] = [("seed-newsline", 18), ("seed-ru", 17), ("seed-az", 17), ("seed-hy", 18), ("seed-ka", 18)]
        let items = zip(Self.withdrawal, dated).map { item, feedAndDay -> MatchedItem in
            var copy = item
            copy.firstSeen = seen
            copy.published = Calendar(identifier: .gregorian).date(
                from: DateComponents(timeZone: utc, year: 2024, month: 4, day: feedAndDay.1, hour: feedAndDay.0 == "seed-ru" ? 8 : 10))
            return copy
        }
        let story = try story(containing: Self.withdrawal[0].title, in: build(items + Self.others))
        #expect(story.first.item.feedName == "seed-ru")
        #expect(story.entries.map(\.item.feedName) == ["seed-ru", "seed-az", "seed-hy", "seed-ka", "seed-newsline"])
    }

    /// One poll saw every outlet within a minute (the demo's first poll): the earliest
    /// publication date says who reported first, not the order the feeds were fetched in.
    @Test func outletsSeenInOnePollAreFirstByPublicationDate() throws {
        let dated: [(String, Int, Int)] = [("seed-newsline", 18, 10), ("seed-ru", 17, 8), ("seed-az", 17, 9),
                                           ("seed-hy", 18, 10), ("seed-ka", 18, 10)]
        let items = zip(Self.withdrawal, dated).enumerated().map { index, pair -> MatchedItem in
            var copy = pair.0
            copy.firstSeen = Item.at(11, 59).addingTimeInterval(Double(index) * 5)
            copy.published = Calendar(identifier: .gregorian).date(
                from: DateComponents(timeZone: utc, year: 2024, month: 4, day: pair.1.1, hour: pair.1.2))
            return copy
        }
        let together = try story(containing: Self.withdrawal[0].title, in: build(items + Self.others))
        #expect(together.entries.first?.item.feedName == "seed-newsline")
        #expect(together.first.item.feedName == "seed-ru")

        // An hour apart is two polls: the first seen is first, whatever its date.
        var later = items
        for index in 1..<later.count { later[index].firstSeen = Item.at(13, 0) }
        let apart = try story(containing: Self.withdrawal[0].title, in: build(later + Self.others))
        #expect(apart.first.item.feedName == "seed-newsline")
    }
}
