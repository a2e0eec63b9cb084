/// What a transform met: per feature, how many values were missing and how many codes were
/// unseen at fit time (both become NaN for trees and `name=unknown` for linear models).
public struct TransformReport: Sendable, Equatable, CustomStringConvertible {
    /// Rows transformed.
    public var rowCount = 0
    /// Feature name → number of missing values (only features with some).
    public var missingCounts: [String: Int] = [:]
    /// Feature name → number of codes not in the fitted vocabulary (only features with some).
    public var unseenCounts: [String: Int] = [:]

    /// Creates an empty report.
    public init() {}

    /// Adds the counts of one feature.
    mutating func add(feature name: String, missing: Int, unseen: Int) {
        if missing > 0 { missingCounts[name, default: 0] += missing }
        if unseen > 0 { unseenCounts[name, default: 0] += unseen }
    }

    /// A short summary for logs.
    public var description: String {
        func list(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return "\(rowCount) rows; unseen codes: \(list(unseenCounts)); missing values: \(list(missingCounts))"
    }
}
