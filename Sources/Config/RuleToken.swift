import FeedModel

/// One token of a rule expression, with where it starts.
struct RuleToken {
    enum Kind: Equatable {
        case leftParenthesis
        case rightParenthesis
        case and
        case or
        case not
        case entity(String)
        case term(Spelling)
        case end
    }

    let kind: Kind
    let line: Int
    let column: Int

    /// How error messages name the token.
    var description: String {
        switch kind {
        case .leftParenthesis: "'('"
        case .rightParenthesis: "')'"
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        case .entity(let name): "@" + name
        case .term(let spelling) where spelling.text.contains(" "): "phrase \"\(spelling.text)\"" + (spelling.isStem ? "*" : "")
        case .term(let spelling): "word '\(spelling.written)'"
        case .end: "end of rule"
        }
    }
}
