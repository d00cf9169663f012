import Foundation

/// What the loopback server does with a request: answer like a good server,
/// or misbehave on purpose.
///
/// Well-behaved answers get a correct Content-Length computed by the server
/// (any content-length given in `headers` is replaced) and keep the connection
/// alive. The misbehaving ones close the connection afterwards.
public struct LoopbackResponse: Sendable {
    public var status: Int
    /// Header fields to send; names as given.
    public var headers: [String: String]
    /// The body before any compression.
    public var body: Data
    /// Gzip the body on the server and send `Content-Encoding: gzip`.
    public var gzip: Bool
    var behaviour: Behaviour

    enum Behaviour: Sendable {
        case normal
        /// Bytes written as they are (status line and headers included), then close.
        case raw(Data)
        /// The whole serialised response, `chunkSize` bytes every `interval`, then close.
        case trickle(chunkSize: Int, interval: Duration)
        /// Close at once with SO_LINGER 0, so the client sees a TCP reset.
        case reset
        /// Read the request and never answer; the connection stays open until the client or `stop()` closes it.
        case hang
    }

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), gzip: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.gzip = gzip
        self.behaviour = .normal
    }

    /// 200 with a body.
    public static func ok(body: String, headers: [String: String] = [:], gzip: Bool = false) -> LoopbackResponse {
        LoopbackResponse(status: 200, headers: headers, body: Data(body.utf8), gzip: gzip)
    }

    /// 200 with a body.
    public static func ok(body: Data, headers: [String: String] = [:], gzip: Bool = false) -> LoopbackResponse {
        LoopbackResponse(status: 200, headers: headers, body: body, gzip: gzip)
    }

    /// Any status, e.g. `.status(429, headers: ["Retry-After": "120"])`.
    public static func status(_ status: Int, headers: [String: String] = [:], body: String = "") -> LoopbackResponse {
        LoopbackResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    /// A redirect to `location` (absolute URL or path).
    public static func redirect(to location: String, status: Int = 302) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: ["Location": location])
    }

    /// 304 Not Modified, with no body.
    public static func notModified(headers: [String: String] = [:]) -> LoopbackResponse {
        LoopbackResponse(status: 304, headers: headers)
    }

    /// Bytes written as they are, then the connection is closed: for lying
    /// Content-Length, broken chunking, garbage status lines.
    public static func raw(_ bytes: Data) -> LoopbackResponse {
        var response = LoopbackResponse(status: 0)
        response.behaviour = .raw(bytes)
        return response
    }

    /// Bytes written as they are, then the connection is closed.
    public static func raw(_ text: String) -> LoopbackResponse {
        raw(Data(text.utf8))
    }

    /// `response` serialised (head and body, gzip applied), then sent
    /// `chunkSize` bytes at a time every `interval`, then the connection is closed.
    public static func trickle(_ response: LoopbackResponse, chunkSize: Int = 1,
                               every interval: Duration = .milliseconds(100)) -> LoopbackResponse {
        var trickled = response
        trickled.behaviour = .trickle(chunkSize: max(1, chunkSize), interval: interval)
        return trickled
    }

    /// The connection is reset (closed with SO_LINGER 0) without an answer.
    public static let reset: LoopbackResponse = {
        var response = LoopbackResponse(status: 0)
        response.behaviour = .reset
        return response
    }()

    /// The request is read and never answered.
    public static let hang: LoopbackResponse = {
        var response = LoopbackResponse(status: 0)
        response.behaviour = .hang
        return response
    }()

    /// The bytes of a well-formed HTTP/1.1 response with a correct Content-Length
    /// (the body left out for a HEAD request, as HTTP requires).
    func serialized(keepAlive: Bool, includeBody: Bool = true) -> Data {
        // 204 and 304 never carry a body, so they get no Content-Length either.
        let bodiless = status == 204 || status == 304
        let payload = bodiless ? Data() : gzip ? Gzip.compress(body) : body
        var head = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key })
        where !["content-length", "connection"].contains(name.lowercased())
            && !(gzip && name.lowercased() == "content-encoding") {
            head += "\(name): \(value)\r\n"
        }
        if gzip && !bodiless { head += "Content-Encoding: gzip\r\n" }
        if !bodiless { head += "Content-Length: \(payload.count)\r\n" }
        head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n"
        head += "\r\n"
        var bytes = Data(head.utf8)
        if includeBody { bytes.append(payload) }
        return bytes
    }

    private static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
