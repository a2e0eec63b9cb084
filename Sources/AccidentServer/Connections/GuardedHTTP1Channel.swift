import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel behind the connection cap and deadlines of `ServerLimits`.
///
/// Over the cap a connection is still set up (a failed setup would end the server's accept loop),
/// but its first handler answers 503 and closes it at once, before any byte is read.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http: HTTP1Channel
    let gate: ConnectionGate
    let limits: ServerLimits

    /// The server builder of an application guarded by `gate` and `limits`.
    static func builder(gate: ConnectionGate, limits: ServerLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            GuardedHTTP1Channel(
                http: HTTP1Channel(responder: responder,
                                   configuration: .init(additionalChannelHandlers: [RequestPhaseHandler()])),
                gate: gate, limits: limits)
        }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = gate.admit()
        if admitted { channel.closeFuture.whenComplete { [gate] _ in gate.release() } }
        do {
            try channel.pipeline.syncOperations.addHandler(
                ConnectionWatchHandler(limits: limits, gate: gate, admitted: admitted), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await http.handle(value: value, logger: logger)
    }
}
