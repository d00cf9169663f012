/// The rule language of [topic] sections: @entity references and terms
/// combined with AND, OR, NOT and parentheses.
public indirect enum RuleExpression: Sendable, Equatable {
    /// `@Name`: any spelling of the entity.
    case entity(String)
    /// A word or quoted phrase; a trailing * makes the last word a stem.
    case term(Spelling)
    case and([RuleExpression])
    case or([RuleExpression])
    case not(RuleExpression)
}
