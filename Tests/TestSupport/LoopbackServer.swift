import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on 127.0.0.1 (or another loopback address; ephemeral port) that a test starts
/// and stops itself, serves the routes the test registers, and records every
/// request it receives.
///
/// ```
/// let server = try await LoopbackServer.start()
/// server.route("/feed.xml") { request in .ok(body: "<rss/>", headers: ["Content-Type": "application/rss+xml"]) }
/// // ... fetch server.url("/feed.xml") ...
/// #expect(server.requests(to: "/feed.xml").first?.header("If-None-Match") == "\"v1\"")
/// try await server.stop()
/// ```
///
/// Handlers run synchronously on the server's own event-loop thread, never
/// on the Swift concurrency pool, so a test may block its own thread in a
/// synchronous fetch without starving the server. A path without a route
/// gets a 404.
///
/// It also serves as a forward proxy: a request whose target is an absolute
/// URL ("GET http://feeds.example/rss HTTP/1.1") is routed by that URL's
/// path, and `LoopbackRequest.target` keeps the absolute URL.
public final class LoopbackServer: Sendable {
    /// Decides the answer to one request. Called on the server's thread.
    public typealias Handler = @Sendable (LoopbackRequest) -> LoopbackResponse

    /// The address the server listens on: "127.0.0.1" unless started on another.
    public let host: String
    /// The port the server listens on.
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    private let state: NIOLockedValueBox<State>

    private struct State {
        var routes: [String: Handler] = [:]
        var requests: [LoopbackRequest] = []
        var connections = 0
    }

    private init(host: String, port: Int, group: MultiThreadedEventLoopGroup, channel: Channel, state: NIOLockedValueBox<State>) {
        self.host = host
        self.port = port
        self.group = group
        self.channel = channel
        self.state = state
    }

    /// Starts a server on `host` with an ephemeral port. Linux routes all of
    /// 127.0.0.0/8 to the loopback interface, so "127.0.0.2", "127.0.0.3", ...
    /// give tests distinct hosts without any set-up.
    public static func start(host: String = "127.0.0.1") async throws -> LoopbackServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let state = NIOLockedValueBox(State())
        let respond: Handler = { request in
            let handler = state.withLockedValue { state in
                state.requests.append(request)
                return state.routes[request.path]
            }
            return handler?(request) ?? .status(404, body: "no route for \(request.path)\n")
        }
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let connection = state.withLockedValue { state in
                            state.connections += 1
                            return state.connections
                        }
                        let decoder = HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder))
                        try channel.pipeline.syncOperations.addHandler(LoopbackConnectionHandler(connection: connection, respond: respond))
                    }
                }
                .bind(host: host, port: 0)
                .get()
            guard let port = channel.localAddress?.port else {
                try? await channel.close()
                throw LoopbackServerError("loopback server: bound socket has no port")
            }
            return LoopbackServer(host: host, port: port, group: group, channel: channel, state: state)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Closes the listening socket and every open connection (hanging ones included).
    public func stop() async throws {
        try? await channel.close()
        try await group.shutdownGracefully()
    }

    /// "http://127.0.0.1:<port>" (the server's own address in place of 127.0.0.1).
    public var baseURL: String { "http://\(host):\(port)" }

    /// The absolute URL of `path` on this server: `url("/feed.xml")`.
    public func url(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// Serves `path` (exact match, query ignored) with `handler`, replacing any earlier route.
    public func route(_ path: String, _ handler: @escaping Handler) {
        state.withLockedValue { $0.routes[path] = handler }
    }

    /// Serves `path` with the same `response` every time.
    public func route(_ path: String, _ response: LoopbackResponse) {
        route(path) { _ in response }
    }

    /// Every request received so far, in order of arrival.
    public var requests: [LoopbackRequest] {
        state.withLockedValue { $0.requests }
    }

    /// The requests received for `path` (query ignored), in order of arrival.
    public func requests(to path: String) -> [LoopbackRequest] {
        state.withLockedValue { $0.requests.filter { $0.path == path } }
    }

    /// How many requests were received in all.
    public var requestCount: Int {
        state.withLockedValue { $0.requests.count }
    }

    /// How many TCP connections were accepted in all.
    public var connectionCount: Int {
        state.withLockedValue { $0.connections }
    }

    /// How many requests were received for `path`.
    public func requestCount(to path: String) -> Int {
        requests(to: path).count
    }
}

/// A failure of the loopback server itself.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
