extension ArraySlice where Element == Character {
    var string: String { String(self) }

    /// 1-based column of the first character (of where it would be, when empty).
    var column: Int { startIndex + 1 }

    func trimmingWhitespace() -> ArraySlice<Character> {
        var result = self
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }

    /// The text as one string with runs of whitespace turned into single spaces.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).map { String($0) }.joined(separator: " ")
    }
}
