extension SyntheticGenerator {
    /// Appends the accident's vehicles: categories by road, obstacles hit, impact and manoeuvre
    /// consistent with the collision type, engine, public-transport occupants.
    /// `vehicleID` is the row's position in `t.vehicles` (shifted later, see the type doc).
    func makeVehicles(_ s: SyntheticScene, _ r: inout SyntheticRandom, into t: inout BAACTables) {
        let categories = s.catr == 1 ? catvMotorway : s.inTown ? catvInTown : catvOutOfTown
        let single = s.vehicleCount == 1
        for k in 0..<s.vehicleCount {
            let catv = categories.code(&r)
            let obs: Int8 = s.pedestrians == 0 && (single || r.chance(0.07))
                ? (s.inTown ? obstacleInTown : obstacleOutOfTown).code(&r) : 0
            let obsm: Int8 = if s.pedestrians > 0 {
                k == 0 ? 1 : 2
            } else if !single {
                r.chance(0.93) ? 2 : 0
            } else {
                s.inTown ? (r.chance(0.9) ? 0 : r.chance(0.2) ? 5 : 9) : (r.chance(0.85) ? 0 : r.chance(0.4) ? 6 : 9)
            }
            let (choc, manv) = impactAndManoeuvre(col: s.col, vehicle: k, &r)
            let motor: Int8 = switch catv {
            case 1, 60: r.chance(0.92) ? 5 : 0
            case 50, 80, 40: 3
            default: engine.code(&r)
            }
            t.vehicles.append(Vehicle(
                accidentID: s.id, vehicleID: Int64(t.vehicles.count), number: Self.vehicleNumber(k),
                senc: direction.code(&r), catv: catv, obs: obs, obsm: obsm, choc: choc, manv: manv,
                motor: motor, occutc: SyntheticVehicleKind.isPublicTransport(catv) ? Int16(r.int(in: 0...40)) : -1))
        }
    }

    /// `choc` and `manv` of vehicle `k` (0 = A01) given the collision type: a head-on crash
    /// hits fronts and often follows a drift to the left or wrong-way driving; in a rear-end
    /// crash A01 hits B01's rear; in a side crash A01 hits B01's side.
    func impactAndManoeuvre(col: Int8, vehicle k: Int, _ r: inout SyntheticRandom) -> (Int8, Int8) {
        switch (col, k) {
        case (1, _):
            let choc: Int8 = r.chance(0.6) ? 1 : r.chance(0.5) ? 2 : 3
            return (choc, k == 0 ? (r.chance(0.6) ? 13 : 5) : (r.chance(0.7) ? 1 : 21))
        case (2, 0): return (1, r.chance(0.7) ? 1 : 2)
        case (2, 1): return (r.chance(0.8) ? 4 : r.chance(0.5) ? 5 : 6, r.chance(0.4) ? 23 : 1)
        case (3, 0): return (r.chance(0.7) ? 1 : r.chance(0.5) ? 2 : 3, manoeuvre.code(&r))
        case (3, 1): return (r.chance(0.5) ? 7 : 8, manoeuvre.code(&r))
        default: return (impact.code(&r), manoeuvre.code(&r))
        }
    }

    /// `A01`, `B01`, … for vehicle `k` of an accident.
    static func vehicleNumber(_ k: Int) -> VehicleNumber {
        precondition(k < 26, "at most 26 vehicles per accident")
        return VehicleNumber(packed: UInt32(65 + k) | UInt32(UInt8(ascii: "0")) << 8 | UInt32(UInt8(ascii: "1")) << 16)
    }
}
