import FeedModel

/// Recursive descent over the rule grammar of feeds.conf:
///
///     expr     := or
///     or       := and ("OR" and)*
///     and      := unary ("AND" unary)*
///     unary    := "NOT" unary | near
///     near     := weighted ["NEAR/n" weighted]
///     weighted := scoped ["^" number]
///     scoped   := FIELD ":" scoped | primary
///     primary  := "(" expr ")" | "@" NAME | "\"phrase\"" ["*"] | word ["*"] | ATTRIBUTE ":" value
///
/// Nested ANDs and ORs are flattened: `a OR (b OR c)` is one OR of three.
/// Names are collected, not checked: an entity or topic may be defined later in the file.
struct RuleParser {
    private let fileName: String
    private let tokens: [RuleToken]
    private var position = 0
    private(set) var references: [EntityReference] = []

    /// Parses the rule made of `segments` (not all blank).
    static func parse(_ segments: [RuleSegment], fileName: String) throws(ConfigError)
        -> (rule: RuleExpression, references: [EntityReference]) {
        let tokens = try RuleTokenizer(fileName: fileName).tokens(of: segments)
        var parser = RuleParser(fileName: fileName, tokens: tokens)
        let rule = try parser.parseOr()
        let next = parser.current
        switch next.kind {
        case .end:
            return (rule, parser.references)
        case .rightParenthesis:
            throw parser.error(at: next, "unexpected ')' with no '(' to close")
        case .near:
            throw parser.error(at: next, "NEAR/n cannot follow another NEAR/n (use parentheses and AND)")
        default:
            throw parser.error(at: next, "unexpected \(next.description) (expected AND, OR or end of rule)")
        }
    }

    private init(fileName: String, tokens: [RuleToken]) {
        self.fileName = fileName
        self.tokens = tokens
    }

    private var current: RuleToken { tokens[position] }

    private mutating func advance() -> RuleToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func parseOr() throws(ConfigError) -> RuleExpression {
        var operands = [try parseAnd()]
        while current.kind == .or {
            _ = advance()
            operands.append(try parseAnd())
        }
        return Self.flatten(operands, into: RuleExpression.or) { if case .or(let inner) = $0 { inner } else { nil } }
    }

    private mutating func parseAnd() throws(ConfigError) -> RuleExpression {
        var operands = [try parseUnary()]
        while current.kind == .and {
            _ = advance()
            operands.append(try parseUnary())
        }
        return Self.flatten(operands, into: RuleExpression.and) { if case .and(let inner) = $0 { inner } else { nil } }
    }

    private mutating func parseUnary() throws(ConfigError) -> RuleExpression {
        if current.kind == .not {
            _ = advance()
            return .not(try parseUnary())
        }
        return try parseNear()
    }

    private mutating func parseNear() throws(ConfigError) -> RuleExpression {
        let leftToken = current
        let referencesBefore = references.count
        let left = try parseWeighted()
        guard case .near(let words) = current.kind else { return left }
        _ = advance()
        let rightToken = current
        let right = try parseWeighted()
        for (side, token) in [(left, leftToken), (right, rightToken)] where !Self.isPositional(side) {
            throw error(at: token, "each side of NEAR/\(words) must be a word, \"phrase\", @entity, "
                                   + "or an OR of them in parentheses")
        }
        for index in referencesBefore..<references.count { references[index].inNear = true }
        return .near(left, right, within: words)
    }

    private mutating func parseWeighted() throws(ConfigError) -> RuleExpression {
        let operand = try parseScoped()
        guard case .weight(let weight) = current.kind else { return operand }
        _ = advance()
        return .weighted(operand, weight)
    }

    private mutating func parseScoped() throws(ConfigError) -> RuleExpression {
        guard case .scope(let field) = current.kind else { return try parsePrimary() }
        _ = advance()
        return .scoped(field, try parseScoped())
    }

    private mutating func parsePrimary() throws(ConfigError) -> RuleExpression {
        let token = advance()
        switch token.kind {
        case .leftParenthesis:
            let inner = try parseOr()
            guard current.kind == .rightParenthesis else {
                throw error(at: current, "expected ')' to close '(' at \(token.line):\(token.column)")
            }
            _ = advance()
            return inner
        case .entity(let name):
            references.append(EntityReference(name: name, line: token.line, column: token.column))
            return .entity(name)
        case .term(let spelling):
            return .term(spelling)
        case .attribute(let attribute, let value):
            return .attribute(attribute, value)
        case .and, .or, .rightParenthesis, .end, .near, .weight:
            let previous = position > 0 && token.kind == .end ? " after \(tokens[position - 1].description)" : ""
            throw error(at: token, "unexpected \(token.description)\(previous)"
                        + " (expected @entity, word, \"phrase\", NOT or '(')")
        case .not:
            // parseUnary consumes NOT before we get here.
            return .not(try parseUnary())
        case .scope(let field):
            // parseScoped consumes scopes before we get here.
            return .scoped(field, try parseScoped())
        }
    }

    /// Terms, @names, ORs and scopes of them: what NEAR can find positions of.
    private static func isPositional(_ rule: RuleExpression) -> Bool {
        switch rule {
        case .entity, .term: return true
        case .scoped(_, let inner), .weighted(let inner, _): return isPositional(inner)
        case .or(let parts): return parts.allSatisfy(isPositional)
        default: return false
        }
    }

    /// One operand stays itself; operands of the same operator are spliced in.
    private static func flatten(_ operands: [RuleExpression],
                                into make: ([RuleExpression]) -> RuleExpression,
                                children: (RuleExpression) -> [RuleExpression]?) -> RuleExpression {
        if operands.count == 1 { return operands[0] }
        return make(operands.flatMap { children($0) ?? [$0] })
    }

    private func error(at token: RuleToken, _ message: String) -> ConfigError {
        ConfigError(file: fileName, line: token.line, column: token.column, message: message)
    }
}
