import Foundation

/// How far back `feedwatch retest --since` looks: a whole number and a unit,
/// `90m`, `36h`, `7d` or `2w`. A unit is required: a bare `7` could mean days or seconds.
public struct LookbackWindow: Sendable, Equatable {
    /// As the user wrote it, for messages.
    public let text: String
    public let seconds: Int

    private static let units: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// What a window looks like, for the error message of a bad one.
    public static let expected = "expected a positive whole number and a unit s, m, h, d or w, e.g. 90m, 36h or 7d"

    /// Nil when `text` is not a positive number followed by one unit.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unit = trimmed.last, let factor = Self.units[unit] else { return nil }
        let digits = trimmed.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(digits), number > 0 else { return nil }
        let (seconds, overflow) = number.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        self.text = trimmed
        self.seconds = seconds
    }
}
