/// One labelled line of an evaluation file (JSON Lines): the item's text, its
/// language and whether an analyst wants it kept.
public struct EvalSample: Sendable, Equatable {
    /// The line's `id`, else `line N`.
    public var id: String
    public var line: Int
    public var title: String
    public var summary: String
    public var language: String?
    /// `label` 1: keep; 0: drop.
    public var label: Bool

    public init(id: String, line: Int, title: String, summary: String, language: String?, label: Bool) {
        self.id = id
        self.line = line
        self.title = title
        self.summary = summary
        self.language = language
        self.label = label
    }
}
