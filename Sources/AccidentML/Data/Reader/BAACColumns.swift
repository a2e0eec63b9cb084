/// The columns one BAAC table reads: header names and the layouts that require them.
protocol BAACColumnSet: CaseIterable, RawRepresentable<Int>, Sendable {
    /// Accepted header names (ASCII case-insensitive); the first is the official one.
    var headerNames: [String] { get }
    /// Whether the header must have this column in `layout` (otherwise it is read when present).
    func isRequired(in layout: BAACLayout) -> Bool
}

extension BAACColumnSet {
    /// The column indices in `header`, indexed by `rawValue`, -1 for an absent optional column.
    static func resolve(in header: CSVHeader, file: String, layout: BAACLayout) throws(BAACReadError) -> [Int] {
        var indices = [Int](repeating: -1, count: allCases.count)
        for column in allCases {
            if let i = column.headerNames.lazy.compactMap({ header.index(of: $0) }).first {
                indices[column.rawValue] = i
            } else if column.isRequired(in: layout) {
                throw .missingColumn(file: file, column: column.headerNames[0], layout: layout)
            }
        }
        return indices
    }
}

/// Columns of `caracteristiques` read into `Accident`.
enum AccidentColumn: Int, BAACColumnSet {
    case id, day, month, year, time, lum, agg, intersection, atm, col, departement, commune, latitude, longitude

    var headerNames: [String] {
        switch self {
        case .id: ["Num_Acc", "Accident_Id"]
        case .day: ["jour"]
        case .month: ["mois"]
        case .year: ["an"]
        case .time: ["hrmn"]
        case .lum: ["lum"]
        case .agg: ["agg"]
        case .intersection: ["int"]
        case .atm: ["atm"]
        case .col: ["col"]
        case .departement: ["dep"]
        case .commune: ["com"]
        case .latitude: ["lat"]
        case .longitude: ["long"]
        }
    }

    func isRequired(in layout: BAACLayout) -> Bool { true }
}

/// Columns of `lieux` read into `Place`.
enum PlaceColumn: Int, BAACColumnSet {
    case accident, catr, circ, nbv, vosp, prof, plan, surf, infra, situ, vma, roadWidth

    var headerNames: [String] {
        switch self {
        case .accident: ["Num_Acc"]
        case .catr: ["catr"]
        case .circ: ["circ"]
        case .nbv: ["nbv"]
        case .vosp: ["vosp"]
        case .prof: ["prof"]
        case .plan: ["plan"]
        case .surf: ["surf"]
        case .infra: ["infra"]
        case .situ: ["situ"]
        case .vma: ["vma"]
        case .roadWidth: ["larrout"]
        }
    }

    func isRequired(in layout: BAACLayout) -> Bool { self != .vma || !layout.isOld }
}

/// Columns of `vehicules` read into `Vehicle`.
enum VehicleColumn: Int, BAACColumnSet {
    case accident, vehicleID, number, senc, catv, obs, obsm, choc, manv, motor, occutc

    var headerNames: [String] {
        switch self {
        case .accident: ["Num_Acc"]
        case .vehicleID: ["id_vehicule"]
        case .number: ["num_veh"]
        case .senc: ["senc"]
        case .catv: ["catv"]
        case .obs: ["obs"]
        case .obsm: ["obsm"]
        case .choc: ["choc"]
        case .manv: ["manv"]
        case .motor: ["motor"]
        case .occutc: ["occutc"]
        }
    }

    func isRequired(in layout: BAACLayout) -> Bool {
        switch self {
        case .vehicleID, .motor: !layout.isOld
        default: true
        }
    }
}

/// Columns of `usagers` read into `User`.
enum UserColumn: Int, BAACColumnSet {
    case accident, userID, vehicleID, vehicleNumber, place, catu, grav, sexe, birthYear, trajet
    case secu, secu1, secu2, secu3, locp, actp, etatp

    var headerNames: [String] {
        switch self {
        case .accident: ["Num_Acc"]
        case .userID: ["id_usager"]
        case .vehicleID: ["id_vehicule"]
        case .vehicleNumber: ["num_veh"]
        case .place: ["place"]
        case .catu: ["catu"]
        case .grav: ["grav"]
        case .sexe: ["sexe"]
        case .birthYear: ["an_nais"]
        case .trajet: ["trajet"]
        case .secu: ["secu"]
        case .secu1: ["secu1"]
        case .secu2: ["secu2"]
        case .secu3: ["secu3"]
        case .locp: ["locp"]
        case .actp: ["actp"]
        case .etatp: ["etatp"]
        }
    }

    func isRequired(in layout: BAACLayout) -> Bool {
        switch self {
        case .userID: layout == .y2022
        case .vehicleID, .secu1, .secu2, .secu3: !layout.isOld
        case .secu: layout.isOld
        default: true
        }
    }
}
