/// A section header line: `[settings]`, `[feeds]`, `[keep]`, `[entity NAME]`, `[topic NAME]`.
enum SectionHeader: Equatable {
    case settings
    case feeds
    case keep
    case entity(name: String, column: Int)
    case topic(name: String, column: Int)

    static let known = "[settings], [feeds], [keep], [entity NAME], [topic NAME]"

    static func parse(_ line: SourceLine, fileName: String) throws(ConfigError) -> SectionHeader {
        func fail(_ column: Int, _ message: String) -> ConfigError {
            ConfigError(file: fileName, line: line.number, column: column, message: message)
        }
        let content = line.content
        guard let close = content.firstIndex(of: "]") else {
            throw fail(content.endIndex + 1, "expected ']' to close the section header")
        }
        let after = content[(close + 1)...].trimmingWhitespace()
        guard after.isEmpty else {
            throw fail(after.column, "unexpected text after the section header")
        }
        let words = content[(content.startIndex + 1)..<close].split(whereSeparator: \.isWhitespace)
        guard let kind = words.first else {
            throw fail(content.column, "empty section header (known: \(known))")
        }
        switch (kind.string, words.count) {
        case ("settings", 1): return .settings
        case ("feeds", 1): return .feeds
        case ("keep", 1): return .keep
        case ("settings", _), ("feeds", _), ("keep", _):
            throw fail(words[1].column, "[\(kind.string)] takes no name")
        case ("entity", 1), ("topic", 1):
            throw fail(close + 1, "expected a name after '\(kind.string)'")
        case ("entity", 2), ("topic", 2):
            let name = words[1]
            if let bad = name.firstIndex(where: { !ConfigName.isNameCharacter($0) }) {
                throw fail(bad + 1, "invalid character '\(name[bad])' in \(kind.string) name "
                                  + "(allowed: \(ConfigName.allowed))")
            }
            return kind.string == "entity"
                ? .entity(name: name.string, column: name.column)
                : .topic(name: name.string, column: name.column)
        case ("entity", _), ("topic", _):
            throw fail(words[2].column, "\(kind.string == "entity" ? "an" : "a") \(kind.string) name cannot contain spaces (use '-' or '_')")
        default:
            throw fail(kind.column, "unknown section [\(kind.string)] (known: \(known))")
        }
    }
}
