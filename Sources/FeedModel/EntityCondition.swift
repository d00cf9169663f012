/// An `unless` or `requires` line of an entity: context that cancels a hit of
/// the entity (`unless`), or without which a hit does not count (`requires`).
public struct EntityCondition: Sendable, Equatable {
    public enum Effect: String, Sendable, Equatable {
        /// The hit is cancelled when the context is there.
        case unless
        /// The hit is cancelled when the context is not there.
        case requires
    }

    public var effect: Effect
    /// Words, phrases (`.term`) and entities (`.entity`) that make up the context.
    public var context: [RuleExpression]
    /// nil: anywhere in the item; n: in the same field, at most n words between
    /// the context and the hit.
    public var withinWords: Int?
    /// Where in feeds.conf ("feeds.conf:120").
    public var origin: String

    public init(effect: Effect, context: [RuleExpression], withinWords: Int? = nil, origin: String = "") {
        self.effect = effect
        self.context = context
        self.withinWords = withinWords
        self.origin = origin
    }
}
