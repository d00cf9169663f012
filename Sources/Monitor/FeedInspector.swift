import Foundation
import FeedModel
import Config
import Fetching
import Parsing
import Matching

/// One feed read outside a poll run, for `feedwatch parse` and `feedwatch match`:
/// from a file path or a URL, nothing stored.
public struct FeedInspector {
    public let userAgent: String

    public init(userAgent: String = Settings.defaultUserAgent) {
        self.userAgent = userAgent
    }

    /// Reads and parses `source` (a path, or an http, https or file URL).
    /// A local file is read in chunks (FeedParser.Stream), never whole: a 100 MB file costs no 100 MB.
    public func parse(_ source: String, encoding: String? = nil, timeZone: TimeZone? = nil) throws(MonitorError) -> ParsedFeed {
        if !Self.isURL(source) {
            guard FileManager.default.isReadableFile(atPath: source) else {
                throw .input("read \(source): no such file or not readable")
            }
            let url = URL(fileURLWithPath: source)
            do {
                return try FeedParser().parse(contentsOf: url, options: ParseOptions(
                    encodingOverride: encoding, defaultTimeZone: timeZone, baseURL: url.absoluteString))
            } catch {
                throw .input("parse \(source): \(error.message)")
            }
        }
        let document = try load(source)
        do {
            return try FeedParser().parse(document.body, options: ParseOptions(
                httpCharset: document.charset, encodingOverride: encoding,
                defaultTimeZone: timeZone, baseURL: document.url))
        } catch {
            throw .input("parse \(source): \(error.message)")
        }
    }

    /// Parses `source` and says, for each item, what feeds.conf's matcher makes of it.
    /// With `explaining`, every result carries the trace of every topic (`Matcher.explain`).
    public func match(_ source: String, configuration: Configuration,
                      explaining: Bool = false) throws(MonitorError) -> (ParsedFeed, [MatchResult]) {
        let feed = try parse(source)
        let matcher = Matcher(configuration: configuration)
        return (feed, feed.items.map { item in
            let input = item.matchInput(declaredLanguage: feed.language)
            return explaining ? matcher.explain(input) : matcher.match(input)
        })
    }

    private struct Document {
        var body: Data
        var charset: String?
        var url: String?
    }

    private static func isURL(_ source: String) -> Bool {
        let lower = source.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file:")
    }

    private func load(_ source: String) throws(MonitorError) -> Document {
        let lower = source.lowercased()
        guard Self.isURL(source) else {
            guard let data = FileManager.default.contents(atPath: source) else {
                throw .input("read \(source): no such file or not readable")
            }
            return Document(body: data, charset: nil, url: URL(fileURLWithPath: source).absoluteString)
        }
        var outcome: Result<FetchResponse, FetchError>?
        let request = FetchRequest(key: 0, url: source, userAgent: userAgent,
                                   allowFileScheme: lower.hasPrefix("file:"))
        Fetcher(maxConcurrent: 1).fetch([request]) { _, result in outcome = result }
        switch outcome {
        case .success(let response)?:
            return Document(body: response.body, charset: response.charset, url: response.effectiveURL)
        case .failure(let error)?:
            throw .input(error.message)
        case nil:
            throw .input("fetch \(source): no result")
        }
    }
}
