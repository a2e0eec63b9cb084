import Hummingbird

/// Builds the router: the middleware stack, then every route's handler.
///
/// Middleware order, outermost first: request id → timing, metrics and access log → JSON
/// errors (404/405 included) → API key (prediction routes) or administrator key (reload) → handler.
enum APIRouter {
    static func make(state: ServerState) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ObservationMiddleware(metrics: state.metrics))
        router.add(middleware: ErrorMiddleware(allowedMethods: APIRoute.allowedMethods, metrics: state.metrics))

        let models = ModelRoutes(state: state)
        let predictions = PredictionRoutes(state: state)
        let documentation = DocumentationRoutes(state: state)

        router.get(RouterPath(APIPath.health), use: models.health)
        router.get(RouterPath(APIPath.openAPI), use: documentation.openAPI)
        router.get(RouterPath(APIPath.docs), use: documentation.docs)
        router.get(RouterPath(APIPath.metrics), use: documentation.metrics)

        let secured = router.group()
        if !state.configuration.allowsUnauthenticated {
            secured.add(middleware: APIKeyMiddleware(keys: state.keys))
        }
        secured.post(RouterPath(APIPath.predict), use: predictions.predict)
        secured.post(RouterPath(APIPath.predictBatch), use: predictions.predictBatch)

        let administration = router.group()
        if !state.configuration.allowsUnauthenticated {
            administration.add(middleware: AdminKeyMiddleware(adminKeys: state.adminKeys, predictionKeys: state.keys))
        }
        administration.post(RouterPath(APIPath.reloadModel), use: models.reload)
        return router
    }
}
