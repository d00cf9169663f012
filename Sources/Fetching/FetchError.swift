import FeedModel

/// A transfer that failed, classified for the health report.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: FetchFailureKind
    /// "fetch https://example.com/rss: HTTP 503"
    public var message: String
    /// The HTTP status when the server answered at all.
    public var status: Int?
    /// Response headers (lowercased names) when the server answered, e.g. retry-after.
    public var headers: [String: String]

    public init(kind: FetchFailureKind, message: String, status: Int? = nil, headers: [String: String] = [:]) {
        self.kind = kind
        self.message = message
        self.status = status
        self.headers = headers
    }

    public var description: String { message }
}
