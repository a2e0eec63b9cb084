import AccidentML

extension JSONColumnRecords {
    /// The plain path the fast column decoders replace, kept beside them as their oracle (the
    /// tests and the `fuzz-json-request` target compare the two): `records` (as `JSONRecords`
    /// decodes them) encoded one by one by the core's `ModelInput.encode(record:for:into:)`,
    /// the first invalid record failing the batch with its index.
    package static func plainRows(_ records: [RawRecord], columns names: [String]) throws -> [Float] {
        let input = ModelInput.columns(names)
        var row = [Float](repeating: 0, count: names.count)
        var all: [Float] = []
        all.reserveCapacity(records.count * names.count)
        for (index, record) in records.enumerated() {
            do {
                try row.withUnsafeMutableBufferPointer { try input.encode(record: record, for: .trees, into: $0) }
            } catch let error as FeatureInputError {
                throw RecordValidationError(recordIndex: index, error)
            }
            all += row
        }
        return all
    }
}
