/// One side's name for a contested place or thing (`contested = Azerbaijani:
/// Xankəndi*, Khankendi`): the spellings that are that side's usage. A hit of
/// one of them records the variant and the side, so a digest can say which
/// name each outlet used.
public struct ContestedVariant: Sendable, Equatable {
    /// Whose naming this is, as written in feeds.conf (`Armenian`, `Azerbaijani`, `Georgian`, `neutral`).
    public var side: String
    /// The variant's name: its first spelling as written, without `*`.
    public var name: String
    public var spellings: [Spelling]

    public init(side: String, name: String, spellings: [Spelling]) {
        self.side = side
        self.name = name
        self.spellings = spellings
    }
}
