import FeedModel

/// A document from which no feed could be read at all.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// .htmlNotFeed, .empty or .unparseable
    public var kind: FetchFailureKind
    public var message: String

    public init(kind: FetchFailureKind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
