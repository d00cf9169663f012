import Foundation
import FeedModel

/// Turns the bytes of an RSS, Atom, RDF or JSON Feed document into a ParsedFeed.
public struct FeedParser: Sendable {
    /// libxml2's complaints beyond this many are summarised in one line.
    public static let maxWarnings = 20

    public init() {}

    /// The feed in `data`, recognised by content (root element and namespace, or JSON).
    /// Throws only when nothing feed-like can be read: .empty, .htmlNotFeed or .unparseable.
    public func parse(_ data: Data, options: ParseOptions = ParseOptions()) throws(ParseError) -> ParsedFeed {
        try Self.checkSize(data.count, options: options)
        let start = Self.firstSignificantByte(data)
        guard let start else {
            throw ParseError(kind: .empty, message: "parse: document is empty")
        }
        if data[start] == UInt8(ascii: "{") {
            var feed = try JSONFeedReader.read(data, options: options)
            feed.warnings = Self.capped(feed.warnings)
            return feed
        }
        if Self.looksLikeHTML(data, from: start) {
            throw ParseError(kind: .htmlNotFeed, message: "parse: an HTML page, not a feed")
        }
        let plan = EncodingPlan.decide(for: data, options: options)
        let parser = XMLPushParser(options: options, plan: plan)
        parser.parse(data)
        return try Self.result(of: parser)
    }

    /// The feed a finished parser read, or why there is none.
    static func result(of parser: XMLPushParser) throws(ParseError) -> ParsedFeed {
        switch parser.outcome {
        case .html:
            throw ParseError(kind: .htmlNotFeed, message: "parse: an HTML page, not a feed")
        case .noRoot:
            let first = parser.warnings.first.map { " (\($0))" } ?? ""
            throw ParseError(kind: .unparseable, message: "parse: no XML root element found\(first)")
        case .unknownRoot(let name):
            throw ParseError(kind: .unparseable, message: "parse: root element <\(name)> is not RSS, RDF or Atom")
        case .feed:
            var feed = parser.finish()
            feed.warnings = Self.capped(parser.warnings)
            return feed
        }
    }

    static func checkSize(_ count: Int, options: ParseOptions) throws(ParseError) {
        let limit = options.limits.maxDocumentBytes
        guard count <= limit else {
            throw ParseError(kind: .tooLarge, message: "parse: document is larger than \(limit) bytes (ParseLimits.maxDocumentBytes)")
        }
    }

    /// Index of the first byte that is neither whitespace nor a UTF-8 BOM.
    static func firstSignificantByte(_ data: Data) -> Data.Index? {
        var index = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
        while index < data.endIndex {
            switch data[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x00: index += 1
            default: return index
            }
        }
        return nil
    }

    /// "<!DOCTYPE html" or "<html" up front: a web page served where a feed was expected.
    static func looksLikeHTML(_ data: Data, from start: Data.Index) -> Bool {
        let head = String(decoding: data[start...].prefix(64), as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    static func capped(_ warnings: [String]) -> [String] {
        guard warnings.count > maxWarnings else { return warnings }
        return Array(warnings.prefix(maxWarnings)) + ["... and \(warnings.count - maxWarnings) more"]
    }
}
