import Foundation

/// Dates as the reader's clock shows them. The zone's offset at that instant plus integer
/// civil-date arithmetic, not DateFormatter (locale) or Calendar (slow per call: a digest
/// shows thousands of times).
extension DigestRenderer {
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// "YYYY-MM-DD" in the digest's time zone.
    func dayString(_ date: Date) -> String {
        let time = local(date)
        return "\(Self.pad(time.year, 4))-\(Self.pad(time.month, 2))-\(Self.pad(time.day, 2))"
    }

    /// "HH:MM", 24-hour, in the digest's time zone.
    func clockTime(_ date: Date) -> String {
        let time = local(date)
        return "\(Self.pad(time.hour, 2)):\(Self.pad(time.minute, 2))"
    }

    /// The reader's wall clock at `date` (proleptic Gregorian; H. Hinnant's civil_from_days).
    func local(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, (secondOfDay % 3600) / 60)
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
