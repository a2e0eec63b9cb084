/// The codes of a categorical feature kept at fit time, sorted, with an O(1) code → index table.
struct CategoryVocabulary: Sendable, Equatable, Codable {
    /// Kept codes in increasing order; a code's index here is its category index.
    let codes: [Int32]
    /// `lookup[code]` = index of `code`, -1 when not kept (derived from `codes`).
    private let lookup: [Int32]

    init(codes: [Int32]) {
        precondition(zip(codes, codes.dropFirst()).allSatisfy { $0 < $1 } && (codes.first ?? 0) >= 0,
                     "vocabulary codes must be non-negative and strictly increasing")
        self.codes = codes
        var lookup = [Int32](repeating: -1, count: Int(codes.last.map { $0 + 1 } ?? 0))
        for (i, c) in codes.enumerated() { lookup[Int(c)] = Int32(i) }
        self.lookup = lookup
    }

    /// Number of categories.
    var count: Int { codes.count }

    /// The category index of a present (non-NaN) value, or -1 when the code was not kept.
    @inline(__always)
    func index(of value: Float) -> Int {
        let code = Int(value)
        return code >= 0 && code < lookup.count ? Int(lookup[code]) : -1
    }

    private enum CodingKeys: String, CodingKey { case codes }

    /// The largest code a vocabulary holds: its lookup table has `last + 1` entries, so a model
    /// file may not make the loader allocate more than 4 MB per feature (BAAC codes are far below).
    static let maxCode: Int32 = 1 << 20

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let codes = try container.decode([Int32].self, forKey: .codes)
        guard zip(codes, codes.dropFirst()).allSatisfy({ $0 < $1 }), (codes.first ?? 0) >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .codes, in: container,
                                                   debugDescription: "codes must be non-negative and strictly increasing")
        }
        guard (codes.last ?? 0) <= Self.maxCode else {
            throw DecodingError.dataCorruptedError(forKey: .codes, in: container,
                                                   debugDescription: "category code \(codes.last ?? 0) is above \(Self.maxCode)")
        }
        self.init(codes: codes)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(codes, forKey: .codes)
    }
}
