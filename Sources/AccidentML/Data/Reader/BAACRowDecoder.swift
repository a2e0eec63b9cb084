/// Decodes one scanned row of a BAAC table into its schema record.
protocol BAACRowDecoder: Sendable {
    /// The record type (`Accident`, `Place`, `Vehicle`, `User`).
    associatedtype Row: Sendable
    /// The columns the table reads.
    associatedtype Column: BAACColumnSet
    /// Decodes one row, or names the column whose value is invalid.
    func decode(_ row: BAACRow<Column>) throws(BAACFieldError) -> Row
}

/// An invalid value found while decoding a row: its column index in the header and what was expected.
struct BAACFieldError: Error, Equatable {
    var column: Int
    var expected: String
}

/// One scanned row seen through a table's column map (plain pointers: no reference counting per row).
struct BAACRow<Column: BAACColumnSet> {
    /// The bytes the record was scanned from.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The record's field spans.
    let spans: UnsafeBufferPointer<CSVFieldSpan>
    /// Header index of each column (by `rawValue`), -1 when absent.
    let columns: UnsafeBufferPointer<Int>

    /// The bytes of header field `index`.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let s = spans[index]
        return UnsafeBufferPointer(rebasing: bytes[s.start..<s.end])
    }

    /// Whether the file has `column`.
    @inline(__always)
    func has(_ column: Column) -> Bool { columns[column.rawValue] >= 0 }

    /// Decodes a column that the layout requires (so it is present).
    @inline(__always)
    func read<T>(_ column: Column, _ parse: (UnsafeBufferPointer<UInt8>) throws(BAACValueProblem) -> T) throws(BAACFieldError) -> T {
        let index = columns[column.rawValue]
        do {
            return try parse(field(index))
        } catch {
            throw BAACFieldError(column: index, expected: error.expected)
        }
    }

    /// Decodes a column when the file has it, else returns `missing`.
    @inline(__always)
    func read<T>(_ column: Column, ifAbsent missing: T,
                 _ parse: (UnsafeBufferPointer<UInt8>) throws(BAACValueProblem) -> T) throws(BAACFieldError) -> T {
        has(column) ? try read(column, parse) : missing
    }
}

/// Decodes `caracteristiques` rows.
struct AccidentDecoder: BAACRowDecoder {
    let layout: BAACLayout

    func decode(_ r: BAACRow<AccidentColumn>) throws(BAACFieldError) -> Accident {
        let old = layout.isOld
        let time = try r.read(.time, BAACValue.clock)
        let dep = try r.read(.departement) { f throws(BAACValueProblem) in
            old ? try BAACValue.oldDepartement(f) : try BAACValue.departement(f)
        }
        let com = try r.read(.commune) { f throws(BAACValueProblem) in
            old ? try BAACValue.oldCommune(f, departement: dep) : try BAACValue.commune(f)
        }
        let lat = try r.read(.latitude) { f throws(BAACValueProblem) in
            old ? try BAACValue.oldCoordinate(f, limit: 90) : try BAACValue.coordinate(f, limit: 90)
        }
        let long = try r.read(.longitude) { f throws(BAACValueProblem) in
            old ? try BAACValue.oldCoordinate(f, limit: 180) : try BAACValue.coordinate(f, limit: 180)
        }
        return Accident(
            id: try r.read(.id, BAACValue.accidentID),
            year: try r.read(.year, BAACValue.year),
            month: try r.read(.month) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: old) },
            day: try r.read(.day) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: old) },
            hour: time.hour, minute: time.minute,
            lum: try r.read(.lum) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: old) },
            agg: try r.read(.agg) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: old) },
            intersection: try r.read(.intersection) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: old) },
            atm: try r.read(.atm) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: old) },
            col: try r.read(.col) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: old) },
            departement: dep, commune: com, latitude: lat, longitude: long)
    }
}

/// Decodes `lieux` rows.
struct PlaceDecoder: BAACRowDecoder {
    let layout: BAACLayout

    func decode(_ r: BAACRow<PlaceColumn>) throws(BAACFieldError) -> Place {
        let old = layout.isOld
        func code(_ c: PlaceColumn, zeroIsMissing: Bool) throws(BAACFieldError) -> Int8 {
            try r.read(c) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: zeroIsMissing) }
        }
        return Place(
            accidentID: try r.read(.accident, BAACValue.accidentID),
            catr: try code(.catr, zeroIsMissing: old), circ: try code(.circ, zeroIsMissing: old),
            nbv: try code(.nbv, zeroIsMissing: false), vosp: try code(.vosp, zeroIsMissing: false),
            prof: try code(.prof, zeroIsMissing: old), plan: try code(.plan, zeroIsMissing: old),
            surf: try code(.surf, zeroIsMissing: old), infra: try code(.infra, zeroIsMissing: false),
            situ: try code(.situ, zeroIsMissing: false),
            vma: try r.read(.vma, ifAbsent: -1) { f throws(BAACValueProblem) in try BAACValue.wide(f) },
            roadWidth: try r.read(.roadWidth) { f throws(BAACValueProblem) in
                old ? try BAACValue.oldRoadWidth(f) : try BAACValue.roadWidth(f)
            })
    }
}

/// Decodes `vehicules` rows.
struct VehicleDecoder: BAACRowDecoder {
    let layout: BAACLayout

    func decode(_ r: BAACRow<VehicleColumn>) throws(BAACFieldError) -> Vehicle {
        func code(_ c: VehicleColumn) throws(BAACFieldError) -> Int8 {
            try r.read(c) { f throws(BAACValueProblem) in try BAACValue.code(f) }
        }
        return Vehicle(
            accidentID: try r.read(.accident, BAACValue.accidentID),
            vehicleID: try r.read(.vehicleID, ifAbsent: -1, BAACValue.groupedDigits),
            number: try r.read(.number, BAACValue.vehicleNumber),
            senc: try code(.senc), catv: try code(.catv), obs: try code(.obs), obsm: try code(.obsm),
            choc: try code(.choc), manv: try code(.manv),
            motor: try r.read(.motor, ifAbsent: -1) { f throws(BAACValueProblem) in try BAACValue.code(f) },
            occutc: try r.read(.occutc) { f throws(BAACValueProblem) in try BAACValue.wide(f) })
    }
}

/// Decodes `usagers` rows.
struct UserDecoder: BAACRowDecoder {
    let layout: BAACLayout

    func decode(_ r: BAACRow<UserColumn>) throws(BAACFieldError) -> User {
        let old = layout.isOld
        func code(_ c: UserColumn, zeroIsMissing: Bool) throws(BAACFieldError) -> Int8 {
            try r.read(c) { f throws(BAACValueProblem) in try BAACValue.code(f, zeroIsMissing: zeroIsMissing) }
        }
        let secu1: Int8, secu2: Int8, secu3: Int8
        if old {
            secu1 = try r.read(.secu, BAACValue.oldSafetyEquipment)
            secu2 = -1
            secu3 = -1
        } else {
            secu1 = try code(.secu1, zeroIsMissing: false)
            secu2 = try code(.secu2, zeroIsMissing: false)
            secu3 = try code(.secu3, zeroIsMissing: false)
        }
        return User(
            accidentID: try r.read(.accident, BAACValue.accidentID),
            userID: try r.read(.userID, ifAbsent: -1, BAACValue.groupedDigits),
            vehicleID: try r.read(.vehicleID, ifAbsent: -1, BAACValue.groupedDigits),
            vehicleNumber: try r.read(.vehicleNumber, BAACValue.vehicleNumber),
            place: try code(.place, zeroIsMissing: old), catu: try code(.catu, zeroIsMissing: old),
            grav: try code(.grav, zeroIsMissing: old), sexe: try code(.sexe, zeroIsMissing: old),
            trajet: try code(.trajet, zeroIsMissing: false),
            secu1: secu1, secu2: secu2, secu3: secu3,
            locp: try code(.locp, zeroIsMissing: false),
            actp: try r.read(.actp) { f throws(BAACValueProblem) in try BAACValue.pedestrianAction(f, zeroIsMissing: false) },
            etatp: try code(.etatp, zeroIsMissing: old),
            birthYear: try r.read(.birthYear) { f throws(BAACValueProblem) in try BAACValue.wide(f, zeroIsMissing: old) })
    }
}
