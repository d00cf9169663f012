/// A `key = value` line of [settings], [entity] or [topic].
struct KeyValue {
    let key: String
    let keyColumn: Int
    /// Trimmed; may be empty.
    let value: LineText

    /// Splits at the first `=`.
    static func parse(_ line: SourceLine, fileName: String) throws(ConfigError) -> KeyValue {
        let content = line.content
        guard let equals = content.firstIndex(of: "=") else {
            throw ConfigError(file: fileName, line: line.number, column: content.column,
                              message: "expected 'key = value', found \"\(content.string)\"")
        }
        let key = content[..<equals].trimmingWhitespace()
        guard !key.isEmpty else {
            throw ConfigError(file: fileName, line: line.number, column: equals + 1,
                              message: "expected a key before '='")
        }
        let value = content[(equals + 1)...].trimmingWhitespace()
        return KeyValue(key: key.string, keyColumn: key.column, value: value)
    }
}
