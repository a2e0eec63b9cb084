extension FittedEncoder {
    /// The request fields this encoder's unit accepts, in documentation order: the source of
    /// the server's JSON schema (see docs/features.md).
    public var inputFields: [InputField] { InputCatalogue.of(unit).fields }

    /// Encodes one request record into `out` (count `columnCount(for:)`), exactly as the batch
    /// transform encodes the same row; allocates nothing per feature.
    ///
    /// A person record gives the person's accident, place, vehicle and person fields plus the
    /// accident counts; an accident record gives the accident and place fields plus `vehicles`
    /// and `users`. Absent optional fields are missing.
    /// - Throws: `FeatureInputError` naming the field for unknown names, wrong types,
    ///   out-of-range codes and absent required fields.
    public func encode(record: RawRecord, for family: ModelFamily, into out: UnsafeMutableBufferPointer<Float>) throws {
        encode(row: try row(from: record), for: family, into: out)
    }

    /// The joined row a request record stands for.
    func row(from record: RawRecord) throws -> FeatureRow {
        var row = FeatureRow.missing
        if unit == .accident { row.context = .empty }
        try InputCatalogue.of(unit).parse(record.fields, into: &row)
        return row
    }
}
