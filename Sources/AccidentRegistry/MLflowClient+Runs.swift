import Foundation

/// Experiments and runs: create, log parameters, metrics and tags, end, read back, search.
extension MLflowClient {
    private struct ExperimentAnswer: Decodable { let experiment: Experiment }
    private struct CreatedExperiment: Decodable {
        let experimentID: String
        enum CodingKeys: String, CodingKey { case experimentID = "experiment_id" }
    }
    private struct RunAnswer: Decodable { let run: Run }
    private struct SearchAnswer: Decodable { let runs: [Run]? }
    private struct HistoryAnswer: Decodable { let metrics: [MetricPoint]? }
    struct Empty: Decodable {}

    /// The experiment named `name`; `RegistryError.notFound` when there is none.
    public func experiment(named name: String) async throws -> Experiment {
        try await call("get experiment '\(name)'", .GET, "experiments/get-by-name", query: [("experiment_name", name)],
                       as: ExperimentAnswer.self).experiment
    }

    /// The experiment named `name`, created when it does not exist yet.
    public func experiment(ensuring name: String) async throws -> Experiment {
        do { return try await experiment(named: name) } catch RegistryError.notFound {}
        do {
            let created = try await call("create experiment '\(name)'", .POST, "experiments/create", body: ["name": name],
                                         as: CreatedExperiment.self)
            return Experiment(experimentID: created.experimentID, name: name, artifactLocation: nil)
        } catch let e as RegistryError where e.errorCode == "RESOURCE_ALREADY_EXISTS" {
            return try await experiment(named: name) // created meanwhile by another client
        }
    }

    /// Starts a run in `experimentID`, named `name`, with `tags`.
    public func createRun(experimentID: String, name: String?, tags: [KeyValue] = [],
                          startTime: Date = Date()) async throws -> RunInfo {
        struct Body: Encodable {
            let experiment_id: String, run_name: String?, start_time: Int64, tags: [KeyValue]
        }
        return try await call("create run", .POST, "runs/create",
                              body: Body(experiment_id: experimentID, run_name: name, start_time: Self.milliseconds(startTime),
                                         tags: tags),
                              as: RunAnswer.self).run.info
    }

    /// The run `runID` with its parameters, latest metrics and tags.
    public func run(_ runID: String) async throws -> Run {
        try await call("get run \(runID)", .GET, "runs/get", query: [("run_id", runID)], as: RunAnswer.self).run
    }

    /// Logs parameters, metric points and tags, in as many requests as MLflow's limits need
    /// (1000 metrics, 100 parameters, 100 tags a request). Parameter values are cut to 6000 characters.
    public func logBatch(runID: String, params: [KeyValue] = [], metrics: [MetricPoint] = [],
                         tags: [KeyValue] = []) async throws {
        struct Body: Encodable { let run_id: String, params: [KeyValue], metrics: [MetricPoint], tags: [KeyValue] }
        let params = params.map { KeyValue($0.key, String($0.value.prefix(6000))) }
        let metrics = metrics.filter { $0.value.isFinite }
        var (p, m, t) = (params[...], metrics[...], tags[...])
        while !(p.isEmpty && m.isEmpty && t.isEmpty) {
            let body = Body(run_id: runID, params: Array(p.prefix(100)), metrics: Array(m.prefix(1000)), tags: Array(t.prefix(100)))
            p = p.dropFirst(100); m = m.dropFirst(1000); t = t.dropFirst(100)
            _ = try await call("log to run \(runID)", .POST, "runs/log-batch", body: body, as: Empty.self)
        }
    }

    /// Sets one tag of a run.
    public func setTag(runID: String, key: String, value: String) async throws {
        _ = try await call("tag run \(runID)", .POST, "runs/set-tag", body: ["run_id": runID, "key": key, "value": value],
                           as: Empty.self)
    }

    /// Ends (or re-opens) a run with `status`.
    public func updateRun(_ runID: String, status: RunStatus, endTime: Date = Date()) async throws {
        struct Body: Encodable { let run_id: String, status: RunStatus, end_time: Int64 }
        _ = try await call("end run \(runID) as \(status.rawValue)", .POST, "runs/update",
                           body: Body(run_id: runID, status: status, end_time: Self.milliseconds(endTime)), as: Empty.self)
    }

    /// Every logged point of one metric of a run (its learning curve), in step order.
    public func metricHistory(runID: String, key: String) async throws -> [MetricPoint] {
        let points = try await call("get history of \(key) in run \(runID)", .GET, "metrics/get-history",
                                    query: [("run_id", runID), ("metric_key", key), ("max_results", "25000")],
                                    as: HistoryAnswer.self).metrics ?? []
        return points.sorted { $0.step < $1.step }
    }

    /// Runs of the experiments matching MLflow's `filter` (e.g. `tags.unit = 'accident'`), newest first.
    public func searchRuns(experimentIDs: [String], filter: String = "", maxResults: Int = 100) async throws -> [Run] {
        struct Body: Encodable { let experiment_ids: [String], filter: String, max_results: Int, order_by: [String] }
        return try await call("search runs", .POST, "runs/search",
                              body: Body(experiment_ids: experimentIDs, filter: filter, max_results: maxResults,
                                         order_by: ["attributes.start_time DESC"]),
                              as: SearchAnswer.self).runs ?? []
    }

    /// Milliseconds since 1970, MLflow's timestamps.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
