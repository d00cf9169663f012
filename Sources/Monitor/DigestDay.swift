import Foundation

/// A calendar day in the configured time zone, and the instants it spans.
public struct DigestDay: Sendable, Equatable {
    /// "YYYY-MM-DD"
    public let label: String
    public let start: Date
    public let end: Date

    /// The day that contains `instant` in `timeZone`.
    public init(containing instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.startOfDay(for: instant)
        let parts = calendar.dateComponents([.year, .month, .day], from: start)
        self.label = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        self.start = start
        self.end = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }

    /// Parses "YYYY-MM-DD" as a day in `timeZone`; nil when it is not a real date.
    public init?(label: String, in timeZone: TimeZone) {
        let parts = label.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: 12)
        guard let noon = calendar.date(from: components) else { return nil }
        self.init(containing: noon, in: timeZone)
        guard self.label == label else { return nil }
    }

    /// The start of the day `days` days before this one (calendar days, so a DST change
    /// does not shift it by an hour).
    public func start(daysBefore days: Int, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: .day, value: -days, to: start) ?? start.addingTimeInterval(Double(-days) * 86_400)
    }
}
