import Foundation
import NIOCore
import NIOHTTP1

/// One connection of the loopback server: decodes requests, asks the routes,
/// and writes the answer, well-behaved or not. Responses are serialised here
/// rather than by NIO's encoder so that misbehaving ones can be byte-exact.
final class LoopbackConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = ByteBuffer

    private let connection: Int
    private let respond: LoopbackServer.Handler
    private var head: HTTPRequestHead?
    /// Set once a misbehaving answer owns the connection; later input is ignored.
    private var finished = false

    init(connection: Int, respond: @escaping LoopbackServer.Handler) {
        self.connection = connection
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            break
        case .end:
            guard let head, !finished else { return }
            self.head = nil
            let request = LoopbackRequest(
                method: head.method.rawValue,
                path: LoopbackRequest.path(of: head.uri),
                target: head.uri,
                headers: head.headers.map { LoopbackHeader(name: $0.name, value: $0.value) },
                connection: connection)
            send(respond(request), keepAlive: head.isKeepAlive, isHead: head.method == .HEAD, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // Garbage from the client or a reset by it: nothing to answer.
        context.close(promise: nil)
    }

    private func send(_ response: LoopbackResponse, keepAlive: Bool, isHead: Bool, context: ChannelHandlerContext) {
        let channel = context.channel
        switch response.behaviour {
        case .normal:
            let bytes = response.serialized(keepAlive: keepAlive, includeBody: !isHead)
            let written = channel.writeAndFlush(ByteBuffer(bytes: bytes))
            if !keepAlive {
                finished = true
                written.whenComplete { _ in channel.close(promise: nil) }
            }
        case .raw(let bytes):
            finished = true
            channel.writeAndFlush(ByteBuffer(bytes: bytes)).whenComplete { _ in channel.close(promise: nil) }
        case .trickle(let chunkSize, let interval):
            finished = true
            Self.trickle(response.serialized(keepAlive: false), from: 0, chunkSize: chunkSize,
                         interval: Self.timeAmount(interval), on: channel)
        case .reset:
            finished = true
            // SO_LINGER with a zero timeout turns close() into a TCP RST.
            guard let options = channel as? SocketOptionProvider else {
                channel.close(promise: nil)
                return
            }
            options.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
        case .hang:
            finished = true
        }
    }

    private static func trickle(_ bytes: Data, from offset: Int, chunkSize: Int, interval: TimeAmount, on channel: Channel) {
        guard channel.isActive else { return }
        let end = min(bytes.count, offset + chunkSize)
        channel.writeAndFlush(ByteBuffer(bytes: bytes[offset..<end]), promise: nil)
        guard end < bytes.count else {
            channel.close(promise: nil)
            return
        }
        channel.eventLoop.scheduleTask(in: interval) {
            trickle(bytes, from: end, chunkSize: chunkSize, interval: interval, on: channel)
        }
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
