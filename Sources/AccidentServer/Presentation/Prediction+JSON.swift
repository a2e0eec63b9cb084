extension Prediction {
    /// The index of the most probable class (the first one on ties).
    var predictedClass: Int {
        probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
    }

    /// `{"predicted_class", "probabilities": {label: p}, "explanation"?, "model_version"?}`.
    func json(labels: [String], modelVersion: String? = nil) -> JSONValue {
        .object([
            "predicted_class": .string(labels[predictedClass]),
            "probabilities": .object(zip(labels, probabilities).map { ($0, .number($1)) }),
            "explanation": explanation.map { e in
                .object([
                    "unit": .string(e.unit), "baseline": .number(e.baseline),
                    "contributions": .object(e.contributions.map { ($0.feature, .number($0.value)) }),
                ])
            },
            "model_version": .string(modelVersion),
        ])
    }
}
