/// The names of entities and topics: letters of any script, digits, `-`, `_`, `.`.
enum ConfigName {
    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || character == "."
    }

    static let allowed = "letters, digits, '-', '_' and '.'"
}
