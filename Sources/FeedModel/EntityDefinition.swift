/// A named thing the matcher looks for (a country, a person, a place ...),
/// with every spelling it goes by, in any script.
public struct EntityDefinition: Sendable, Equatable {
    public var name: String
    /// country, region, city, person, organisation, ... (free text from feeds.conf)
    public var kind: String
    public var spellings: [Spelling]
    /// Where in feeds.conf it was defined ("feeds.conf:120"), for error messages.
    public var origin: String

    public init(name: String, kind: String, spellings: [Spelling], origin: String = "") {
        self.name = name
        self.kind = kind
        self.spellings = spellings
        self.origin = origin
    }
}
