import Testing
@testable import AccidentRegistry

/// MLflow's answers become errors that say what, where and how to fix, and tell transient from final.
@Suite struct ErrorMappingTests {
    func map(_ status: Int, _ body: String) -> RegistryError {
        MLflowClient.error(for: .init(status: status, body: Array(body.utf8)), operation: "get version 9 of 'm'",
                           url: "http://127.0.0.1:1/api/2.0/mlflow/model-versions/get", server: "http://127.0.0.1:1", attempts: 1)
    }

    @Test func resourceDoesNotExistIsNotFound() {
        let e = map(404, #"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Model Version (name=m, version=9) not found"}"#)
        #expect(e == .notFound(operation: "get version 9 of 'm'", code: "RESOURCE_DOES_NOT_EXIST",
                               message: "Model Version (name=m, version=9) not found"))
        #expect(e.errorCode == "RESOURCE_DOES_NOT_EXIST" && !e.isTransient)
        #expect(e.description.contains("get version 9 of 'm'") && e.description.contains("train registry list"))
    }

    @Test func otherCodesAreRejectedWithTheCode() {
        let e = map(400, #"{"error_code": "INVALID_PARAMETER_VALUE", "message": "bad\nvalue"}"#)
        #expect(e == .rejected(operation: "get version 9 of 'm'", status: 400, code: "INVALID_PARAMETER_VALUE", message: "bad value"))
        #expect(e.description.contains("HTTP 400") && e.description.contains("INVALID_PARAMETER_VALUE") && e.description.contains("Fix:"))
    }

    @Test func alreadyExistsKeepsItsCode() {
        let e = map(400, #"{"error_code": "RESOURCE_ALREADY_EXISTS", "message": "exists"}"#)
        #expect(e.errorCode == "RESOURCE_ALREADY_EXISTS")
    }

    @Test func serverErrorsAreTransientAndNameTheServer() {
        let e = map(503, "Service Unavailable")
        #expect(e.isTransient)
        #expect(e.description.contains("http://127.0.0.1:1") && e.description.contains("HTTP 503")
                && e.description.contains("scripts/services/mlflow.sh start"))
    }

    @Test func aMissingObjectBehindTheArtifactProxyIsNotFoundNotRetried() {
        let e = map(500, #"{"error_code": "INTERNAL_ERROR", "message": "The following failures occurred while downloading one or more artifacts from s3://b/:\n##### File 1/x/artifacts/model.aml #####\nAn error occurred (404) when calling the HeadObject operation: Not Found"}"#)
        guard case .notFound(_, let code, let message) = e else { Issue.record("expected notFound, got \(e)"); return }
        #expect(code == "INTERNAL_ERROR" && message.contains("(404)") && !message.contains("#####"))
    }

    @Test func aPageThatIsNotMLflowsIsABadResponse() {
        let e = map(418, "<html>teapot</html>")
        guard case .badResponse(_, let url, let reason) = e else { Issue.record("expected badResponse, got \(e)"); return }
        #expect(url.hasSuffix("model-versions/get") && reason.contains("418"))
    }

    @Test func trackingURIsMustBeHTTP() throws {
        #expect(throws: RegistryError.invalidTrackingURI("file:///tmp/mlruns")) { try MLflowClient(trackingURI: "file:///tmp/mlruns") }
        #expect(throws: RegistryError.invalidTrackingURI("127.0.0.1:5000")) { try MLflowClient(trackingURI: "127.0.0.1:5000") }
        #expect(try MLflowClient(trackingURI: "http://127.0.0.1:5000/").trackingURI == "http://127.0.0.1:5000")
    }

    @Test func theFlagWinsOverTheEnvironment() {
        #expect(MLflowClient.trackingURI(flag: "http://a:1", environment: ["MLFLOW_TRACKING_URI": "http://b:2"]) == "http://a:1")
        #expect(MLflowClient.trackingURI(flag: nil, environment: ["MLFLOW_TRACKING_URI": "http://b:2"]) == "http://b:2")
        #expect(MLflowClient.trackingURI(flag: nil, environment: ["MLFLOW_TRACKING_URI": ""]) == nil)
    }

    @Test func artifactURIsMapToTheProxy() throws {
        let c = try MLflowClient(trackingURI: "http://127.0.0.1:5000")
        #expect(try c.proxyURL("mlflow-artifacts:/1/abc/artifacts", "model.aml")
                == "http://127.0.0.1:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/model.aml")
        #expect(try c.proxyURL("mlflow-artifacts://host:9/1/abc/artifacts", "a b/x.json")
                == "http://127.0.0.1:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/a%20b/x.json")
        #expect(throws: RegistryError.self) { try c.proxyURL("s3://bucket/1/abc", "model.aml") }
    }
}
