import Hummingbird

/// Builds the router: the middleware stack, then every route of `APIRoute.catalogue`.
///
/// Middleware order, outermost first: request id → timing, metrics and access log → JSON
/// errors (404/405 included) → API key (prediction routes) or administrator key (reload) → handler.
enum APIRouter {
    static func make(state: ServerState) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ObservationMiddleware(metrics: state.metrics,
                                                    accessLog: AccessLogSampler(share: state.configuration.accessLogSample)))
        router.add(middleware: ErrorMiddleware(allowedMethods: APIRoute.allowedMethods, metrics: state.metrics))

        let secured = router.group()
        if !state.configuration.allowsUnauthenticated {
            secured.add(middleware: APIKeyMiddleware(keys: state.keys))
        }
        let administration = router.group()
        if !state.configuration.allowsUnauthenticated {
            administration.add(middleware: AdminKeyMiddleware(adminKeys: state.adminKeys, predictionKeys: state.keys))
        }
        let handlers = RouteHandlers(state: state)
        for route in APIRoute.catalogue {
            let handler = route.handler
            let respond: @Sendable (Request, BasicRequestContext) async throws -> Response = {
                try await handler(handlers, $0, $1)
            }
            if route.requiresAdminKey {
                administration.on(RouterPath(route.path), method: route.method, use: respond)
            } else if route.requiresKey {
                secured.on(RouterPath(route.path), method: route.method, use: respond)
            } else {
                router.on(RouterPath(route.path), method: route.method, use: respond)
            }
        }
        return router
    }
}
