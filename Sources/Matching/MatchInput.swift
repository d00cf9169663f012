/// The text of one item as the matcher sees it (plain text, not HTML).
public struct MatchInput: Sendable, Equatable {
    public var title: String
    public var summary: String
    public var content: String

    public init(title: String = "", summary: String = "", content: String = "") {
        self.title = title
        self.summary = summary
        self.content = content
    }
}
