import Foundation

/// Dates as the reader's clock shows them. Calendar arithmetic, not DateFormatter, so the
/// output does not depend on the machine's locale.
extension DigestRenderer {
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// "YYYY-MM-DD" in the digest's time zone.
    func dayString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(Self.pad(parts.year ?? 0, 4))-\(Self.pad(parts.month ?? 0, 2))-\(Self.pad(parts.day ?? 0, 2))"
    }

    /// "HH:MM", 24-hour, in the digest's time zone.
    func clockTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(Self.pad(parts.hour ?? 0, 2)):\(Self.pad(parts.minute ?? 0, 2))"
    }

    /// "HH:MM" on the digest's day, else "YYYY-MM-DD HH:MM".
    func moment(_ date: Date, onDay day: String) -> String {
        dayString(date) == day ? clockTime(date) : dayString(date) + " " + clockTime(date)
    }

    /// The start of "YYYY-MM-DD" in the digest's time zone.
    func dayStart(_ label: String) -> Date? {
        let parts = label.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
              let noon = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
        else { return nil }
        return calendar.startOfDay(for: noon)
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
