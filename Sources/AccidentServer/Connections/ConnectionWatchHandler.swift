import NIOCore

/// The first handler of every connection: refuses connections over the cap and closes those that
/// stay too long sending a head, sending a body, or silent between requests.
///
/// It sees raw bytes (so a head trickled byte by byte is timed from its first byte); the request
/// phases come from `RequestPhaseHandler`, which sits after the HTTP decoder on the same event loop.
final class ConnectionWatchHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    enum State: Equatable {
        /// Waiting for a complete head (from connecting, or from the first byte after an idle spell).
        case awaitingHead
        case readingBody
        /// Every request read has been answered or is being answered: no deadline of the client's.
        case processing
        case idle
    }

    /// The answer to a connection over the cap: cheap, and tells the client to retry.
    static let refusal: String = {
        let body = #"{"error":{"code":"too_many_connections","message":"the server holds its maximum number of connections; retry shortly"}}"#
        return "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 1\r\n"
            + "connection: close\r\ncontent-length: \(body.utf8.count)\r\n\r\n" + body
    }()

    private let limits: ServerLimits
    private let gate: ConnectionGate
    private let admitted: Bool
    private(set) var state = State.awaitingHead
    private var inFlight = 0
    /// Whether bytes of a next request arrived while the previous one was being answered.
    private var bytesDuringProcessing = false
    private var started = false
    private var deadline: (task: Scheduled<Void>, phase: ConnectionPhase)?

    init(limits: ServerLimits, gate: ConnectionGate, admitted: Bool) {
        self.limits = limits
        self.gate = gate
        self.admitted = admitted
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch state {
        case .idle:
            state = .awaitingHead
            arm(context, .header, after: limits.headerTimeout)
        case .processing:
            bytesDuringProcessing = true
        case .awaitingHead, .readingBody:
            break
        }
        context.fireChannelRead(data)
    }

    /// A request head was decoded: its body must arrive within the body timeout.
    func headReceived(_ context: ChannelHandlerContext) {
        state = .readingBody
        bytesDuringProcessing = false
        arm(context, .body, after: limits.bodyTimeout)
    }

    /// A request was read in full: the server's turn.
    func requestEnded() {
        inFlight += 1
        state = .processing
        disarm()
    }

    /// A response was written in full: idle when nothing else is pending.
    func responseEnded(_ context: ChannelHandlerContext) {
        inFlight -= 1
        guard inFlight == 0, state == .processing else { return }
        if bytesDuringProcessing {
            state = .awaitingHead
            arm(context, .header, after: limits.headerTimeout)
        } else {
            state = .idle
            arm(context, .idle, after: limits.idleTimeout)
        }
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        guard admitted else {
            let refusal = context.channel.allocator.buffer(string: Self.refusal)
            context.writeAndFlush(wrapOutboundOut(refusal)).whenComplete { _ in context.close(promise: nil) }
            return
        }
        arm(context, .header, after: limits.headerTimeout)
    }

    private func arm(_ context: ChannelHandlerContext, _ phase: ConnectionPhase, after timeout: Duration) {
        disarm()
        let task = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) { [gate] in
            self.deadline = nil
            gate.recordTimeout(phase)
            context.close(promise: nil)
        }
        deadline = (task, phase)
    }

    private func disarm() {
        deadline?.task.cancel()
        deadline = nil
    }
}
