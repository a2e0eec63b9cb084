extension BAACTables {
    /// The person unit: one row per person with a known `grav`, joined with their vehicle,
    /// accident, place and accident context.
    ///
    /// A person's vehicle is found by (accident, `id_vehicule`) when the person has one
    /// (2019+), else by (accident, `num_veh`). Hash joins: linear in the table sizes.
    /// A person of unknown `grav` is counted in `unknownSeverity` and excluded, or, with
    /// `keepingUnknownSeverity` (prediction of new accidents), kept with target -1.
    public func personRows(keepingUnknownSeverity: Bool = false) -> JoinedRows {
        let groups = AccidentGroups(self)
        var report = JoinReport(duplicateKeys: groups.duplicateKeys)
        let vehicles = VehicleLookup(vehicles, duplicates: &report.duplicateKeys)
        var rows: [FeatureRow] = []
        rows.reserveCapacity(users.count)
        for u in users {
            guard let a = groups.indexOfAccident[u.accidentID] else { report.withoutAccident += 1; continue }
            let known = PredictionUnit.personClass(grav: u.grav)
            if known == nil {
                report.unknownSeverity += 1
                guard keepingUnknownSeverity else { continue }
            }
            let target = known ?? -1
            let v = vehicles.index(of: u)
            if v == nil { report.withoutVehicle += 1 }
            let place = groups.place(of: a, in: self)
            if place == nil { report.withoutPlace += 1 }
            let vehicle = v.map { self.vehicles[$0] }
            // A pedestrian's vehicle is the one that hit them: it counts as "other".
            let ownMass = u.catu == 3 ? nil : vehicle.map { max(VehicleCategory.of(catv: $0.catv).mass, 0) }
            let context = groups.contexts[a]
            rows.append(FeatureRow(
                accident: accidents[a], place: place ?? Place(accidentID: u.accidentID),
                vehicle: vehicle ?? Vehicle(accidentID: u.accidentID), user: u, context: context,
                heaviestOtherVehicle: context.heaviestMass(excluding: ownMass), target: target))
        }
        report.rows = rows.count
        return JoinedRows(unit: .person, rows: rows, report: report)
    }
}

/// Hash indexes of the vehicle table by (accident, `id_vehicule`) and (accident, `num_veh`).
private struct VehicleLookup {
    struct Key: Hashable { var accident: Int64; var vehicle: Int64 }
    private var byID: [Key: Int] = [:]
    private var byNumber: [Key: Int] = [:]

    init(_ vehicles: [Vehicle], duplicates: inout Int) {
        byID.reserveCapacity(vehicles.count)
        byNumber.reserveCapacity(vehicles.count)
        for (i, v) in vehicles.enumerated() {
            if v.vehicleID != -1 { Self.insert(i, Key(accident: v.accidentID, vehicle: v.vehicleID), into: &byID, &duplicates) }
            if v.number != .missing {
                Self.insert(i, Key(accident: v.accidentID, vehicle: Int64(v.number.packed)), into: &byNumber, &duplicates)
            }
        }
    }

    private static func insert(_ i: Int, _ key: Key, into map: inout [Key: Int], _ duplicates: inout Int) {
        if map[key] == nil { map[key] = i } else { duplicates += 1 }
    }

    /// The index of a person's vehicle, or nil.
    func index(of u: User) -> Int? {
        u.vehicleID != -1
            ? byID[Key(accident: u.accidentID, vehicle: u.vehicleID)]
            : byNumber[Key(accident: u.accidentID, vehicle: Int64(u.vehicleNumber.packed))]
    }
}
