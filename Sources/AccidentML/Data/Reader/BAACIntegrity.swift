/// A vehicle's join key: the accident and `id_vehicule` when known, else `num_veh`.
///
/// The same rule applies to a user's reference to its vehicle, as in the feature joins.
struct BAACVehicleKey {
    var accident: Int64
    /// `id_vehicule`, or the packed `num_veh` with bit 62 set.
    var vehicle: Int64

    init(accident: Int64, vehicleID: Int64, number: VehicleNumber) {
        self.accident = accident
        vehicle = vehicleID != -1 ? vehicleID : Int64(number.packed) | (1 << 62)
    }

    /// The vehicle part of a message, e.g. `id_vehicule 201764` or `num_veh A01`.
    static func label(vehicleID: Int64, number: VehicleNumber) -> String {
        vehicleID != -1 ? "id_vehicule \(vehicleID)" : "num_veh \(number)"
    }
}

/// One file set's decoded rows with their line numbers, checked for referential integrity.
struct BAACDecodedSet {
    var files: BAACFileSet
    var accidents: [Accident], accidentLines: [Int32]
    var places: [Place], placeLines: [Int32]
    var vehicles: [Vehicle], vehicleLines: [Int32]
    var users: [User], userLines: [Int32]
    /// Header name of the accident id in the characteristics file (`Num_Acc` or `Accident_Id`).
    var accidentIDColumn: String

    /// Checks unique accident ids, one place per accident, unique vehicle keys, and that every
    /// place, vehicle and user refers to a present accident (and users to a present vehicle).
    /// Throws the first problem, or with `skipBadRows` drops the offending rows (keeping the
    /// first of duplicates) and counts them in `report`.
    mutating func checkIntegrity(options: BAACReadOptions, report: inout BAACReadReport) throws(BAACReadError) {
        func fail(_ error: BAACReadError) throws(BAACReadError) {
            guard options.skipBadRows else { throw error }
            report.recordSkip(error, maxExamples: options.maxExamples)
        }
        let accidentFile = files.characteristics.path
        var accidentLine = BAACKeyTable(capacity: accidents.count)
        var keep = [Bool](repeating: true, count: accidents.count)
        for (i, a) in accidents.enumerated() {
            if let first = accidentLine.insert(a.id, 0, value: accidentLines[i]) {
                try fail(.duplicateKey(file: accidentFile, line: Int(accidentLines[i]), column: accidentIDColumn,
                                       key: "accident \(a.id)", firstLine: Int(first)))
                keep[i] = false
            }
        }
        Self.filter(&accidents, &accidentLines, keep)

        let absentAccident = "an accident absent from \(files.characteristics.lastPathComponent)"
        var placeLine = BAACKeyTable(capacity: places.count)
        keep = [Bool](repeating: true, count: places.count)
        for (i, p) in places.enumerated() {
            if accidentLine.value(p.accidentID, 0) == nil {
                try fail(.orphanRow(file: files.places.path, line: Int(placeLines[i]), column: "Num_Acc",
                                    key: "accident \(p.accidentID)", missing: absentAccident))
                keep[i] = false
            } else if let first = placeLine.insert(p.accidentID, 0, value: placeLines[i]) {
                try fail(.duplicateKey(file: files.places.path, line: Int(placeLines[i]), column: "Num_Acc",
                                       key: "place of accident \(p.accidentID)", firstLine: Int(first)))
                keep[i] = false
            }
        }
        Self.filter(&places, &placeLines, keep)

        // Rows of one accident are usually consecutive: remember the last accident found.
        var lastAccident = BAACKeyTable.empty
        func hasAccident(_ id: Int64) -> Bool {
            if id == lastAccident { return true }
            guard accidentLine.value(id, 0) != nil else { return false }
            lastAccident = id
            return true
        }
        var vehicleLine = BAACKeyTable(capacity: vehicles.count)
        keep = [Bool](repeating: true, count: vehicles.count)
        for (i, v) in vehicles.enumerated() {
            let key = BAACVehicleKey(accident: v.accidentID, vehicleID: v.vehicleID, number: v.number)
            if !hasAccident(v.accidentID) {
                try fail(.orphanRow(file: files.vehicles.path, line: Int(vehicleLines[i]), column: "Num_Acc",
                                    key: "accident \(v.accidentID)", missing: absentAccident))
                keep[i] = false
            } else if let first = vehicleLine.insert(key.accident, key.vehicle, value: vehicleLines[i]) {
                try fail(.duplicateKey(file: files.vehicles.path, line: Int(vehicleLines[i]),
                                       column: v.vehicleID != -1 ? "id_vehicule" : "num_veh",
                                       key: "vehicle \(BAACVehicleKey.label(vehicleID: v.vehicleID, number: v.number)) of accident \(v.accidentID)",
                                       firstLine: Int(first)))
                keep[i] = false
            }
        }
        Self.filter(&vehicles, &vehicleLines, keep)

        let absentVehicle = "a vehicle absent from \(files.vehicles.lastPathComponent)"
        keep = [Bool](repeating: true, count: users.count)
        for (i, u) in users.enumerated() {
            if !hasAccident(u.accidentID) {
                try fail(.orphanRow(file: files.users.path, line: Int(userLines[i]), column: "Num_Acc",
                                    key: "accident \(u.accidentID)", missing: absentAccident))
                keep[i] = false
            } else if case let key = BAACVehicleKey(accident: u.accidentID, vehicleID: u.vehicleID, number: u.vehicleNumber),
                      vehicleLine.value(key.accident, key.vehicle) == nil {
                try fail(.orphanRow(file: files.users.path, line: Int(userLines[i]),
                                    column: u.vehicleID != -1 ? "id_vehicule" : "num_veh",
                                    key: "\(BAACVehicleKey.label(vehicleID: u.vehicleID, number: u.vehicleNumber)) of accident \(u.accidentID)",
                                    missing: absentVehicle))
                keep[i] = false
            }
        }
        Self.filter(&users, &userLines, keep)
    }

    /// Keeps the rows (and their lines) whose flag is true; no work when all are kept.
    private static func filter<Row>(_ rows: inout [Row], _ lines: inout [Int32], _ keep: [Bool]) {
        guard keep.contains(false) else { return }
        rows = rows.indices.filter { keep[$0] }.map { rows[$0] }
        lines = lines.indices.filter { keep[$0] }.map { lines[$0] }
    }

    /// The checked rows as schema tables.
    var tables: BAACTables { BAACTables(accidents: accidents, places: places, vehicles: vehicles, users: users) }
}
