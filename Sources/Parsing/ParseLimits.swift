/// Bounds that keep one hostile or broken document from costing more than a feed should.
public struct ParseLimits: Sendable, Equatable {
    /// A document longer than this is refused (ParseError kind .tooLarge). Fetching
    /// caps bodies too; this guards files given to `feedwatch parse` and the stream.
    public var maxDocumentBytes: Int
    /// The text of one field (a title, a description, content:encoded) is cut here,
    /// with a warning: no real item needs more, and a runaway text node costs memory.
    public var maxFieldBytes: Int
    /// A date more than this many seconds after the parse time is flagged (clock skew allowed).
    public var futureSkewSeconds: Double
    /// Elements nested deeper are not tracked (libxml2's push parser sets no depth limit of its own).
    public var maxDepth: Int

    public init(maxDocumentBytes: Int = 512 << 20, maxFieldBytes: Int = 4 << 20, futureSkewSeconds: Double = 600,
                maxDepth: Int = 512) {
        self.maxDepth = maxDepth
        self.maxDocumentBytes = maxDocumentBytes
        self.maxFieldBytes = maxFieldBytes
        self.futureSkewSeconds = futureSkewSeconds
    }
}
