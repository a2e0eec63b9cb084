extension BAACField {
    /// The values a request may give for this field: the official codes of every BAAC year
    /// (2005–2023 layouts), or a plausible range.
    public var kind: InputKind {
        func codes(_ c: [Int], aliases: [String: Int] = [:]) -> InputKind { .code(allowed: c, aliases: aliases) }
        switch self {
        case .an: return .integer(1990...2100)
        case .mois: return .integer(1...12)
        case .jour: return .integer(1...31)
        case .lum: return codes(Array(1...5))
        case .agg: return codes([1, 2])
        case .int, .atm, .surf: return codes(Array(1...9))
        case .col: return codes(Array(1...7))
        case .dep: return codes(Self.departements, aliases: Self.departementAliases)
        case .lat: return .number(-90...90)
        case .long: return .number(-180...180)
        case .catr: return codes([1, 2, 3, 4, 5, 6, 7, 9])
        case .circ, .prof, .plan: return codes(Array(1...4))
        case .nbv: return .integer(0...20)
        case .vosp, .senc: return codes(Array(0...3))
        case .infra, .choc, .secu1, .secu2, .secu3, .locp: return codes(Array(0...9))
        case .situ: return codes([0, 1, 2, 3, 4, 5, 6, 8])
        case .vma: return .integer(0...130)
        case .larrout: return .number(0...100)
        case .catv: return codes(Self.vehicleCategories)
        case .obs: return codes(Array(0...17))
        case .obsm: return codes([0, 1, 2, 4, 5, 6, 9])
        case .manv: return codes(Array(0...26))
        case .motor: return codes(Array(0...6))
        case .occutc: return .integer(0...500)
        case .place: return codes(Array(1...10))
        case .catu, .etatp: return codes(Array(1...3))
        case .sexe: return codes([1, 2])
        case .trajet: return codes([0, 1, 2, 3, 4, 5, 9])
        case .actp: return codes([0, 1, 2, 3, 4, 5, 6, 9, 10, 11], aliases: ["A": 10, "B": 11])
        case .anNais: return .integer(1900...2100)
        }
    }

    /// Every official `catv` code (old and 2019+).
    static let vehicleCategories: [Int] = Array(0...21) + Array(30...43) + [50, 60, 80, 99]

    /// INSEE départements as schema integers: Corsica 201/202, overseas 971–988.
    static let departements: [Int] = Array(1...19) + Array(21...95) + [201, 202] + Array(971...978) + [986, 987, 988]

    /// The INSEE spellings: `"01"`…`"95"`, `"2A"`, `"2B"`, `"971"`…
    static let departementAliases: [String: Int] = {
        var aliases: [String: Int] = ["2A": 201, "2B": 202]
        for d in departements where d < 201 || d > 202 {
            aliases[d < 10 ? "0\(d)" : "\(d)"] = d
        }
        return aliases
    }()

    /// One line saying what the field is (BAAC codebook wording).
    public var summary: String {
        switch self {
        case .an: "year of the accident"
        case .mois: "month, 1-12"
        case .jour: "day of the month"
        case .lum: "light: 1 day, 2 dusk/dawn, 3 night unlit, 4 night lights off, 5 night lit"
        case .agg: "1 outside, 2 inside a built-up area"
        case .int: "intersection type: 1 none, 2 X, 3 T, 4 Y, 5 >4 branches, 6 roundabout, 7 square, 8 level crossing, 9 other"
        case .atm: "weather: 1 normal, 2 light rain, 3 heavy rain, 4 snow/hail, 5 fog, 6 strong wind, 7 dazzling, 8 overcast, 9 other"
        case .col: "collision: 1 frontal, 2 rear, 3 side, 4 chain (3+), 5 multiple (3+), 6 other, 7 none"
        case .dep: "INSEE departement: integer or string (\"2A\", \"974\")"
        case .lat: "latitude, WGS84 degrees"
        case .long: "longitude, WGS84 degrees"
        case .catr: "road category: 1 motorway, 2 national, 3 departmental, 4 communal, 5 off network, 6 car park, 7 urban metropolis, 9 other"
        case .circ: "traffic: 1 one way, 2 two way, 3 separated carriageways, 4 variable lanes"
        case .nbv: "number of traffic lanes"
        case .vosp: "reserved lane: 0 none, 1 cycle path, 2 cycle lane, 3 reserved lane"
        case .prof: "gradient: 1 flat, 2 slope, 3 hilltop, 4 hill bottom"
        case .plan: "layout: 1 straight, 2 left curve, 3 right curve, 4 S-bend"
        case .surf: "surface: 1 normal, 2 wet, 3 puddles, 4 flooded, 5 snow, 6 mud, 7 ice, 8 oil, 9 other"
        case .infra: "infrastructure: 0 none, 1 tunnel, 2 bridge, 3 interchange ramp, 4 railway, 5 junction, 6 pedestrian zone, 7 toll, 8 roadworks, 9 other"
        case .situ: "situation: 0 none, 1 carriageway, 2 hard shoulder, 3 verge, 4 pavement, 5 cycle path, 6 other special lane, 8 other"
        case .vma: "speed limit, km/h"
        case .larrout: "road width, metres"
        case .senc: "direction: 0 unknown, 1 increasing, 2 decreasing marker, 3 no marker"
        case .catv: "vehicle category (BAAC catv code: 1 bicycle, 7 car, 33 motorcycle > 125 cm3, ...)"
        case .obs: "fixed obstacle hit: 0 none, 1 parked vehicle, 2 tree, ..., 16 left road without obstacle, 17 culvert"
        case .obsm: "mobile obstacle hit: 0 none, 1 pedestrian, 2 vehicle, 4 rail vehicle, 5 pet, 6 wild animal, 9 other"
        case .choc: "initial impact point: 0 none, 1 front, ..., 9 multiple (rollover)"
        case .manv: "main manoeuvre before the accident, 0-26"
        case .motor: "engine: 0 unknown, 1 fuel, 2 hybrid, 3 electric, 4 hydrogen, 5 human, 6 other"
        case .occutc: "occupants of a public-transport vehicle"
        case .place: "seat, 1-9; 10 pedestrian"
        case .catu: "1 driver, 2 passenger, 3 pedestrian"
        case .sexe: "1 male, 2 female"
        case .trajet: "trip purpose: 0 none, 1 home-work, 2 home-school, 3 shopping, 4 professional, 5 leisure, 9 other"
        case .secu1, .secu2, .secu3: "safety equipment: 0 none, 1 belt, 2 helmet, 3 child seat, 4 vest, 5 airbag, 6 gloves, 7 gloves+airbag, 8 undeterminable, 9 other"
        case .locp: "pedestrian location, 0-9"
        case .actp: "pedestrian action: 0-6, 9, \"A\" boarding/alighting, \"B\" unknown"
        case .etatp: "pedestrian: 1 alone, 2 accompanied, 3 in a group"
        case .anNais: "year of birth"
        }
    }
}
