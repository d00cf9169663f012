/// One contested name an item used: `Stepanakert` (Armenian) or `Xankəndi`
/// (Azerbaijani) for the entity Stepanakert.
public struct ContestedNameUse: Sendable, Equatable, Hashable {
    public var entity: String
    public var variant: String
    public var side: String

    public init(entity: String, variant: String, side: String) {
        self.entity = entity
        self.variant = variant
        self.side = side
    }
}
