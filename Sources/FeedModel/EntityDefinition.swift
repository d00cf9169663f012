/// A named thing the matcher looks for (a country, a person, a place ...),
/// with every spelling it goes by, in any script.
public struct EntityDefinition: Sendable, Equatable {
    public var name: String
    /// country, region, city, person, organisation, ... (free text from feeds.conf)
    public var kind: String
    /// Every spelling, those of the contested variants included.
    public var spellings: [Spelling]
    /// Where in feeds.conf it was defined ("feeds.conf:120"), for error messages.
    public var origin: String
    /// `unless` / `requires` context; a hit is kept only when every condition allows it.
    public var conditions: [EntityCondition]
    /// The sides' names when the name itself is contested (empty otherwise).
    public var contested: [ContestedVariant]

    public init(name: String, kind: String, spellings: [Spelling], origin: String = "",
                conditions: [EntityCondition] = [], contested: [ContestedVariant] = []) {
        self.name = name
        self.kind = kind
        self.spellings = spellings
        self.origin = origin
        self.conditions = conditions
        self.contested = contested
    }
}
