/// How much a road user is protected, ordered by mass: what the severity mechanism and the
/// category-dependent draws (passengers, equipment, ages) look at.
enum SyntheticVehicleKind: Int, Sendable, Comparable {
    case pedestrian = 0
    /// Bicycles, e-bikes, personal movers.
    case light = 1
    /// Mopeds, motorcycles, scooters, three-wheelers, quads.
    case poweredTwoWheeler = 2
    case car = 3
    /// Light goods vehicles up to 3.5 t.
    case van = 4
    /// Heavy goods vehicles, tractors, buses, coaches, trams.
    case heavy = 5

    /// The kind of an official `catv` code.
    init(catv: Int8) {
        switch catv {
        case 1, 50, 60, 80: self = .light
        case 2, 30...36, 41...43: self = .poweredTwoWheeler
        case 10: self = .van
        case 13...17, 20, 21, 37...40: self = .heavy
        default: self = .car
        }
    }

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Whether `catv` carries public-transport passengers (`occutc` filled).
    static func isPublicTransport(_ catv: Int8) -> Bool { (37...40).contains(catv) }
}
