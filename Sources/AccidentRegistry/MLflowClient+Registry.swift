/// The model registry: registered models, their versions and aliases.
extension MLflowClient {
    private struct ModelAnswer: Decodable {
        let registeredModel: RegisteredModel
        enum CodingKeys: String, CodingKey { case registeredModel = "registered_model" }
    }
    private struct VersionAnswer: Decodable {
        let modelVersion: ModelVersion
        enum CodingKeys: String, CodingKey { case modelVersion = "model_version" }
    }
    private struct VersionsAnswer: Decodable {
        let modelVersions: [ModelVersion]?
        let nextPageToken: String?
        enum CodingKeys: String, CodingKey { case modelVersions = "model_versions", nextPageToken = "next_page_token" }
    }

    /// The registered model `name` with its aliases; `RegistryError.notFound` when absent.
    public func registeredModel(_ name: String) async throws -> RegisteredModel {
        try await call("get registered model '\(name)'", .GET, "registered-models/get", query: [("name", name)],
                       as: ModelAnswer.self).registeredModel
    }

    /// The registered model `name`, created when it does not exist yet.
    public func registeredModel(ensuring name: String) async throws -> RegisteredModel {
        do { return try await registeredModel(name) } catch RegistryError.notFound {}
        do {
            return try await call("create registered model '\(name)'", .POST, "registered-models/create", body: ["name": name],
                                  as: ModelAnswer.self).registeredModel
        } catch let e as RegistryError where e.errorCode == "RESOURCE_ALREADY_EXISTS" {
            return try await registeredModel(name)
        }
    }

    /// Registers the next version of `name` from the model files at `source` (a run's artifact
    /// root), linked to `runID`, with `tags`.
    public func createModelVersion(name: String, source: String, runID: String, tags: [KeyValue] = []) async throws -> ModelVersion {
        struct Body: Encodable { let name: String, source: String, run_id: String, tags: [KeyValue] }
        return try await call("create a version of '\(name)'", .POST, "model-versions/create",
                              body: Body(name: name, source: source, run_id: runID, tags: tags),
                              as: VersionAnswer.self).modelVersion
    }

    /// Version `version` of `name`, with its aliases.
    public func modelVersion(name: String, version: String) async throws -> ModelVersion {
        try await call("get version \(version) of '\(name)'", .GET, "model-versions/get",
                       query: [("name", name), ("version", version)], as: VersionAnswer.self).modelVersion
    }

    /// The version of `name` that `alias` points at; `RegistryError.notFound` when the alias (or model) does not exist.
    public func modelVersion(name: String, alias: String) async throws -> ModelVersion {
        let operation = "get alias '\(alias)' of '\(name)'"
        do {
            return try await call(operation, .GET, "registered-models/alias", query: [("name", name), ("alias", alias)],
                                  as: VersionAnswer.self).modelVersion
        } catch RegistryError.rejected(_, _, let code, let message) where message.contains("not found") {
            // MLflow answers a missing alias with INVALID_PARAMETER_VALUE; it is a missing thing all the same.
            throw RegistryError.notFound(operation: operation, code: code, message: message)
        }
    }

    /// Every version of `name`, oldest first (searches give no aliases: `registeredModel` has them).
    public func modelVersions(name: String) async throws -> [ModelVersion] {
        var versions: [ModelVersion] = []
        var token: String?
        repeat {
            var query = [("filter", "name = '\(name.replacingOccurrences(of: "'", with: "\\'"))'"), ("max_results", "1000")]
            if let token { query.append(("page_token", token)) }
            let page = try await call("search versions of '\(name)'", .GET, "model-versions/search", query: query,
                                      as: VersionsAnswer.self)
            versions += page.modelVersions ?? []
            token = page.nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return versions.sorted { (Int($0.version) ?? 0) < (Int($1.version) ?? 0) }
    }

    /// Points `alias` of `name` at `version` (moving it from any other version).
    public func setAlias(name: String, alias: String, version: String) async throws {
        _ = try await call("set alias '\(alias)' of '\(name)' to version \(version)", .POST, "registered-models/alias",
                           body: ["name": name, "alias": alias, "version": version], as: Empty.self)
    }

    /// Removes `alias` from `name`.
    public func deleteAlias(name: String, alias: String) async throws {
        _ = try await call("delete alias '\(alias)' of '\(name)'", .DELETE, "registered-models/alias",
                           query: [("name", name), ("alias", alias)], as: Empty.self)
    }

    /// Sets a tag of a model version.
    public func setModelVersionTag(name: String, version: String, key: String, value: String) async throws {
        _ = try await call("tag version \(version) of '\(name)'", .POST, "model-versions/set-tag",
                           body: ["name": name, "version": version, "key": key, "value": value], as: Empty.self)
    }
}
