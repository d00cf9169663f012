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
        /// `NEAR/5`
        case near(Int)
        /// `title:` and the other text fields, right before what they scope.
        case scope(ItemField)
        /// `lang:ru`, `country:AZ`, `feed:civil-ge`
        case attribute(FeedAttribute, String)
        /// `^2`, `^0.5` right after an operand.
        case weight(Double)
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
        case .near(let words): "NEAR/\(words)"
        case .scope(let field): "\(field.rawValue):"
        case .attribute(let attribute, let value): "\(attribute.rawValue):\(value)"
        case .weight(let weight): "^\(weight)"
        case .end: "end of rule"
        }
    }
}
