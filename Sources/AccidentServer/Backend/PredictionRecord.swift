/// One decoded and validated input record: field values in the backend's `inputFields` order.
///
/// A flat array rather than a dictionary so that decoding writes each value straight into
/// its slot and a backend reads it by position, with no per-field lookup on the hot path.
public struct PredictionRecord: Sendable, Equatable {
    /// `values[i]` is the value of `inputFields[i]`; NaN when missing (absent, `null`, or -1).
    public var values: [Double]

    /// Creates a record from values in `inputFields` order.
    public init(values: [Double]) { self.values = values }

    public static func == (a: PredictionRecord, b: PredictionRecord) -> Bool {
        a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }
}
