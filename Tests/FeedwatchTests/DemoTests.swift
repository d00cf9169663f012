import Foundation
import TestSupport
import Testing

/// The README's main job, end to end: poll the bundled seeds with seeds/demo.conf and
/// read today's digest, as a new user would.
@Suite struct DemoTests {
    /// Titles (or unambiguous parts of them) that the shipped rules must keep: seeds/README.md.
    static let kept = [
        "What was the purpose of the Russian peacekeepers and why did they leave?",
        "Песков подтвердил начало вывода российских миротворцев из Карабаха",
        "Пашинян: Армения готова продолжить делимитацию границы с Азербайджаном",
        "Rusiya sülhməramlı kontingentinin Qarabağdan çıxarılmasına başlanılıb",
        "Şuşanın tarixi məscidində bərpa işləri yekunlaşıb",
        "Qarabağda mina partlayışı: iki mühəndis yaralanıb",
        "ԵՐԵՎԱՆՈՒՄ ՀԱՆԴԻՊԵԼ ԵՆ ՀԱՅԱՍՏԱՆԻ ԵՎ ԱԴՐԲԵՋԱՆԻ ՍԱՀՄԱՆԱԶԱՏՄԱՆ ՀԱՆՁՆԱԺՈՂՈՎՆԵՐԸ",
        "Ռուս խաղաղապահները լքում են Ստեփանակերտում գտնվող շտաբը",
        "რუსი სამშვიდობოები ყარაბაღს ვადაზე ადრე ტოვებენ",
        "საქართველოს პარლამენტმა უცხოური გავლენის შესახებ კანონი მესამე მოსმენით მიიღო",
    ]

    /// Ordinary and trap items that must stay out of the digest.
    static let dropped = [
        "Heatwave grips southern Europe", "Open-source database engine", "Georgia Tech beats Clemson",
        "Bayern Munich", "В Москве ожидается похолодание", "В Дагестане", "Банк России",
        "В ростовской Нахичевани", "Premyer Liqa", "Yaponiyada", "Bakırköy",
        "Լիբանանում", "Եվրոպայում", "Նոր սմարթֆոնն", "ევროპის ლიგაში", "ევროპაში აპრილის", "ჯორჯიის შტატში",
    ]

    /// A copy of seeds/ in a temporary folder, so the test never writes into the checkout.
    static func copyOfSeeds() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let seeds = FeedwatchBinary.repositoryRoot.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        where name.hasSuffix(".xml") || name.hasSuffix(".conf") {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name),
                                             to: folder.url.appendingPathComponent(name))
        }
        return folder
    }

    @Test func demoDigestKeepsTheRegionalStoriesAndNothingElse() throws {
        let folder = try Self.copyOfSeeds()
        let config = folder.url.appendingPathComponent("demo.conf").path

        let poll = try FeedwatchBinary.run(["poll", "--config", config])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(poll.stdout.isEmpty, "poll must be quiet for cron: \(poll.stdout)")
        #expect(poll.stderr.isEmpty, "\(poll.stderr)")

        let digest = try FeedwatchBinary.run(["digest", "--config", config])
        #expect(digest.status == 0, "\(digest.stderr)")
        // One path per format of seeds/demo.conf, Markdown first, then the rolling Atom feed.
        let paths = digest.stdout.split(separator: "\n").map(String.init)
        #expect(paths.map { ($0 as NSString).pathExtension } == ["md", "html", "json", "atom", "atom"])
        let path = try #require(paths.first)
        let text = try String(contentsOfFile: path, encoding: .utf8)

        for title in Self.kept { #expect(text.contains(title), "kept item missing: \(title)") }
        for title in Self.dropped { #expect(!text.contains(title), "dropped item in the digest: \(title)") }
        let itemLines = text.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(itemLines.count == Self.kept.count)
    }

    @Test func theSeedArticleStandsUnderKarabakhWithTheNamesItCites() throws {
        let folder = try Self.copyOfSeeds()
        let config = folder.url.appendingPathComponent("demo.conf").path
        try FeedwatchBinary.run(["poll", "--config", config])
        let path = try #require(try FeedwatchBinary.run(["digest", "--config", config]).stdout
            .split(separator: "\n").first.map(String.init))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        let articleLine = try #require(lines.firstIndex { $0.contains("[What was the purpose of the Russian peacekeepers") })
        let section = try #require(lines[..<articleLine].last { $0.hasPrefix("## ") })
        #expect(section == "## Karabakh" || section == "## Peacekeepers")
        let entry = lines[articleLine] + "\n" + lines[articleLine + 1]
        for entity in ["Nagorno-Karabakh", "Azerbaijan", "Armenia", "Russia", "Hikmet-Hajiyev", "Dmitry-Peskov"] {
            #expect(entry.contains(entity), "\(entity) missing from: \(entry)")
        }
        #expect(entry.contains("Peacekeepers") || section == "## Peacekeepers")
        #expect(entry.contains("https://newsline.example/"))
    }

    @Test func theWithdrawalInFiveLanguagesIsOneStoryOfFiveOutlets() throws {
        let folder = try Self.copyOfSeeds()
        let config = folder.url.appendingPathComponent("demo.conf").path
        try FeedwatchBinary.run(["poll", "--config", config])
        let path = try #require(try FeedwatchBinary.run(["digest", "--config", config]).stdout
            .split(separator: "\n").first.map(String.init))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("**Story: 5 outlets**") })
        // The story's item lines follow its header, each with the detail line under it.
        let items = stride(from: header + 1, to: min(header + 11, lines.count), by: 2).map { lines[$0] }
        for title in [0, 1, 3, 7, 8].map({ Self.kept[$0] }) {
            #expect(items.contains { $0.contains("[\(title)]") }, "\(title) not in the story")
        }
        #expect(!items.contains { $0.contains("mina partlayışı") })
    }

    @Test func eachSeedOutletShowsWhoItIsAndTheContestedNamesItUsed() throws {
        let folder = try Self.copyOfSeeds()
        let config = folder.url.appendingPathComponent("demo.conf").path
        try FeedwatchBinary.run(["poll", "--config", config])
        // The Markdown file first (demo.conf asks for other formats too).
        let path = try #require(try FeedwatchBinary.run(["digest", "--config", config]).stdout
            .split(separator: "\n").first.map(String.init))
        #expect(path.hasSuffix(".md"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        /// The item line of the item titled `title`, and the detail line under it.
        func entry(_ title: String) throws -> (item: String, detail: String) {
            let index = try #require(lines.firstIndex { $0.contains("[\(title)]") }, "\(title) missing")
            return (lines[index], lines[index + 1])
        }
        // Azerbaijani names from the Azerbaijani outlet, the Armenian name from the Armenian one.
        let shusha = try entry("Şuşanın tarixi məscidində bərpa işləri yekunlaşıb")
        #expect(shusha.item.contains(" · seed-az (AZ · az · state) · "))
        #expect(shusha.detail.hasSuffix(" · names: Shusha (Azerbaijani)"))
        let withdrawal = try entry("Rusiya sülhməramlı kontingentinin Qarabağdan çıxarılmasına başlanılıb")
        #expect(withdrawal.detail.hasSuffix(" · names: Qarabağ (Azerbaijani) for Nagorno-Karabakh"))
        let headquarters = try entry("Ռուս խաղաղապահները լքում են Ստեփանակերտում գտնվող շտաբը")
        #expect(headquarters.item.contains(" · seed-hy (AM · hy · independent) · "))
        #expect(headquarters.detail.hasSuffix(" · names: Stepanakert (Armenian)"))
        // The Russian and Georgian items use the neutral names: nothing to say.
        let peskov = try entry("Песков подтвердил начало вывода российских миротворцев из Карабаха")
        #expect(peskov.item.contains(" · seed-ru (RU · ru · state) · "))
        #expect(!peskov.detail.contains("names:"))
    }

    @Test func digestOfAPastDayIsTheSameFileEveryTime() throws {
        let folder = try Self.copyOfSeeds()
        let config = folder.url.appendingPathComponent("demo.conf").path
        try FeedwatchBinary.run(["poll", "--config", config])
        // Every format: Markdown, HTML, JSON, the day's Atom and the rolling feedwatch.atom.
        let paths = try FeedwatchBinary.run(["digest", "--config", config]).stdout.split(separator: "\n").map(String.init)
        #expect(paths.count == 5)
        let today = try #require(paths.first)
        let day = URL(fileURLWithPath: today).deletingPathExtension().lastPathComponent
        let first = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let again = try FeedwatchBinary.run(["digest", "--config", config, "--date", day])
        #expect(again.status == 0)
        #expect(again.stdout.split(separator: "\n").map(String.init) == paths)
        #expect(try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == first)

        // A second poll finds nothing new and leaves the day as it was.
        let second = try FeedwatchBinary.run(["poll", "--config", config])
        #expect(second.status == 0)
        #expect(try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == first)
    }

    @Test func matchExplainsWhyEachSeedItemIsKeptOrDropped() throws {
        let folder = try Self.copyOfSeeds()
        let result = try FeedwatchBinary.run([
            "match", "--config", folder.url.appendingPathComponent("demo.conf").path,
            folder.url.appendingPathComponent("az-news.xml").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 of 6 items kept"))
        #expect(result.stdout.contains("KEEP  Şuşanın tarixi məscidində bərpa işləri yekunlaşıb"))
        #expect(result.stdout.contains("drop  Premyer Liqa"))
        #expect(result.stdout.contains("\"Qarabağdan\""))
    }
}
