import Foundation
import Testing
@testable import Monitor

@Suite struct DigestDayTests {
    let baku = TimeZone(identifier: "Asia/Baku")!

    @Test func dayOfAnInstantDependsOnTheTimeZone() {
        // 2024-04-17 22:30 UTC is already 2024-04-18 02:30 in Baku (UTC+4).
        let instant = Date(timeIntervalSince1970: 1_713_393_000)
        #expect(DigestDay(containing: instant, in: baku).label == "2024-04-18")
        #expect(DigestDay(containing: instant, in: TimeZone(identifier: "UTC")!).label == "2024-04-17")
    }

    @Test func dayBoundsAreLocalMidnights() throws {
        let day = try #require(DigestDay(label: "2024-04-18", in: baku))
        #expect(day.start == Date(timeIntervalSince1970: 1_713_384_000)) // 2024-04-17T20:00:00Z
        #expect(day.end.timeIntervalSince(day.start) == 86_400)
    }

    @Test(arguments: ["2024-02-30", "2024-4-18", "18-04-2024", "yesterday", ""])
    func rejectsLabelsThatAreNotRealDays(_ label: String) {
        #expect(DigestDay(label: label, in: baku) == nil)
    }
}
