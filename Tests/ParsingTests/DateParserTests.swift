import Foundation
import Testing
import Parsing

@Suite struct DateParserTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var expected: TimeInterval?
        var zone: String? = nil
        var description: String { text }
    }

    // 2024-01-02T10:30:00Z = 1704191400
    static let cases: [Case] = [
        Case(text: "Tue, 02 Jan 2024 10:30:00 GMT", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 10:30:00 +0000", expected: 1_704_191_400),
        Case(text: "02 Jan 2024 10:30:00 UT", expected: 1_704_191_400),
        Case(text: "Tue, 2 Jan 2024 10:30 UTC", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 24 10:30:00 Z", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 14:30:00 +0400", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 14:30:00 AZT", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 14:30:00 AMT", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 14:30:00 GET", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 14:30:00 GST", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 13:30:00 MSK", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 05:30:00 EST", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 06:30:00 EDT", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 04:30:00 CST", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 03:30:00 MST", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 02:30:00 PST", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 03:30:00 PDT", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 10:30:00 -0000", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 07:00:00 -0330", expected: 1_704_191_400),
        Case(text: "Tuesday, 02-Jan-2024 10:30:00 GMT", expected: 1_704_191_400),
        Case(text: "Tue Jan 02 2024 14:30:00 GMT+0400", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 10:30:00", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 14:30:00", expected: 1_704_191_400, zone: "Asia/Baku"),
        Case(text: "2024-01-02T10:30:00Z", expected: 1_704_191_400),
        Case(text: "2024-01-02T10:30:00.5Z", expected: 1_704_191_400.5),
        Case(text: "2024-01-02T14:30:00+04:00", expected: 1_704_191_400),
        Case(text: "2024-01-02T14:30+04:00", expected: 1_704_191_400),
        Case(text: "2024-01-02T14:30:00+0400", expected: 1_704_191_400),
        Case(text: "2024-01-02 10:30:00", expected: 1_704_191_400),
        Case(text: "2024-01-02T14:30:00", expected: 1_704_191_400, zone: "Asia/Tbilisi"),
        Case(text: "2024-01-02T13:30:00", expected: 1_704_191_400, zone: "Europe/Moscow"),
        Case(text: "20240102T103000Z", expected: 1_704_191_400),
        Case(text: "2024-01-02", expected: 1_704_153_600),
        Case(text: "2024-01-02", expected: 1_704_139_200, zone: "Asia/Yerevan"),
        Case(text: "2024-01", expected: 1_704_067_200),
        Case(text: "  2024-01-02T10:30:00Z \n", expected: 1_704_191_400),
        // Summer time in a zone with DST: New York is -4 in July.
        Case(text: "2024-07-01T06:00:00", expected: 1_719_828_000, zone: "America/New_York"),
        Case(text: "Tue, 02 Jan 2024 14:30:00 GMT+4", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 14:30:00 GMT+04:00", expected: 1_704_191_400),
        Case(text: "2 Jan 2024 10:30 GMT", expected: 1_704_191_400),
        Case(text: "02 Jan 99 00:00:00 GMT", expected: 915_235_200),
        Case(text: "2024-01-02T10:30Z", expected: 1_704_191_400),
        Case(text: "2024-01-02T10:30:00.123456+00:00", expected: 1_704_191_400.123456),
        Case(text: "2024-01-02T14:30:00,5+04:00", expected: 1_704_191_400.5),
        // Unix timestamps: seconds, with a fraction, and milliseconds.
        Case(text: "1704191400", expected: 1_704_191_400),
        Case(text: "1704191400.5", expected: 1_704_191_400.5),
        Case(text: "1704191400000", expected: 1_704_191_400),
        // Milliseconds come whole (Date.now()): 12 or 13 digits with a fraction are no timestamp.
        Case(text: "170419140000.5", expected: nil),
        Case(text: "1704191400000.5", expected: nil),
        // 2026-11-29 = 1795910400; 14:30 UTC = 1795962600.
        Case(text: "29 ноября 2026", expected: 1_795_910_400),
        Case(text: "29 ноябрь 2026", expected: 1_795_910_400),
        Case(text: "29\u{A0}ноября 2026 г., 14:30", expected: 1_795_962_600),
        Case(text: "1 мая 2024", expected: 1_714_521_600),
        Case(text: "Май 1, 2024", expected: 1_714_521_600),
        Case(text: "29 noyabr 2026", expected: 1_795_910_400),
        Case(text: "29 noyabrın 2026, 18:30", expected: 1_795_962_600, zone: "Asia/Baku"),
        Case(text: "1 avqust 2024", expected: 1_722_470_400),
        Case(text: "29 նոյեմբերի 2026 թ., 14:30", expected: 1_795_962_600),
        Case(text: "1 հունվարի 2024", expected: 1_704_067_200),
        Case(text: "29 ნოემბერი 2026", expected: 1_795_910_400),
        Case(text: "29 ნოემბერს, 2026", expected: 1_795_910_400),
        Case(text: "1 იანვარი 2024", expected: 1_704_067_200),
        Case(text: "29 Kasım 2026 14:30", expected: 1_795_962_600),
        Case(text: "1 Ocak 2024", expected: 1_704_067_200),
        Case(text: "31 Aralık 2024", expected: 1_735_603_200),
        Case(text: "1 Şubat 2024", expected: 1_706_745_600),
        Case(text: "not a date", expected: nil),
        Case(text: "", expected: nil),
        Case(text: "2024-13-01T00:00:00Z", expected: nil),
        // Words in any letter case; a word that only starts with a zone or a month is neither.
        Case(text: "tue, 02 JAN 2024 10:30:00 gmt", expected: 1_704_191_400),
        Case(text: "Tuesday 2 January 2024 at 10:30 AM Gmt", expected: 1_704_191_400),
        Case(text: "Tue, 02 Jan 2024 10:30 pm UTC", expected: 1_704_234_600),
        Case(text: "Tue, 02 Jan 2024 10:30:00 ESTONIA", expected: 1_704_191_400),
        Case(text: "2 SEPTEMBER 2024 10:30:00 GMT", expected: 1_725_273_000),
        Case(text: "2 Januaryyyyy 2024 10:30:00 GMT", expected: nil),
        Case(text: "3\u{A0}мая 2025", expected: 1_746_230_400),
        Case(text: "Fri, 31 Feb 2024 10:00:00 GMT", expected: nil),
        Case(text: "Tue, 02 Foo 2024 10:30:00 GMT", expected: nil),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) {
        let zone = c.zone.flatMap { TimeZone(identifier: $0) }
        let date = FeedDateParser.parse(c.text, defaultTimeZone: zone)
        #expect(date?.timeIntervalSince1970 == c.expected)
    }

    @Test(arguments: [
        ("январь", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6),
        ("июля", 7), ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12),
        ("yanvar", 1), ("fevralın", 2), ("mart", 3), ("aprel", 4), ("may", 5), ("iyun", 6),
        ("iyulda", 7), ("avqust", 8), ("sentyabr", 9), ("oktyabrın", 10), ("noyabr", 11), ("dekabr", 12),
        ("հունվարի", 1), ("փետրվարի", 2), ("մարտի", 3), ("ապրիլի", 4), ("մայիսի", 5), ("հունիսի", 6),
        ("հուլիսի", 7), ("օգոստոսի", 8), ("սեպտեմբերի", 9), ("հոկտեմբերի", 10), ("նոյեմբերի", 11), ("դեկտեմբերի", 12),
        ("იანვარი", 1), ("თებერვალს", 2), ("მარტი", 3), ("აპრილი", 4), ("მაისი", 5), ("ივნისი", 6),
        ("ივლისს", 7), ("აგვისტოს", 8), ("სექტემბერი", 9), ("ოქტომბერი", 10), ("ნოემბერი", 11), ("დეკემბრის", 12),
        ("Ocak", 1), ("Şubat", 2), ("Mart", 3), ("Nisan", 4), ("Mayıs", 5), ("Haziran", 6),
        ("Temmuz", 7), ("Ağustos", 8), ("Eylül", 9), ("Ekim", 10), ("Kasım", 11), ("Aralık", 12),
    ])
    func monthNamesOfTheRegion(_ name: String, _ month: Int) throws {
        let date = try #require(FeedDateParser.parse("3 \(name) 2025"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        #expect(calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: 2025, month: month, day: 3))
    }

    @Test func futureDateIsKeptWithAWarningNamingTheItem() throws {
        let now = FixtureLoader.date("2024-01-02T10:00:00Z")
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title>
            <item><title>Soon</title><link>https://f.example/1</link><pubDate>Tue, 02 Jan 2024 10:30:00 GMT</pubDate></item>
            <item><title>Skewed</title><link>https://f.example/2</link><pubDate>Tue, 02 Jan 2024 10:05:00 GMT</pubDate></item>
            </channel></rss>
            """, options: ParseOptions(now: now))
        #expect(feed.items.first?.published == FixtureLoader.date("2024-01-02T10:30:00Z"))
        let future = feed.warnings.filter { $0.contains("future") }
        #expect(future.count == 1)
        #expect(future.first?.contains("\"Soon\"") == true)
    }

    @Test func futureDateInAJSONFeedIsFlaggedToo() throws {
        let feed = try FixtureLoader.parse(text: """
            {"version": "https://jsonfeed.org/version/1.1", "title": "j",
             "items": [{"id": "1", "title": "Tomorrow", "date_published": "2024-01-03T10:00:00Z"}]}
            """, options: ParseOptions(now: FixtureLoader.date("2024-01-02T10:00:00Z")))
        #expect(feed.items.first?.published == FixtureLoader.date("2024-01-03T10:00:00Z"))
        #expect(feed.warnings.contains { $0.contains("\"Tomorrow\"") && $0.contains("future") })
    }

    @Test func zonelessDateInAFeedTakesTheFeedsZone() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title>
            <item><title>x</title><link>https://f.example/1</link><pubDate>29 ноября 2026 14:30</pubDate></item>
            </channel></rss>
            """, options: ParseOptions(defaultTimeZone: TimeZone(identifier: "Asia/Yerevan"), now: FixtureLoader.date("2030-01-01T00:00:00Z")))
        #expect(feed.items.first?.published == FixtureLoader.date("2026-11-29T10:30:00Z"))
    }

    @Test func unreadableDateIsAWarningNotAFailure() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title>
            <item><title>X</title><link>https://f.example/1</link><pubDate>yesterday-ish</pubDate></item>
            </channel></rss>
            """)
        #expect(feed.items.first?.published == nil)
        #expect(feed.warnings.contains { $0.contains("unreadable date") })
    }
}
