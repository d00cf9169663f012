/// Which part of an item a hit was found in.
public enum ItemField: String, Sendable, Codable, CaseIterable {
    case title, summary, content
    /// The item's authors, one per line; searched only by rules that scope a term to `author:`.
    case author
    /// The item's categories, one per line; searched only by rules that scope a term to `category:`.
    case category

    /// The fields a term or @entity looks in when the rule gives no scope.
    public static let text: [ItemField] = [.title, .summary, .content]
}
