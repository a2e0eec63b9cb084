@testable import AccidentML

/// One synthetic year shared by the generator suites, with the joins the checks need.
struct SyntheticSample {
    static let shared = SyntheticSample(SyntheticBAAC(seed: 2024, year: 2021).tables(count: 30_000))

    let tables: BAACTables
    let accidentByID: [Int64: Accident]
    let placeByID: [Int64: Place]
    let vehicleByKey: [VehicleKey: Vehicle]

    /// A user's vehicle: (`Num_Acc`, `id_vehicule`, `num_veh`).
    struct VehicleKey: Hashable {
        var accident: Int64, vehicle: Int64, number: UInt32
    }

    init(_ tables: BAACTables) {
        self.tables = tables
        accidentByID = Dictionary(tables.accidents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        placeByID = Dictionary(tables.places.map { ($0.accidentID, $0) }, uniquingKeysWith: { a, _ in a })
        vehicleByKey = Dictionary(tables.vehicles.map {
            (VehicleKey(accident: $0.accidentID, vehicle: $0.vehicleID, number: $0.number.packed), $0)
        }, uniquingKeysWith: { a, _ in a })
    }

    func vehicle(of user: User) -> Vehicle? {
        vehicleByKey[VehicleKey(accident: user.accidentID, vehicle: user.vehicleID, number: user.vehicleNumber.packed)]
    }

    /// Users (with known severity) matching `filter`.
    func users(where filter: (User) -> Bool) -> [User] {
        tables.users.filter { $0.grav != -1 && filter($0) }
    }

    /// Share of `users` killed or hospitalised.
    static func severeShare(_ users: [User]) -> Double {
        Double(users.filter { $0.grav == 2 || $0.grav == 3 }.count) / Double(max(users.count, 1))
    }
}
