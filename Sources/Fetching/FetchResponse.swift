import Foundation

/// A transfer that worked: a 2xx with its (decompressed) body, or a 304 with none.
public struct FetchResponse: Sendable, Equatable {
    public var status: Int
    /// Response headers of the final hop, names lowercased; a repeated header keeps its last value.
    public var headers: [String: String]
    public var body: Data
    /// Where the body came from after redirects.
    public var effectiveURL: String
    public var redirectCount: Int
    /// Which of the request's URLs answered (its `url`, or one of its `fallbackURLs`), before redirects.
    public var servedURL: String = ""
    /// Where redirects led when every hop was permanent (301 or 308): the new address of the feed.
    public var permanentRedirect: String?
    /// "1.1" or "2" ("1.0", "3" if ever); nil without HTTP (file:).
    public var httpVersion: String?
    /// Body bytes received on the wire (compressed), headers excluded, of the
    /// final hop of the URL that served (earlier hops and failed fallbacks are not counted).
    public var bytesReceived: Int = 0
    /// Set while `body` is still compressed (a request with `deferDecoding`): "gzip" or "deflate".
    public var contentEncoding: String?

    /// The response with its body inflated, at most `maxBytes` of it (else `.tooLarge`);
    /// itself when the body was never compressed.
    public func decoded(maxBytes: Int) throws(FetchError) -> FetchResponse {
        guard let contentEncoding else { return self }
        var plain = self
        plain.body = try BodyDecoder.decode(body, encoding: contentEncoding, maxBytes: maxBytes, url: servedURL)
        plain.contentEncoding = nil
        guard !plain.body.isEmpty else {
            throw FetchError(kind: .empty, message: "fetch \(servedURL): empty body (HTTP \(status))", status: status,
                             headers: headers)
        }
        return plain
    }

    public init(status: Int, headers: [String: String], body: Data, effectiveURL: String, redirectCount: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
        self.redirectCount = redirectCount
    }

    public var isNotModified: Bool { status == 304 }
    public var etag: String? { headers["etag"] }
    public var lastModified: String? { headers["last-modified"] }
    /// The charset parameter of Content-Type, if any ("windows-1251").
    public var charset: String? {
        guard let type = headers["content-type"] else { return nil }
        for part in type.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }
}
