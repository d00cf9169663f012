import FeedModel

/// Cuts rule text into tokens. A token never spans lines: a phrase must be
/// closed on the line where it opens.
struct RuleTokenizer {
    let fileName: String

    func tokens(of segments: [RuleSegment]) throws(ConfigError) -> [RuleToken] {
        var tokens: [RuleToken] = []
        for segment in segments {
            try tokenize(segment, into: &tokens)
        }
        let last = segments.last
        tokens.append(RuleToken(kind: .end, line: last?.line ?? 0, column: (last?.text.endIndex ?? 0) + 1))
        return tokens
    }

    private func tokenize(_ segment: RuleSegment, into tokens: inout [RuleToken]) throws(ConfigError) {
        let text = segment.text
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let start = index
            func token(_ kind: RuleToken.Kind) -> RuleToken {
                RuleToken(kind: kind, line: segment.line, column: start + 1)
            }
            if character.isWhitespace {
                index += 1
            } else if character == "(" {
                tokens.append(token(.leftParenthesis))
                index += 1
            } else if character == ")" {
                tokens.append(token(.rightParenthesis))
                index += 1
            } else if character == "^" {
                let (weight, end) = try self.weight(in: text, from: index, line: segment.line)
                tokens.append(token(.weight(weight)))
                index = end
            } else if let (kind, end) = try scopePrefix(in: text, from: index, line: segment.line) {
                tokens.append(token(kind))
                index = end
            } else if character == "\"" {
                let (spelling, end) = try phrase(in: text, from: index, line: segment.line)
                tokens.append(token(.term(spelling)))
                index = end
            } else if character == "@" {
                let end = text[(index + 1)...].firstIndex { !ConfigName.isNameCharacter($0) } ?? text.endIndex
                let name = text[(index + 1)..<end]
                guard !name.isEmpty else {
                    throw error(segment.line, index + 2, "expected an entity name after '@'")
                }
                try expectBoundary(in: text, at: end, line: segment.line, after: "@" + name.string)
                tokens.append(token(.entity(name.string)))
                index = end
            } else {
                let end = text[index...].firstIndex { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "\"" || $0 == "^" }
                    ?? text.endIndex
                tokens.append(token(try word(text[index..<end], line: segment.line)))
                index = end
            }
        }
    }

    /// `"phrase words"` with an optional `*` right after the closing quote.
    private func phrase(in text: LineText, from open: Int, line: Int) throws(ConfigError) -> (Spelling, Int) {
        guard let close = text[(open + 1)...].firstIndex(of: "\"") else {
            throw error(line, open + 1, "expected '\"' to close the phrase on the same line")
        }
        let words = text[(open + 1)..<close].collapsingWhitespace
        guard !words.isEmpty else { throw error(line, open + 1, "empty phrase \"\"") }
        var end = close + 1
        let isStem = end < text.endIndex && text[end] == "*"
        if isStem { end += 1 }
        try expectBoundary(in: text, at: end, line: line, after: "the phrase")
        return (Spelling(words, isStem: isStem), end)
    }

    /// A keyword (upper case only) or a term, perhaps a stem `word*`.
    private func word(_ text: LineText, line: Int) throws(ConfigError) -> RuleToken.Kind {
        switch text.string {
        case "AND": return .and
        case "OR": return .or
        case "NOT": return .not
        default: break
        }
        if text.string == "NEAR" || text.string.hasPrefix("NEAR/") {
            let number = text.string.dropFirst(5)
            guard text.string.hasPrefix("NEAR/"), let words = Int(number), words >= 0, words <= 1_000,
                  number.allSatisfy(\.isASCII) else {
                throw error(line, text.column, "expected NEAR/n with n the most words between the two sides, "
                                               + "0 to 1000 (e.g. NEAR/5), found \(text.string)")
            }
            return .near(words)
        }
        if let star = text.firstIndex(of: "*"), star != text.endIndex - 1 || star == text.startIndex {
            throw error(line, star + 1, star == text.startIndex
                ? "expected a word before '*'"
                : "'*' may only end a word (it makes the word a stem)")
        }
        if text.last == "*" {
            return .term(Spelling(text.dropLast().string, isStem: true))
        }
        return .term(Spelling(text.string))
    }

    /// Tokens must be separated by whitespace or parentheses: `@Baku*` and
    /// `"a b"c` are mistakes, not two tokens.
    private func expectBoundary(in text: LineText, at index: Int, line: Int, after what: String) throws(ConfigError) {
        guard index < text.endIndex else { return }
        let next = text[index]
        if next.isWhitespace || next == "(" || next == ")" || next == "^" { return }
        if next == "*", what.hasPrefix("@") {
            throw error(line, index + 1, "'*' cannot follow an entity reference (put stems in the entity's spellings)")
        }
        throw error(line, index + 1, "unexpected '\(next)' after \(what)")
    }

    /// `^2`, `^0.5`: a weight, a number from 0 to 1000.
    private func weight(in text: LineText, from caret: Int, line: Int) throws(ConfigError) -> (Double, Int) {
        let end = text[(caret + 1)...].firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? text.endIndex
        let number = text[(caret + 1)..<end].string
        guard let weight = Double(number), weight >= 0, weight <= 1_000, !number.hasPrefix("."), !number.hasSuffix(".") else {
            throw error(line, caret + 1, "expected a weight after '^' (a number from 0 to 1000 such as 2 or 0.5)")
        }
        try expectBoundary(in: text, at: end, line: line, after: "the weight")
        return (weight, end)
    }

    /// `title:` (then the operand it scopes, with no space) or `lang:ru`; nil
    /// when the word at `start` does not begin with a scope name and ':'. A
    /// near miss such as `titel:` is an error rather than a word.
    private func scopePrefix(in text: LineText, from start: Int, line: Int) throws(ConfigError) -> (RuleToken.Kind, Int)? {
        guard let colon = text[start...].firstIndex(where: { !($0.isASCII && $0.isLetter) }), colon > start,
              text[colon] == ":" else { return nil }
        let name = text[start..<colon].string
        if let field = ItemField(rawValue: name) {
            let next = colon + 1
            guard next < text.endIndex, !text[next].isWhitespace, text[next] != ")" else {
                throw error(line, next + 1, "expected a word, \"phrase\", @entity or '(' right after \(name): "
                                            + "(no space: \(name):@Georgia, \(name):(a OR b))")
            }
            return (.scope(field), next)
        }
        if let attribute = FeedAttribute(rawValue: name) {
            let end = text[(colon + 1)...].firstIndex { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "^" }
                ?? text.endIndex
            let value = text[(colon + 1)..<end].string
            guard !value.isEmpty else {
                throw error(line, colon + 2, "expected a value after \(name): (e.g. lang:ru, country:AZ, feed:civil-ge)")
            }
            return (.attribute(attribute, value), end)
        }
        let known = ItemField.allCases.map(\.rawValue) + FeedAttribute.allCases.map(\.rawValue)
        if name.count >= 3, let meant = Suggestion.closest(to: name, among: known, maxDistance: 1) {
            throw error(line, start + 1, "unknown field \(name): (did you mean \(meant):? known: "
                                         + known.map { $0 + ":" }.joined(separator: ", ") + ")")
        }
        return nil
    }

    private func error(_ line: Int, _ column: Int, _ message: String) -> ConfigError {
        ConfigError(file: fileName, line: line, column: column, message: message)
    }
}
