import Foundation
import Testing
import Config
import FeedModel

@Suite("Whole files")
struct ConfigurationTests {
    @Test("the example of the spec parses into settings, feeds, entities and topics")
    func fullExample() throws {
        let config = try parse([
            "[settings]",                                                              // 1
            "database = state/feedwatch.sqlite",                                       // 2
            "digests = digests",                                                       // 3
            "timezone = Asia/Baku",                                                    // 4
            "",                                                                        // 5
            "[feeds]",                                                                 // 6
            "https://www.azatutyun.am/api/zrqiteuuir name=azatutyun country=AM lang=hy tags=news",
            "file:seeds/ru-news.xml name=seed-ru country=RU lang=ru encoding=windows-1251",
            "",                                                                        // 9
            "[entity Nagorno-Karabakh]",                                               // 10
            "kind = region",
            "spellings = Nagorno-Karabakh, Karabakh, Karabagh, Artsakh",
            "spellings = Нагорный Карабах, Карабах*, Qarabağ*, Ղարաբաղ*, ყარაბაღ*",
            "",
            "[topic Karabakh]",                                                        // 15
            "rule = @Nagorno-Karabakh OR @Stepanakert",
            "       OR (@Azerbaijan AND @Armenia AND (border OR \"peace treaty\"))",
            "",
            "[entity Stepanakert]",                                                    // 19
            "kind = city",
            "spellings = Stepanakert, Xankəndi",
            "[entity Azerbaijan]",                                                     // 22
            "kind = country",
            "spellings = Azerbaijan",
            "[entity Armenia]",                                                        // 25
            "kind = country",
            "spellings = Armenia",
        ])

        #expect(config.settings.databasePath == "/etc/feedwatch/state/feedwatch.sqlite")
        #expect(config.settings.digestDirectory == "/etc/feedwatch/digests")
        #expect(config.settings.lockPath == "/etc/feedwatch/state/feedwatch.sqlite.lock")
        #expect(config.settings.timeZone.identifier == "Asia/Baku")

        #expect(config.feeds == [
            FeedSource(name: "azatutyun", url: "https://www.azatutyun.am/api/zrqiteuuir",
                       country: "AM", language: "hy", tags: ["news"]),
            FeedSource(name: "seed-ru", url: "file:///etc/feedwatch/seeds/ru-news.xml",
                       country: "RU", language: "ru", options: ["encoding": "windows-1251"],
                       fetch: FeedFetchOptions(encoding: "windows-1251")),
        ])

        #expect(config.entities.map(\.name) == ["Nagorno-Karabakh", "Stepanakert", "Azerbaijan", "Armenia"])
        let karabakh = try #require(config.entities.first)
        #expect(karabakh.kind == "region")
        #expect(karabakh.origin == "feeds.conf:10")
        #expect(karabakh.spellings == [
            Spelling("Nagorno-Karabakh"), Spelling("Karabakh"), Spelling("Karabagh"), Spelling("Artsakh"),
            Spelling("Нагорный Карабах"), Spelling("Карабах", isStem: true), Spelling("Qarabağ", isStem: true),
            Spelling("Ղարաբաղ", isStem: true), Spelling("ყარაბაღ", isStem: true),
        ])

        #expect(config.topics == [
            TopicDefinition(name: "Karabakh", rule: .or([
                .entity("Nagorno-Karabakh"),
                .entity("Stepanakert"),
                .and([
                    .entity("Azerbaijan"), .entity("Armenia"),
                    .or([.term(Spelling("border")), .term(Spelling("peace treaty"))]),
                ]),
            ]), origin: "feeds.conf:15",
               ruleText: "@Nagorno-Karabakh OR @Stepanakert OR (@Azerbaijan AND @Armenia AND (border OR \"peace treaty\"))"),
        ])
    }

    @Test("the [settings] and [feeds] examples of docs/feeds-conf.md parse")
    func documentedExamples() throws {
        let config = try parse([
            "[settings]",
            "timezone = Asia/Baku",
            "concurrency = 32",
            "per_host = 2            # two transfers at once to one host ...",
            "host_gap = 500ms        # ... started at least half a second apart",
            "timeout = 45s",
            "min_interval = 30m",
            "max_interval = 12h",
            "backoff_max = 6h",
            "unconditional_every = 1d",
            "redirect_after = 3d",
            "[feeds]",
            "https://www.azatutyun.am/api/zrqiteuuir name=azatutyun country=AM lang=hy tags=news,politics",
            "https://news.az/rss  # name defaults to the host: news.az",
            "file:seeds/ru-news.xml name=seed-ru lang=ru encoding=windows-1251 interval=30m",
            "\"file:../archive/am news.xml\" name=am-archive",
            "https://apa.az/en/rss name=apa-en user-agent=\"Mozilla/5.0 (compatible; feedwatch)\" timeout=60s",
            "https://example.am/rss header=\"X-Api-Key: 1234\" header=\"Accept-Language: hy, en;q=0.5\" cookie=\"consent=1\"",
            "https://example.ge/rss proxy=socks5h://127.0.0.1:9050 netrc=secrets/netrc tz=Asia/Tbilisi",
            "https://example.az/rss fallback=https://mirror.example.az/rss fallback=http://example.az/rss.xml",
        ])
        #expect(config.settings.perHostConcurrency == 2)
        #expect(config.settings.hostGapMilliseconds == 500)
        #expect(config.settings.redirectAfterSeconds == 3 * 86_400)
        #expect(config.feeds.count == 8)
        #expect(config.feeds.last?.fetch.fallbackURLs == ["https://mirror.example.az/rss", "http://example.az/rss.xml"])
    }

    @Test("an empty file gives the defaults, resolved against the config folder")
    func defaults() throws {
        let config = try parse(["# nothing but a comment", ""])
        let settings = config.settings
        #expect(settings.databasePath == "/etc/feedwatch/feedwatch.sqlite")
        #expect(settings.digestDirectory == "/etc/feedwatch/digests")
        #expect(settings.lockPath == "/etc/feedwatch/feedwatch.sqlite.lock")
        #expect(settings.timeZone.identifier == "UTC" || settings.timeZone.secondsFromGMT() == 0)
        #expect(settings.userAgent == Settings.defaultUserAgent)
        #expect(settings.concurrency == 16)
        #expect(settings.connectTimeoutSeconds == 10)
        #expect(settings.totalTimeoutSeconds == 30)
        #expect(settings.maxBodyBytes == 15 * 1024 * 1024)
        #expect(settings.maxSuffixLength == 6)
        #expect(settings.minIntervalSeconds == 15 * 60)
        #expect(settings.maxIntervalSeconds == 24 * 3_600)
        #expect(settings.perHostConcurrency == 1)
        #expect(settings.hostGapMilliseconds == 1_000)
        #expect(settings.unconditionalEverySeconds == 12 * 3_600)
        #expect(settings.redirectAfterSeconds == 7 * 86_400)
        #expect(settings.backoffMaxSeconds == 24 * 3_600)
        #expect(settings == Settings.defaults(baseDirectory: "/etc/feedwatch"))
        #expect(config.feeds.isEmpty && config.entities.isEmpty && config.topics.isEmpty)
    }

    @Test("load(path:) resolves paths and file: URLs against the file's folder")
    func loadFixture() throws {
        let url = try #require(Bundle.module.url(forResource: "example", withExtension: "conf",
                                                 subdirectory: "Fixtures"))
        let folder = url.deletingLastPathComponent().path
        let config = try ConfigLoader.load(path: url.path)
        #expect(config.settings.databasePath == folder + "/state/feedwatch.sqlite")
        #expect(config.settings.lockPath == folder + "/state/feedwatch.sqlite.lock")
        #expect(config.settings.timeZone.identifier == "Asia/Tbilisi")
        #expect(config.feeds.map(\.name) == ["seed-ru", "az"])
        #expect(config.feeds[0].url == "file://" + folder + "/nested/ru%20news.xml")
        let azPath = try #require(URL(string: config.feeds[1].url)).path
        #expect(FileManager.default.fileExists(atPath: azPath))
        #expect(config.entities.first?.origin == url.path + ":10")
        #expect(config.topics.first?.origin == url.path + ":14")
    }

    @Test("a missing file is an error that names it")
    func missingFile() {
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: "/nonexistent/feeds.conf") }
        do {
            _ = try ConfigLoader.load(path: "/nonexistent/feeds.conf")
        } catch {
            #expect(error.file == "/nonexistent/feeds.conf")
            #expect(error.line == 0)
            #expect(error.description.hasPrefix("/nonexistent/feeds.conf: cannot read"))
        }
    }

    @Test("bytes that are not UTF-8 are reported at their line and column")
    func invalidUTF8() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("feeds.conf")
        var bytes = Array("[entity Baku]\nkind = city\nspellings = Ba".utf8)
        bytes += [0xEB, 0xEA]   // "Баку" in windows-1251 is not UTF-8
        try Data(bytes).write(to: file)
        do {
            _ = try ConfigLoader.load(path: file.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 15)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test("CRLF line endings and a byte order mark are accepted")
    func crlfAndBOM() throws {
        let text = "\u{FEFF}[entity Baku]\r\nkind = city\r\nspellings = Baku, Bakı\r\n"
        let config = try ConfigLoader.parse(text, fileName: "feeds.conf", baseDirectory: "/srv")
        #expect(config.entities.first?.spellings == [Spelling("Baku"), Spelling("Bakı")])
    }

    @Test("comments start at line start or after whitespace, never inside quotes")
    func comments() throws {
        let config = try parse([
            "# leading comment",
            "[settings]  # comment after a header",
            "user_agent = \"feedwatch #1 (ops)\"   # the # inside quotes is kept",
            "[feeds]",
            "https://example.org/feed#top name=\"ex #1\" # trailing comment",
            "   # indented comment",
            "[entity CSharp]",
            "kind = language",
            "spellings = C#, \"F # sharp\"  # a comment",
        ])
        #expect(config.settings.userAgent == "feedwatch #1 (ops)")
        #expect(config.feeds == [FeedSource(name: "ex #1", url: "https://example.org/feed#top")])
        #expect(config.entities.first?.spellings == [Spelling("C#"), Spelling("F # sharp")])
    }

    @Test("a line before any section header is an error")
    func lineOutsideSection() {
        #expect(parseError(["# fine", "", "database = x"]) == "feeds.conf:3:1: line outside any section")
    }

    @Test("unknown sections and malformed headers are errors at the right column")
    func badHeaders() {
        #expect(parseError(["[setings]"])
                == "feeds.conf:1:2: unknown section [setings] (known: [settings], [feeds], [keep], [entity NAME], [topic NAME])")
        #expect(parseError(["[feeds"]) == "feeds.conf:1:7: expected ']' to close the section header")
        #expect(parseError(["[entity]"]) == "feeds.conf:1:8: expected a name after 'entity'")
        #expect(parseError(["[entity South Ossetia]"])
                == "feeds.conf:1:15: an entity name cannot contain spaces (use '-' or '_')")
        #expect(parseError(["[topic Peace!]"])
                == "feeds.conf:1:13: invalid character '!' in topic name (allowed: letters, digits, '-', '_' and '.')")
        #expect(parseError(["[feeds] extra"]) == "feeds.conf:1:9: unexpected text after the section header")
        #expect(parseError(["[settings]", "[feeds]", "[settings]"])
                == "feeds.conf:3:1: duplicate [settings] section (first at line 1)")
    }

    @Test("several [feeds] sections add up")
    func severalFeedSections() throws {
        let config = try parse(["[feeds]", "https://a.example/rss", "[settings]", "[feeds]", "https://b.example/rss"])
        #expect(config.feeds.map(\.name) == ["a.example", "b.example"])
    }
}
