/// What dispatch knows about the whole accident a row belongs to: who and what is involved.
///
/// Built by the joins from every vehicle and person of the accident, and by the single-record
/// path from the request. It never holds an outcome (`grav`). Counts are -1 when unknown.
public struct AccidentContext: Sendable, Equatable {
    /// Number of vehicles involved.
    public internal(set) var vehicleCount: Int16
    /// Number of persons involved (drivers, passengers and pedestrians).
    public internal(set) var personCount: Int16
    /// Number of pedestrians (`catu` 3).
    public internal(set) var pedestrianCount: Int16
    /// Number of two-wheelers (bicycles, e-bikes, mopeds, scooters, motorcycles).
    public internal(set) var twoWheelerCount: Int16
    /// Number of heavy vehicles (HGV, bus, coach, tram, train).
    public internal(set) var heavyVehicleCount: Int16
    /// 1 if a vehicle hit a fixed obstacle, 0 if none did, -1 when every `obs` is missing.
    public internal(set) var fixedObstacle: Int8
    /// 1 if a driver or passenger wore no belt, helmet or child seat, 0 if all known did,
    /// -1 when no occupant's equipment is known.
    public internal(set) var unprotectedOccupant: Int8
    /// Earliest known `an_nais` of the persons involved, -1 when none is known.
    public internal(set) var earliestBirthYear: Int16
    /// Latest known `an_nais` of the persons involved, -1 when none is known.
    public internal(set) var latestBirthYear: Int16
    /// Vehicles per mass class: lane 0 counts unknown masses, lanes 1–6 the mass classes.
    var massCounts: SIMD8<Int16>

    /// A context where nothing is known (the start of a single person request).
    static let unknown = AccidentContext(vehicleCount: -1, personCount: -1, pedestrianCount: -1,
                                         twoWheelerCount: -1, heavyVehicleCount: -1, fixedObstacle: -1,
                                         unprotectedOccupant: -1, earliestBirthYear: -1,
                                         latestBirthYear: -1, massCounts: .zero)

    /// An accident with no vehicle and no person yet (the start of an accumulation).
    static let empty = AccidentContext(vehicleCount: 0, personCount: 0, pedestrianCount: 0,
                                       twoWheelerCount: 0, heavyVehicleCount: 0, fixedObstacle: -1,
                                       unprotectedOccupant: -1, earliestBirthYear: -1,
                                       latestBirthYear: -1, massCounts: .zero)

    /// Adds one vehicle of the accident.
    mutating func add(vehicle v: Vehicle) {
        let category = VehicleCategory.of(catv: v.catv)
        vehicleCount += 1
        if category.isTwoWheeler { twoWheelerCount += 1 }
        if category.isHeavy { heavyVehicleCount += 1 }
        addMass(of: v.catv)
        if v.obs >= 0 {
            fixedObstacle = max(fixedObstacle, Self.isFixedObstacle(obs: v.obs) ? 1 : 0)
        }
    }

    /// Counts one vehicle's mass class only (the other vehicles of a single person request).
    mutating func addMass(of catv: Int8) {
        massCounts[Int(max(VehicleCategory.of(catv: catv).mass, 0))] += 1
    }

    /// Adds one person of the accident (never reads `grav`).
    mutating func add(user u: User) {
        personCount += 1
        if u.catu == 3 { pedestrianCount += 1 }
        if u.catu == 1 || u.catu == 2 {
            let used = Self.safetyEquipmentUsed(u)
            if used >= 0 { unprotectedOccupant = max(unprotectedOccupant, used == 0 ? 1 : 0) }
        }
        if u.birthYear > 0 {
            earliestBirthYear = earliestBirthYear < 0 ? u.birthYear : min(earliestBirthYear, u.birthYear)
            latestBirthYear = max(latestBirthYear, u.birthYear)
        }
    }

    /// The heaviest mass class among the vehicles, leaving out one vehicle of class `own`
    /// (lane index: 0 unknown, 1–6) when given: 0 when there is no (other) vehicle, -1 when
    /// the other vehicles are all of unknown category.
    func heaviestMass(excluding own: Int8?) -> Int8 {
        var counts = massCounts
        if let own { counts[Int(own)] -= 1 }
        for mass in stride(from: 6, through: 1, by: -1) where counts[mass] > 0 { return Int8(mass) }
        return counts[0] > 0 ? -1 : VehicleCategory.MassClass.none
    }

    /// Whether an `obs` code is a fixed obstacle (1–15 and 17; 16 is "left the road, no obstacle").
    @inline(__always)
    static func isFixedObstacle(obs: Int8) -> Bool { (obs >= 1 && obs <= 15) || obs == 17 }

    /// 1 if a belt, helmet or child restraint is among `secu1…3`, 0 if only other known codes
    /// are, -1 when none is known (-1 or 8 "not determinable").
    @inline(__always)
    static func safetyEquipmentUsed(_ u: User) -> Int8 {
        @inline(__always) func state(_ code: Int8) -> Int8 {
            code >= 1 && code <= 3 ? 1 : (code >= 0 && code != 8 ? 0 : -1)
        }
        return max(state(u.secu1), state(u.secu2), state(u.secu3))
    }
}
