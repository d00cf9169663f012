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
    /// The parse time that future dates are judged against; nil is the clock (tests set it).
    public var now: Date?
    public var limits: ParseLimits

    public init(httpCharset: String? = nil, encodingOverride: String? = nil,
                defaultTimeZone: TimeZone? = nil, baseURL: String? = nil,
                now: Date? = nil, limits: ParseLimits = ParseLimits()) {
        self.httpCharset = httpCharset
        self.encodingOverride = encodingOverride
        self.defaultTimeZone = defaultTimeZone
        self.baseURL = baseURL
        self.now = now
        self.limits = limits
    }
}
