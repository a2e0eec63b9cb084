import AccidentML

extension Prediction {
    /// The index of the most probable class (the first one on ties).
    var predictedClass: Int {
        ClassChoice.mostProbable(probabilities)
    }

    /// `{"predicted_class", "probabilities": {label: p}, "explanation"?, "model_version"?}`.
    func json(labels: [String], modelVersion: String? = nil) -> JSONValue {
        .object([
            "predicted_class": .string(labels[predictedClass]),
            "probabilities": .object(zip(labels, probabilities).map { ($0, .number($1)) }),
            "explanation": explanation.map { $0.json(labels: labels) },
            "model_version": .string(modelVersion),
        ])
    }
}

extension Explanation {
    /// `{"method", "unit", "scores": [{"class", "baseline", "score", "contributions": {column: value}}]}`.
    func json(labels: [String]) -> JSONValue {
        .object([
            "method": .string(method),
            "unit": .string(unit),
            "scores": .array(scores.map { s in
                .object([
                    "class": .string(labels[s.classIndex]),
                    "baseline": .number(s.baseline),
                    "score": .number(s.total),
                    "contributions": .object(zip(s.columns, s.values).map { ($0, .number($1)) }),
                ])
            }),
        ])
    }
}
