/// A request the loopback server received, as route handlers and assertions see it.
public struct LoopbackRequest: Sendable, Equatable {
    /// "GET", "HEAD", ...
    public var method: String
    /// The path without the query: "/feed.xml" (also for an absolute target).
    public var path: String
    /// The request target as sent: "/feed.xml?page=2", or an absolute URL
    /// ("http://feeds.example/feed.xml") when the client took the server for a proxy.
    public var target: String
    /// Header fields in the order received, names as sent.
    public var headers: [LoopbackHeader]
    /// Which TCP connection carried the request (1, 2, ... in order of
    /// acceptance): equal numbers mean the client reused a connection.
    public var connection: Int
    /// When the server had read the whole request: lets a test check the
    /// order of requests and the gaps between them.
    public var receivedAt: ContinuousClock.Instant

    public init(method: String, path: String, target: String, headers: [LoopbackHeader], connection: Int = 0,
                receivedAt: ContinuousClock.Instant = .now) {
        self.method = method
        self.path = path
        self.target = target
        self.headers = headers
        self.connection = connection
        self.receivedAt = receivedAt
    }

    /// Whether the target is an absolute URL, as clients send it to a forward proxy.
    public var isProxyRequest: Bool {
        target.hasPrefix("http://") || target.hasPrefix("https://")
    }

    /// The path of a request target without its query; for an absolute
    /// target, the path of its URL ("/" when it has none).
    public static func path(of target: String) -> String {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://"), rest.hasPrefix("http") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
            rest = rest[slash...]
            if rest.hasPrefix("?") { return "/" }
        }
        return String(rest.prefix { $0 != "?" })
    }

    /// The value of the first header with this name (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One header field of a received request.
public struct LoopbackHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
