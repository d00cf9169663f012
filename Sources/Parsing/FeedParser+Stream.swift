import Foundation
import FeedModel

extension FeedParser {
    /// Parses a document that arrives in chunks, without ever holding all of it:
    /// memory is the head used to recognise it (up to `headSize`), what libxml2
    /// has not consumed yet, and the items. JSON Feeds are buffered whole (they
    /// cannot be read in pieces), within ParseLimits.maxDocumentBytes.
    public final class Stream {
        /// Bytes looked at before parsing starts: the format, an HTML page and the
        /// encoding (BOM, valid UTF-8, declaration) are decided on them.
        public static let headSize = 1 << 20

        private let options: ParseOptions
        private var head = Data()
        private var parser: XMLPushParser?
        private var total = 0

        public init(options: ParseOptions = ParseOptions()) {
            self.options = options
        }

        /// The next bytes of the document. Throws as soon as the document cannot be
        /// a feed (an HTML page, an unknown root) or is over the size limit.
        public func feed(_ chunk: Data) throws(ParseError) {
            total += chunk.count
            try FeedParser.checkSize(total, options: options)
            if let parser {
                chunk.withUnsafeBytes { parser.push($0) }
                try Self.stopIfNotAFeed(parser)
                return
            }
            head.append(chunk)
            if head.count >= Self.headSize, !isJSON { try start(isComplete: false) }
        }

        /// Ends the document and returns the feed read from it (once: the stream is then spent).
        public func finish() throws(ParseError) -> ParsedFeed {
            if parser == nil {
                if isJSON || FeedParser.firstSignificantByte(head) == nil {
                    return try FeedParser().parse(head, options: options)
                }
                try start(isComplete: true)
            }
            guard let parser else { throw ParseError(kind: .unparseable, message: "parse: no parser") }
            parser.end()
            return try FeedParser.result(of: parser)
        }

        private var isJSON: Bool {
            FeedParser.firstSignificantByte(head).map { head[$0] == UInt8(ascii: "{") } ?? false
        }

        private func start(isComplete: Bool) throws(ParseError) {
            guard let first = FeedParser.firstSignificantByte(head) else {
                throw ParseError(kind: .unparseable, message: "parse: the first \(head.count) bytes are blank")
            }
            if FeedParser.looksLikeHTML(head, from: first) {
                throw ParseError(kind: .htmlNotFeed, message: "parse: an HTML page, not a feed")
            }
            let plan = EncodingPlan.decide(for: head, options: options, isComplete: isComplete)
            let parser = XMLPushParser(options: options, plan: plan)
            head.withUnsafeBytes { parser.push($0) }
            head = Data()
            self.parser = parser
            try Self.stopIfNotAFeed(parser)
        }

        private static func stopIfNotAFeed(_ parser: XMLPushParser) throws(ParseError) {
            switch parser.outcome {
            case .html, .unknownRoot: _ = try FeedParser.result(of: parser)
            case .feed, .noRoot: break
            }
        }
    }

    /// The feed in the file at `fileURL`, read in chunks through a Stream.
    public func parse(contentsOf fileURL: URL, options: ParseOptions = ParseOptions()) throws(ParseError) -> ParsedFeed {
        let stream = Stream(options: options)
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: fileURL)
        } catch {
            throw ParseError(kind: .other, message: "read \(fileURL.path): \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 256 * 1024)
            } catch {
                throw ParseError(kind: .other, message: "read \(fileURL.path): \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            try stream.feed(chunk)
        }
        return try stream.finish()
    }
}
