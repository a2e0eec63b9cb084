import AccidentML
import PostgresNIO
import Testing
@testable import AccidentStore

@Suite struct CopyTextEncoderTests {
    private func encoded(_ body: (inout CopyTextEncoder) -> Void) -> String {
        var encoder = CopyTextEncoder(buffer: ByteBuffer())
        body(&encoder)
        return String(buffer: encoder.buffer)
    }

    @Test func decimalDigitsMatchTheStandardLibrary() {
        var rng = SplitMix64(seed: 42)
        var values: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, .max, .min, .max - 1, .min + 1]
        for _ in 0..<2000 {
            let bits = Int64(bitPattern: rng.next())
            values.append(bits >> Int64(rng.next() % 64)) // every magnitude
        }
        for value in values {
            #expect(encoded { $0.writeDecimal(value) } == String(value))
        }
    }

    @Test func rowsAreTabSeparatedWithNullsAndEscapes() {
        let text = encoded { e in
            e.int16(3); e.int32(nil); e.int64(-42); e.float(5.5); e.double(nil)
            e.text(VehicleNumber("A\\\t")!); e.text(nil); e.endRow()
            e.double(-0.96446); e.double(-.infinity); e.endRow()
        }
        #expect(text == "3\t\\N\t-42\t5.5\t\\N\tA\\\\\\t\t\\N\n-0.96446\t-inf\n")
    }

    @Test func recordsEmitOneFieldPerColumn() {
        let tables = BAACFixtures.handBuilt(year: 2021)
        func check<Record: StoredRecord>(_ rows: [Record]) {
            for (index, row) in rows.enumerated() {
                var encoder = FieldTextEncoder()
                row.encodeRow(year: 2021, rowIndex: index, to: &encoder)
                #expect(encoder.fields.count == Record.allColumns.count, "\(Record.table)[\(index)]")
                let line = encoded { row.encodeRow(year: 2021, rowIndex: index, to: &$0) }
                #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == Record.allColumns.count)
            }
        }
        check(tables.accidents); check(tables.places); check(tables.vehicles); check(tables.users)
    }

    @Test func onlyShortASCIIVehicleNumbersAreStorable() {
        #expect(VehicleNumber("A01")!.isStorable)
        #expect(!VehicleNumber.missing.isStorable)
        #expect(!VehicleNumber(packed: 0x41_00_41).isStorable) // NUL inside
        #expect(!VehicleNumber(packed: 0xC3).isStorable) // not ASCII
    }
}
