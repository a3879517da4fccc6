import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// The HTTP/1.1 rules every connection is held to, below Hummingbird's router where the request's
/// version and raw headers are still known (RFC 9112):
///
/// - a request's head must arrive within ``Limits/headWait`` of the connection opening or of the
///   previous response: a half-sent head and an idle keep-alive connection are closed then (nginx's
///   `client_header_timeout` and `keepalive_timeout` in one);
/// - an HTTP/1.1 request has exactly one `Host` header, an HTTP/1.0 request at most one; otherwise
///   400 and the connection closes;
/// - a connection that is not to be kept alive (HTTP/1.0 without `Connection: keep-alive`, or
///   `Connection: close`) closes once its response is written;
/// - when the server shuts down, a request whose body is still arriving gets ``Limits/shutdownGrace``
///   to finish before its connection closes; nothing of it was acknowledged, so nothing is lost. A
///   request that has arrived whole is answered, however long its handler takes.
final class ConnectionRules: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    struct Limits: Sendable {
        var headWait: TimeAmount = .seconds(60)
        var shutdownGrace: TimeAmount = .seconds(3)
    }

    private let limits: Limits
    /// Requests whose head has arrived and whose response has not ended.
    private var open = 0
    /// A request's body is still arriving.
    private var readingBody = false
    /// The connection closes after the current response.
    private var closeAfterResponse = false
    /// A refused request: everything else the client sends is ignored until the connection closes.
    private var refused = false
    private var headTimer: Scheduled<Void>?
    private var graceTimer: Scheduled<Void>?

    init(limits: Limits) {
        self.limits = limits
    }

    /// Hummingbird's HTTP/1.1 channel with these rules inserted right after NIO's request decoder.
    static func server(limits: Limits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            RuledHTTP1Channel(inner: HTTP1Channel(responder: responder), limits: limits)
        }
    }

    // MARK: The head's deadline

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { awaitHead(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        awaitHead(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        headTimer?.cancel()
        graceTimer?.cancel()
    }

    private func awaitHead(_ context: ChannelHandlerContext) {
        guard headTimer == nil, open == 0 else { return }
        headTimer = context.eventLoop.assumeIsolated().scheduleTask(in: limits.headWait) { [self] in
            headTimer = nil
            if open == 0 { context.close(promise: nil) }
        }
    }

    // MARK: Requests in

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            headTimer?.cancel()
            headTimer = nil
            let hosts = head.headers["Host"].count
            if hosts > 1 || (hosts == 0 && head.version != .http1_0) {
                refuse(context, version: head.version)
                return
            }
            open += 1
            readingBody = true
            if !head.isKeepAlive { closeAfterResponse = true }
        case .body:
            break
        case .end:
            readingBody = false
        }
        context.fireChannelRead(data)
    }

    /// Answers 400 itself, before Hummingbird sees the request, and closes.
    private func refuse(_ context: ChannelHandlerContext, version: HTTPVersion) {
        refused = true
        let text = "Felaktig begäran: den ska ha ett Host-huvud, och bara ett.\n"
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(text.utf8.count))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .badRequest, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    // MARK: Responses out

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where closeAfterResponse && !head.headers.contains(name: "Connection"):
            head.headers.add(name: "Connection", value: "close")
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            open = max(0, open - 1)
            if closeAfterResponse {
                context.writeAndFlush(data).assumeIsolated().whenComplete { result in
                    context.close(promise: nil)
                    promise?.completeWith(result)
                }
            } else {
                context.write(data, promise: promise)
                awaitHead(context)
            }
        default:
            context.write(data, promise: promise)
        }
    }

    // MARK: Shutting down

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, readingBody, graceTimer == nil {
            graceTimer = context.eventLoop.assumeIsolated().scheduleTask(in: limits.shutdownGrace) { [self] in
                if readingBody { context.close(promise: nil) }
            }
        }
        context.fireUserInboundEventTriggered(event)
    }
}

/// Hummingbird's HTTP/1.1 child channel with ``ConnectionRules`` after the request decoder, where the
/// parts are still NIO's HTTP/1 ones (version and raw headers).
struct RuledHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel
    let limits: ConnectionRules.Limits

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(ConnectionRules(limits: limits), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
