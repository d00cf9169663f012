import FeedModel

extension ConfigParser {
    static let entityKeys = ["kind", "spellings", "unless", "unless_near", "requires", "requires_near", "contested"]

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
        case "unless", "unless_near", "requires", "requires_near":
            let effect: EntityCondition.Effect = entry.key.hasPrefix("unless") ? .unless : .requires
            try readCondition(entry, effect: effect, near: entry.key.hasSuffix("_near"), line: line.number, entity: index)
        case "contested":
            try readContested(entry, line: line.number, entity: index)
        default:
            throw error(line.number, entry.keyColumn,
                        "unknown key \"\(entry.key)\" in [entity] (known: \(Self.entityKeys.joined(separator: ", ")))")
        }
    }

    /// `unless = Atlanta, "Governor Kemp", @ctx-us-state` or `unless_near = 5: Atlanta, Savannah`.
    private mutating func readCondition(_ entry: KeyValue, effect: EntityCondition.Effect, near: Bool,
                                        line: Int, entity index: Int) throws(ConfigError) {
        var list = entry.value
        var within: Int?
        if near {
            let example = "e.g. \(entry.key) = 3: Atlanta, Savannah"
            guard let colon = list.firstIndex(of: ":"), let words = Int(list[..<colon].trimmingWhitespace().string),
                  (0...1_000).contains(words) else {
                throw error(line, list.column, "expected 'N: context, ...' after \(entry.key) = "
                                               + "(N, 0 to 1000, the most words between the context and the hit; \(example))")
            }
            within = words
            list = list[(colon + 1)...].trimmingWhitespace()
        }
        guard !list.isEmpty else {
            throw error(line, list.column, "expected words, \"phrases\" or @entities after \(entry.key) =")
        }
        var context: [RuleExpression] = []
        var references: [EntityReference] = []
        for piece in QuotedValue.splitList(list) {
            if piece.first == "@" {
                let name = piece.dropFirst()
                guard !name.isEmpty, name.allSatisfy(ConfigName.isNameCharacter) else {
                    throw error(line, piece.column, "invalid entity reference \"\(piece.string)\" (expected @NAME, "
                                                    + "NAME made of \(ConfigName.allowed))")
                }
                references.append(EntityReference(name: name.string, line: line, column: piece.column))
                context.append(.entity(name.string))
            } else {
                context.append(.term(try spelling(piece, line: line)))
            }
        }
        let condition = EntityCondition(effect: effect, context: context, withinWords: within, origin: "\(fileName):\(line)")
        entities[index].conditions.append(ConditionDraft(condition: condition, references: references))
    }

    /// `contested = Azerbaijani: Xankəndi*, Khankendi, Ханкенди`: one side's
    /// name; its spellings are spellings of the entity too.
    private mutating func readContested(_ entry: KeyValue, line: Int, entity index: Int) throws(ConfigError) {
        let value = entry.value
        guard let colon = value.firstIndex(of: ":"), value.first != "\"" else {
            throw error(line, value.column, "expected 'SIDE: spellings' after contested = "
                                            + "(e.g. contested = Azerbaijani: Xankəndi*, Khankendi)")
        }
        let side = value[..<colon].trimmingWhitespace()
        guard !side.isEmpty, side.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == " " }) else {
            throw error(line, value.column, "expected whose naming this is before ':' (a word such as Armenian, "
                                            + "Azerbaijani, Georgian, Russian or neutral)")
        }
        let list = value[(colon + 1)...].trimmingWhitespace()
        guard !list.isEmpty else {
            throw error(line, list.column, "expected at least one spelling after '\(side.string):'")
        }
        var spellings: [Spelling] = []
        for piece in QuotedValue.splitList(list) {
            let spelling = try spelling(piece, line: line)
            if let other = entities[index].contested.first(where: { $0.spellings.contains(spelling) }) {
                throw error(line, piece.column, "\(spelling.written) is already a spelling of the contested name "
                                                + "\(other.name) (\(other.side))")
            }
            if !spellings.contains(spelling) { spellings.append(spelling) }
            if !entities[index].spellings.contains(spelling) { entities[index].spellings.append(spelling) }
        }
        entities[index].contested.append(ContestedVariant(side: side.collapsingWhitespace,
                                                          name: spellings.first?.text ?? "", spellings: spellings))
        entities[index].contestedLines.append(line)
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
