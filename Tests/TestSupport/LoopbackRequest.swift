/// A request the loopback server received, as route handlers and assertions see it.
public struct LoopbackRequest: Sendable, Equatable {
    /// "GET", "HEAD", ...
    public var method: String
    /// The path without the query: "/feed.xml".
    public var path: String
    /// The request target as sent: "/feed.xml?page=2".
    public var target: String
    /// Header fields in the order received, names as sent.
    public var headers: [LoopbackHeader]
    /// Which TCP connection carried the request (1, 2, ... in order of
    /// acceptance): equal numbers mean the client reused a connection.
    public var connection: Int

    public init(method: String, path: String, target: String, headers: [LoopbackHeader], connection: Int = 0) {
        self.method = method
        self.path = path
        self.target = target
        self.headers = headers
        self.connection = connection
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
