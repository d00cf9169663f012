/// Durations such as `90s`, `15m`, `2h`, `1d` (and `500ms` where allowed).
/// A bare number is seconds everywhere, so `timeout = 30` keeps meaning 30 s.
/// Units are lower case only: `M` could be read as months.
enum DurationText {
    private static let units: [(suffix: String, milliseconds: Int)] = [
        ("ms", 1), ("", 1_000), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// The duration in milliseconds, or nil when the text is not one (`ms` counts
    /// as not one unless `allowingMilliseconds`).
    static func milliseconds(_ text: String, allowingMilliseconds: Bool) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let suffix = text.dropFirst(digits.count).drop { $0 == " " }
        guard suffix != "ms" || allowingMilliseconds,
              let factor = units.first(where: { $0.suffix == suffix })?.milliseconds else { return nil }
        let (result, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? nil : result
    }

    /// `1d`, `90s`, `500ms`: the value in the largest unit that divides it.
    static func describe(milliseconds: Int) -> String {
        if milliseconds == 0 { return "0s" }
        for (suffix, factor) in units.reversed() where !suffix.isEmpty && milliseconds % factor == 0 {
            return "\(milliseconds / factor)\(suffix)"
        }
        return "\(milliseconds)ms"
    }

    static func describe(seconds: Int) -> String { describe(milliseconds: seconds * 1_000) }

    /// What a duration looks like, for error messages.
    static func expected(allowingMilliseconds: Bool) -> String {
        allowingMilliseconds
            ? "expected a whole number with an optional unit ms, s, m, h or d, e.g. 500ms or 2s; a bare number is seconds"
            : "expected a whole number with an optional unit s, m, h or d, e.g. 90s, 15m, 2h or 1d; a bare number is seconds"
    }
}
