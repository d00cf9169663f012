/// The rule language of [topic] sections: @entity references and terms
/// combined with AND, OR, NOT and parentheses, NEAR/n, field scopes, feed
/// attributes, @topic references and weights (docs/feeds-conf.md).
public indirect enum RuleExpression: Sendable, Equatable {
    /// `@Name`: any spelling of the entity.
    case entity(String)
    /// A word or quoted phrase; a trailing * makes the last word a stem.
    case term(Spelling)
    case and([RuleExpression])
    case or([RuleExpression])
    case not(RuleExpression)
    /// `@Name` naming a topic (no entity has that name): true when that topic fires.
    case topic(String)
    /// `a NEAR/n b`: an occurrence of `a` and one of `b` in the same field with
    /// at most `within` words between them. Both sides are terms, @entities, or
    /// ORs of them (perhaps scoped).
    case near(RuleExpression, RuleExpression, within: Int)
    /// `title:x`, `summary:(...)`: the terms and @entities inside only count in that field.
    case scoped(ItemField, RuleExpression)
    /// `lang:ru`, `country:AZ`, `feed:civil-ge`: a test of the feed the item came from.
    case attribute(FeedAttribute, String)
    /// `x^2`: when `x` is true it adds this weight to the topic's score
    /// (instead of the weights of the terms inside it).
    case weighted(RuleExpression, Double)
}
