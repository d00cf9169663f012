import Foundation

/// Sizes such as `15MiB`, `512 KB` or `1048576`.
enum ByteSize {
    private static let units: [(suffix: String, factor: Int)] = [
        ("", 1), ("b", 1),
        ("kb", 1_000), ("kib", 1_024),
        ("mb", 1_000_000), ("mib", 1_048_576),
        ("gb", 1_000_000_000), ("gib", 1_073_741_824),
    ]

    /// The number of bytes, or nil when the text is not a size.
    static func parse(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let suffix = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        guard let factor = units.first(where: { $0.suffix == suffix })?.factor else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: factor)
        return overflow ? nil : bytes
    }
}
