import Foundation

/// The four files of one written BAAC year and what they hold.
public struct BAACYearFiles: Sendable, Equatable {
    /// `caracteristiques` (or 2022's `carcteristiques`), `lieux`, `vehicules`, `usagers`, in that order.
    public var urls: [URL]
    /// Data rows written to each file (headers excluded), in the same order.
    public var rowCounts: [Int]
    /// Total bytes of the four files.
    public var byteCount: Int
}
