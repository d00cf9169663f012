import Foundation

/// What the parser may know about a document besides its bytes.
public struct ParseOptions: Sendable, Equatable {
    /// The charset parameter of the HTTP Content-Type.
    public var httpCharset: String?
    /// feeds.conf's `encoding=` for this feed: wins over everything but a BOM and valid UTF-8.
    public var encodingOverride: String?
    /// Zone for dates that carry none (feeds.conf `tz=`); UTC when nil.
    public var defaultTimeZone: TimeZone?
    /// The document's URL, for resolving relative links.
    public var baseURL: String?

    public init(httpCharset: String? = nil, encodingOverride: String? = nil,
                defaultTimeZone: TimeZone? = nil, baseURL: String? = nil) {
        self.httpCharset = httpCharset
        self.encodingOverride = encodingOverride
        self.defaultTimeZone = defaultTimeZone
        self.baseURL = baseURL
    }
}
