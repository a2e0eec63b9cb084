/// What the features need to know about a BAAC `catv` vehicle category: its group, mass class
/// and whether it counts as a two-wheeler or a heavy vehicle.
///
/// One table for every derived vehicle feature, so that groups, masses and counts agree.
struct VehicleCategory: Sendable, Equatable {
    /// `vehicle_group` code (see `Group`), -1 when the category is unknown.
    var group: Int8
    /// Mass class 1–6 (see `MassClass`), -1 when unknown (`catv` 0, 99 or missing).
    var mass: Int8
    /// Bicycle, e-bike, moped, scooter or motorcycle.
    var isTwoWheeler: Bool
    /// Heavy goods vehicle, bus, coach, tram or train.
    var isHeavy: Bool

    /// `vehicle_group` codes.
    enum Group {
        static let bicycle: Int8 = 1, personalMobility: Int8 = 2, moped: Int8 = 3, motorcycle: Int8 = 4
        static let car: Int8 = 5, van: Int8 = 6, heavyGoods: Int8 = 7, busOrCoach: Int8 = 8
        static let rail: Int8 = 9, agriculturalOrSpecial: Int8 = 10, other: Int8 = 11
        /// Every group code, for request validation and docs.
        static let all: [Int] = Array(1...11)
    }

    /// Mass classes, ordered by mass; 0 is used for "no other vehicle".
    enum MassClass {
        static let none: Int8 = 0, pedal: Int8 = 1, poweredLight: Int8 = 2, car: Int8 = 3
        static let van: Int8 = 4, heavyRoad: Int8 = 5, rail: Int8 = 6
        /// Every class that a `heaviest…` feature can take.
        static let all: [Int] = Array(0...6)
    }

    static let unknown = VehicleCategory(group: -1, mass: -1, isTwoWheeler: false, isHeavy: false)

    /// The category of a `catv` code (official codes of every year; unknown codes → `unknown`).
    @inline(__always)
    static func of(catv: Int8) -> VehicleCategory {
        catv >= 0 && Int(catv) < table.count ? table[Int(catv)] : unknown
    }

    /// Indexed by `catv` 0–99.
    private static let table: [VehicleCategory] = (0..<100).map { classify(catv: $0) }

    /// The plain definition behind `table`.
    private static func classify(catv: Int) -> VehicleCategory {
        func make(_ g: Int8, _ m: Int8, twoWheeler: Bool = false, heavy: Bool = false) -> VehicleCategory {
            VehicleCategory(group: g, mass: m, isTwoWheeler: twoWheeler, isHeavy: heavy)
        }
        switch catv {
        case 1, 80: return make(Group.bicycle, MassClass.pedal, twoWheeler: true)
        case 50, 60: return make(Group.personalMobility, MassClass.pedal)
        case 2, 30: return make(Group.moped, MassClass.poweredLight, twoWheeler: true)
        case 35, 41: return make(Group.moped, MassClass.poweredLight)
        case 4, 5, 31, 32, 33, 34: return make(Group.motorcycle, MassClass.poweredLight, twoWheeler: true)
        case 6, 36, 42, 43: return make(Group.motorcycle, MassClass.poweredLight)
        case 3: return make(Group.car, MassClass.poweredLight)
        case 7, 8, 9: return make(Group.car, MassClass.car)
        case 10, 11, 12: return make(Group.van, MassClass.van)
        case 13, 14, 15, 16, 17: return make(Group.heavyGoods, MassClass.heavyRoad, heavy: true)
        case 18, 37, 38: return make(Group.busOrCoach, MassClass.heavyRoad, heavy: true)
        case 19, 39, 40: return make(Group.rail, MassClass.rail, heavy: true)
        case 20, 21: return make(Group.agriculturalOrSpecial, MassClass.heavyRoad)
        case 99: return make(Group.other, -1)
        default: return unknown
        }
    }
}
