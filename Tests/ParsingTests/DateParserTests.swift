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
        Case(text: "not a date", expected: nil),
        Case(text: "", expected: nil),
        Case(text: "2024-13-01T00:00:00Z", expected: nil),
        Case(text: "Fri, 31 Feb 2024 10:00:00 GMT", expected: nil),
        Case(text: "Tue, 02 Foo 2024 10:30:00 GMT", expected: nil),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) {
        let zone = c.zone.flatMap { TimeZone(identifier: $0) }
        let date = FeedDateParser.parse(c.text, defaultTimeZone: zone)
        #expect(date?.timeIntervalSince1970 == c.expected)
    }

    @Test func futureDateIsKeptWithAWarning() throws {
        let feed = try FixtureLoader.parse(text: """
            <rss version="2.0"><channel><title>t</title>
            <item><title>Soon</title><link>https://f.example/1</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>
            </channel></rss>
            """)
        #expect(feed.items.first?.published == FixtureLoader.date("2100-01-01T00:00:00Z"))
        #expect(feed.warnings.contains { $0.contains("future") })
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
