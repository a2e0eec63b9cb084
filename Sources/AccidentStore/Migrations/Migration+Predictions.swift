extension Migration {
    /// Version 2: the log of served predictions, written in batches by `PredictionLogger`.
    static let predictions = Migration(version: 2, name: "predictions", statements: [
        """
        CREATE TABLE predictions (
            id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            logged_at       timestamptz NOT NULL,
            model_version   text        NOT NULL,
            request_id      text        NOT NULL,
            features        jsonb       NOT NULL,
            predicted_class text        NOT NULL,
            probabilities   jsonb       NOT NULL,
            latency_us      bigint      NOT NULL CHECK (latency_us >= 0)
        )
        """,
        "CREATE INDEX predictions_logged_at_idx ON predictions (logged_at)",
        "CREATE INDEX predictions_model_version_idx ON predictions (model_version, logged_at)",
        "COMMENT ON TABLE predictions IS 'One row per served prediction (request features and model output)'",
        "COMMENT ON COLUMN predictions.features IS 'the request record as received (JSON object of BAAC fields)'",
        "COMMENT ON COLUMN predictions.probabilities IS 'class probabilities as a JSON object {label: probability}'",
        "COMMENT ON COLUMN predictions.latency_us IS 'time spent computing the prediction, microseconds'",
    ])
}
