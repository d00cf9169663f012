/// A value that may be written "in double quotes" to hold spaces (or, in lists, commas).
enum QuotedValue {
    /// The value without its quotes. A quote may only open the value and close it.
    static func unquote(_ text: LineText, line: Int, fileName: String) throws(ConfigError) -> String {
        guard text.first == "\"" else {
            if let quote = text.firstIndex(of: "\"") {
                throw ConfigError(file: fileName, line: line, column: quote + 1,
                                  message: "unexpected '\"' (quote the whole value: \"...\")")
            }
            return text.string
        }
        let inner = text.dropFirst()
        guard let close = inner.firstIndex(of: "\"") else {
            throw ConfigError(file: fileName, line: line, column: text.column,
                              message: "expected '\"' to close the quoted value")
        }
        let rest = inner[(close + 1)...]
        guard rest.isEmpty else {
            throw ConfigError(file: fileName, line: line, column: rest.column,
                              message: "unexpected text after the closing '\"'")
        }
        return inner[..<close].string
    }

    /// Splits at commas outside quotes; pieces are trimmed and keep their columns.
    static func splitList(_ text: LineText) -> [LineText] {
        var pieces: [LineText] = []
        var start = text.startIndex
        var inQuotes = false
        for index in text.indices {
            if text[index] == "\"" {
                inQuotes.toggle()
            } else if text[index] == ",", !inQuotes {
                pieces.append(text[start..<index].trimmingWhitespace())
                start = index + 1
            }
        }
        pieces.append(text[start..<text.endIndex].trimmingWhitespace())
        return pieces
    }

    /// Splits a feed line at whitespace outside quotes.
    static func splitWords(_ text: LineText, line: Int, fileName: String) throws(ConfigError) -> [LineText] {
        var words: [LineText] = []
        var start: Int?
        var openQuote: Int?
        for index in text.indices {
            let character = text[index]
            if character == "\"" {
                openQuote = openQuote == nil ? index : nil
            }
            if character.isWhitespace, openQuote == nil {
                if let wordStart = start { words.append(text[wordStart..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let openQuote {
            throw ConfigError(file: fileName, line: line, column: openQuote + 1,
                              message: "expected '\"' to close the quoted value")
        }
        if let wordStart = start { words.append(text[wordStart..<text.endIndex]) }
        return words
    }
}
