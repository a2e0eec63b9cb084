import Foundation
import Testing
@testable import AccidentML

@Suite struct FeatureEncoderTests {
    /// Person rows whose only set fields are the given catv, vma and hour values.
    static func rows(catv: [Int8], vma: [Int16] = [], hour: [Int8] = []) -> JoinedRows {
        let n = max(catv.count, vma.count, hour.count)
        let rows = (0..<n).map { i in
            var row = FeatureRow.missing
            row.vehicle.catv = i < catv.count ? catv[i] : -1
            row.place.vma = i < vma.count ? vma[i] : -1
            row.accident.hour = i < hour.count ? hour[i] : -1
            row.target = 0
            return row
        }
        return JoinedRows(unit: .person, rows: rows, report: JoinReport())
    }

    static let spec = FeatureSpec(unit: .person, features: [
        FeatureDefinition(.field(.catv), .categorical),
        FeatureDefinition(.field(.vma), .numeric(clip: 0...130)),
        FeatureDefinition(.derived(.hour), .cyclic(period: 24)),
    ])

    static func column(_ m: FeatureMatrix<Float>, _ name: String) -> [Float] {
        guard let c = m.columnIndex(named: name) else { Issue.record("no column \(name)"); return [] }
        return m.withColumn(c) { Array($0) }
    }

    @Test func categoriesBecomeIndicesForTreesAndOneHotForLinear() {
        let encoder = FeatureEncoder(minimumCategoryCount: 2)
            .fit(Self.spec, on: Self.rows(catv: [7, 33, 7, 33, 1, -1, 7]))
        let test = Self.rows(catv: [7, 33, 1, 99, -1])
        var report = TransformReport()
        let trees = encoder.transform(test, for: .trees, report: &report)
        #expect(trees.columnNames == ["catv", "vma", "hour"])
        let codes = Self.column(trees, "catv")
        #expect(codes[0] == 0 && codes[1] == 1 && codes[2...].allSatisfy(\.isNaN))
        #expect(report.unseenCounts == ["catv": 2])
        #expect(report.missingCounts["catv"] == 1 && report.rowCount == 5)

        let linear = encoder.transform(test, for: .linear)
        #expect(Self.column(linear, "catv=7") == [1, 0, 0, 0, 0])
        #expect(Self.column(linear, "catv=33") == [0, 1, 0, 0, 0])
        #expect(Self.column(linear, "catv=unknown") == [0, 0, 1, 1, 1])
        #expect(linear.columnIndex(named: "catv=1") == nil, "seen once, below the minimum count")
    }

    @Test func numericsAreClippedAndStandardised() throws {
        let encoder = FeatureEncoder().fit(Self.spec, on: Self.rows(catv: [], vma: [30, 50, 90, 200, -1]))
        let kept: [Double] = [30, 50, 90, 130]
        let mean = kept.reduce(0, +) / 4
        let std = (kept.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4).squareRoot()
        let test = Self.rows(catv: [], vma: [110, 500, -1])
        let trees = Self.column(encoder.transform(test, for: .trees), "vma")
        #expect(trees[0] == 110 && trees[1] == 130 && trees[2].isNaN)
        let linear = encoder.transform(test, for: .linear)
        let z = Self.column(linear, "vma")
        #expect(abs(Double(z[0]) - (110 - mean) / std) < 1e-5)
        #expect(abs(Double(z[1]) - (130 - mean) / std) < 1e-5)
        #expect(z[2] == 0)
        #expect(Self.column(linear, "vma_missing") == [0, 0, 1])
        #expect(linear.storage.allSatisfy { !$0.isNaN })
    }

    @Test func cyclicFeaturesBecomeSineAndCosine() {
        let encoder = FeatureEncoder().fit(Self.spec, on: Self.rows(catv: [], hour: [6, 18, 0, 12]))
        let test = Self.rows(catv: [], hour: [6, 18, 0, -1])
        let linear = encoder.transform(test, for: .linear)
        #expect(linear.columnIndex(named: "hour_missing") == nil, "no hour was missing at fit time")
        let sin = Self.column(linear, "hour_sin"), cos = Self.column(linear, "hour_cos")
        let expected: [(Float, Float)] = [(1, 0), (-1, 0), (0, 1), (0, 0)]
        for (i, (s, c)) in expected.enumerated() {
            #expect(abs(sin[i] - s) < 1e-6 && abs(cos[i] - c) < 1e-6, "row \(i)")
        }
        let trees = Self.column(encoder.transform(test, for: .trees), "hour")
        #expect(trees[0...2] == [6, 18, 0] && trees[3].isNaN)
    }

    @Test func fittedEncodersRoundTripThroughJSON() throws {
        for (spec, rows) in [(FeatureSpec.defaultPerson, FeatureTestData.tables(accidents: 400, seed: 5).personRows()),
                             (FeatureSpec.defaultAccident, FeatureTestData.tables(accidents: 400, seed: 6).accidentRows())] {
            let encoder = FeatureEncoder(minimumCategoryCount: 3).fit(spec, on: rows)
            let data = try JSONEncoder().encode(encoder)
            let decoded = try JSONDecoder().decode(FittedEncoder.self, from: data)
            #expect(decoded == encoder)
            #expect(decoded.transform(rows, for: .linear).storage == encoder.transform(rows, for: .linear).storage)
            #expect(try JSONDecoder().decode(FeatureSpec.self, from: JSONEncoder().encode(spec)) == spec)
        }
    }

    @Test func invalidSpecsAreRejectedWhenDecoded() throws {
        let unknown = #"{"unit":"person","features":[{"name":"g","source":"grav","encoding":{"categorical":{}}}]}"#
        let wrongUnit = #"{"unit":"accident","features":[{"name":"catv","source":"catv","encoding":{"categorical":{}}}]}"#
        let floatCategory = #"{"unit":"person","features":[{"name":"lat","source":"lat","encoding":{"categorical":{}}}]}"#
        let twice = #"{"unit":"person","features":[{"name":"a","source":"catv","encoding":{"categorical":{}}},"#
            + #"{"name":"a","source":"obs","encoding":{"categorical":{}}}]}"#
        for json in [unknown, wrongUnit, floatCategory, twice] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(FeatureSpec.self, from: Data(json.utf8)) }
        }
    }

    @Test func linearColumnNamesAreReadable() {
        let rows = FeatureTestData.tables(accidents: 500, seed: 8).personRows()
        let encoder = FeatureEncoder(minimumCategoryCount: 1).fit(.defaultPerson, on: rows)
        let names = encoder.columnNames(for: .linear)
        for name in ["catv=7", "catv=unknown", "age", "age_missing", "month_sin", "month_cos", "hour_sin"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(names.count == encoder.columnCount(for: .linear) && Set(names).count == names.count)
        #expect(encoder.columnNames(for: .trees) == FeatureSpec.defaultPerson.features.map(\.name))
    }

    @Test func changingEveryOutcomeChangesNoFeature() {
        // Every grav known, so that both versions keep the same rows; then each one changed.
        var tables = FeatureTestData.tables(accidents: 400, seed: 9)
        for i in tables.users.indices where tables.users[i].grav < 0 { tables.users[i].grav = 1 }
        var flipped = tables
        for i in flipped.users.indices { flipped.users[i].grav = flipped.users[i].grav % 4 + 1 }
        for (unit, spec) in [(PredictionUnit.person, FeatureSpec.defaultPerson), (.accident, .defaultAccident)] {
            let (rows, other) = unit == .person ? (tables.personRows(), flipped.personRows())
                : (tables.accidentRows(), flipped.accidentRows())
            #expect(rows.count == other.count)
            let encoder = FeatureEncoder(minimumCategoryCount: 1).fit(spec, on: rows)
            #expect(encoder == FeatureEncoder(minimumCategoryCount: 1).fit(spec, on: other))
            for family in ModelFamily.allCases {
                let a = encoder.transform(rows, for: family).storage, b = encoder.transform(other, for: family).storage
                #expect(zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(unit) \(family)")
            }
            #expect(encoder.targets(rows) != encoder.targets(other), "the outcome did change")
        }
    }
}
