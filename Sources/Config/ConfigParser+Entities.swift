import FeedModel

extension ConfigParser {
    static let entityKeys = ["kind", "spellings"]

    mutating func readEntityKey(_ line: SourceLine, entity index: Int) throws(ConfigError) {
        let entry = try KeyValue.parse(line, fileName: fileName)
        switch entry.key {
        case "kind":
            if let first = entities[index].kindLine {
                throw error(line.number, entry.keyColumn, "duplicate key kind (first at line \(first))")
            }
            let kind = try QuotedValue.unquote(entry.value, line: line.number, fileName: fileName)
            guard !kind.isEmpty else {
                throw error(line.number, entry.keyColumn,
                            "missing value for kind (e.g. country, region, city, person, organisation)")
            }
            entities[index].kind = kind
            entities[index].kindLine = line.number
        case "spellings":
            guard !entry.value.isEmpty else {
                throw error(line.number, entry.keyColumn, "expected at least one spelling after 'spellings ='")
            }
            for piece in QuotedValue.splitList(entry.value) {
                let spelling = try spelling(piece, line: line.number)
                if !entities[index].spellings.contains(spelling) {
                    entities[index].spellings.append(spelling)
                }
            }
        default:
            throw error(line.number, entry.keyColumn,
                        "unknown key \"\(entry.key)\" in [entity] (known: \(Self.entityKeys.joined(separator: ", ")))")
        }
    }

    /// `Baku`, `Nagorno Karabakh` (a phrase), `Şuşa*` (a stem), `"Washington, D.C."`.
    private func spelling(_ piece: LineText, line: Int) throws(ConfigError) -> Spelling {
        guard !piece.isEmpty else {
            throw error(line, piece.column, "empty spelling (two commas in a row, or a comma at the end?)")
        }
        var text = piece
        let isStem = text.last == "*"
        if isStem { text = text.dropLast().trimmingWhitespace() }
        let unquoted = try QuotedValue.unquote(text, line: line, fileName: fileName)
        let words = Array(unquoted)[...].collapsingWhitespace
        guard !words.isEmpty else {
            throw error(line, piece.column, isStem ? "expected a word before '*'" : "empty spelling")
        }
        if let star = text.firstIndex(of: "*"), text.first != "\"" {
            throw error(line, star + 1, "'*' may only end a spelling (it makes the last word a stem)")
        }
        return Spelling(words, isStem: isStem)
    }
}
