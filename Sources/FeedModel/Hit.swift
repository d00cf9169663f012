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

    public init(entity: String?, spelling: String, field: ItemField, matchedText: String, start: Int, end: Int) {
        self.entity = entity
        self.spelling = spelling
        self.field = field
        self.matchedText = matchedText
        self.start = start
        self.end = end
    }
}
