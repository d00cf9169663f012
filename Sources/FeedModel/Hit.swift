/// One place where an entity's spelling or a topic's term occurred.
public struct Hit: Sendable, Equatable, Codable {
    /// The entity's name, or nil for a bare term of a topic rule.
    public var entity: String?
    /// The spelling from feeds.conf that matched (as written there, `*` included).
    public var spelling: String
    public var field: ItemField
    /// The matched text as it stands in the item, and its UTF-8 byte range there.
    public var matchedText: String
    public var start: Int
    public var end: Int
    /// For a contested name: the variant the spelling belongs to (`Xankəndi`) ...
    public var variant: String?
    /// ... and whose naming it is (`Azerbaijani`).
    public var side: String?
    /// Set on a cancelled hit (`MatchResult.cancelled`): the context that
    /// cancelled it, e.g. `unless "Atlanta"` or `requires @ctx-title (missing)`.
    public var cancelledBy: String?

    public init(entity: String?, spelling: String, field: ItemField, matchedText: String, start: Int, end: Int,
                variant: String? = nil, side: String? = nil, cancelledBy: String? = nil) {
        self.entity = entity
        self.spelling = spelling
        self.field = field
        self.matchedText = matchedText
        self.start = start
        self.end = end
        self.variant = variant
        self.side = side
        self.cancelledBy = cancelledBy
    }
}
