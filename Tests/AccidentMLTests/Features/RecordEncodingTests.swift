import Testing
@testable import AccidentML

@Suite struct RecordEncodingTests {
    /// Whether `row` holds the same values (NaN = NaN) as row `r` of `m`.
    static func same(_ row: [Float], asRow r: Int, of m: FeatureMatrix<Float>) -> Bool {
        row.count == m.columnCount && row.indices.allSatisfy { c in
            let x = m.storage[c * m.rowCount + r]
            return x == row[c] || (x.isNaN && row[c].isNaN)
        }
    }

    /// Enough person rows for two transform workers.
    static let large = fitted(.person, seed: 22, accidents: 2_500)

    static func fitted(_ unit: PredictionUnit, seed: UInt64, accidents: Int = 300) -> (BAACTables, JoinedRows, FittedEncoder) {
        let tables = FeatureTestData.tables(accidents: accidents, seed: seed)
        let rows = unit == .person ? tables.personRows() : tables.accidentRows()
        let spec = FeatureSpec.default(for: unit)
        // Fit on half the rows so that the other half meets unseen codes.
        let encoder = FeatureEncoder(minimumCategoryCount: 15).fit(spec, on: rows.selecting(Array(stride(from: 0, to: rows.count, by: 2))))
        return (tables, rows, encoder)
    }

    @Test(arguments: PredictionUnit.allCases)
    func batchRowsEqualSingleRecordRows(unit: PredictionUnit) throws {
        let (tables, rows, encoder) = Self.fitted(unit, seed: 21)
        var rng = SplitMix64(seed: 4)
        for family in ModelFamily.allCases {
            var report = TransformReport()
            let matrix = encoder.transform(rows, for: family, report: &report)
            if family == .trees { #expect(!report.unseenCounts.isEmpty, "the test must meet unseen codes") }
            var buffer = [Float](repeating: -7, count: encoder.columnCount(for: family))
            for (r, row) in rows.rows.enumerated() {
                let record = FeatureTestData.record(for: row, unit: unit, in: tables, &rng)
                try buffer.withUnsafeMutableBufferPointer { try encoder.encode(record: record, for: family, into: $0) }
                #expect(Self.same(buffer, asRow: r, of: matrix), "\(unit) \(family) row \(r)")
            }
        }
    }

    @Test(arguments: [1, 2])
    func blockedBatchEqualsThePlainRowPath(threads: Int) throws {
        let (_, rows, encoder) = Self.large
        // Enough rows for two workers, so that threads > 1 really splits the work.
        try #require(rows.count >= 2 * FittedEncoder.blockSize * FittedEncoder.minimumBlocksPerWorker)
        for family in ModelFamily.allCases {
            var report = TransformReport()
            let matrix = encoder.transform(rows, for: family, report: &report, threads: threads)
            // The plain path, row by row, scattered into column-major order.
            let n = rows.count, d = encoder.columnCount(for: family)
            var expected = [Float](repeating: 0, count: n * d), buffer = [Float](repeating: 0, count: d)
            for (r, row) in rows.rows.enumerated() {
                buffer.withUnsafeMutableBufferPointer { encoder.encode(row: row, for: family, into: $0) }
                for c in 0..<d { expected[c * n + r] = buffer[c] }
            }
            let mismatches = zip(expected, matrix.storage).filter { $0 != $1 && !($0.isNaN && $1.isNaN) }.count
            #expect(mismatches == 0, "\(family)")
            #expect(report.rowCount == rows.count)
        }
    }

    @Test func inputFieldsDescribeEachUnit() {
        let person = Self.fitted(.person, seed: 23).2.inputFields
        let names = person.map(\.name)
        #expect(BAACField.allCases.allSatisfy { names.contains($0.rawValue) })
        #expect(Set(person.filter(\.required).map(\.name)) == ["an", "mois", "jour", "catu"])
        #expect(names.contains("other_catv") && names.contains("hrmn") && !names.contains("vehicles"))
        let accident = Self.fitted(.accident, seed: 23).2.inputFields
        #expect(!accident.map(\.name).contains("catv"))
        guard case let .records(vehicleFields)? = accident.first(where: { $0.name == "vehicles" })?.kind else {
            Issue.record("vehicles must be a list of records"); return
        }
        #expect(vehicleFields.contains { $0.name == "catv" } && !vehicleFields.contains { $0.required })
    }
}
