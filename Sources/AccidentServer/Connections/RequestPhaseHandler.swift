import HummingbirdCore
import NIOHTTPTypes
import NIOCore

/// Tells the connection's `ConnectionWatchHandler` where each request is: head decoded, request
/// read in full, response written in full. Sits after the HTTP decoder.
final class RequestPhaseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var watch: ConnectionWatchHandler?
    private var watchContext: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) {
        watch = try? context.pipeline.syncOperations.handler(type: ConnectionWatchHandler.self)
        watchContext = try? context.pipeline.syncOperations.context(handlerType: ConnectionWatchHandler.self)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        watch = nil
        watchContext = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let watch, let watchContext {
            switch unwrapInboundIn(data) {
            case .head: watch.headReceived(watchContext)
            case .end: watch.requestEnded()
            case .body: break
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), let watch, let watchContext { watch.responseEnded(watchContext) }
        context.write(data, promise: promise)
    }
}
