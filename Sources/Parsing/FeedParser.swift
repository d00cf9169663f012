import Foundation
import FeedModel

/// Turns the bytes of an RSS, Atom or RDF document into a ParsedFeed.
public struct FeedParser: Sendable {
    public init() {}

    public func parse(_ data: Data, options: ParseOptions = ParseOptions()) throws(ParseError) -> ParsedFeed {
        throw ParseError(kind: .unparseable, message: "not implemented yet")
    }
}
