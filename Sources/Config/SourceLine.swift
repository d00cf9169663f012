/// One line of feeds.conf with its comment removed.
struct SourceLine {
    /// 1-based line number.
    let number: Int
    /// The line without comment and surrounding whitespace. Indices are the
    /// 0-based character columns of the original line.
    let content: LineText
    /// True when the line starts with whitespace: a rule continues on such lines.
    let isIndented: Bool

    var isBlank: Bool { content.isEmpty }

    init(number: Int, characters: [Character]) {
        self.number = number
        self.isIndented = characters.first?.isWhitespace ?? false
        self.content = characters[..<SourceLine.commentStart(in: characters)].trimmingWhitespace()
    }

    /// Splits text at \n, \r\n and \r; a leading byte order mark is dropped.
    static func lines(of text: String) -> [SourceLine] {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let rawLines = text.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n" || $0 == "\r"
        }
        return rawLines.enumerated().map { index, raw in
            SourceLine(number: index + 1, characters: Array(raw))
        }
    }

    /// Where the comment starts: a `#` at the start of the line or after
    /// whitespace, outside a "quoted string". A `#` glued to a word (a URL
    /// fragment, "C#") is text.
    private static func commentStart(in characters: [Character]) -> Int {
        var inQuotes = false
        for (index, character) in characters.enumerated() {
            if character == "\"" {
                inQuotes.toggle()
            } else if character == "#", !inQuotes, index == 0 || characters[index - 1].isWhitespace {
                return index
            }
        }
        return characters.count
    }
}
