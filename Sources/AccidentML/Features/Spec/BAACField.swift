/// A raw field of the normalised BAAC schema that may be a feature and a request field, named
/// as in the BAAC files (`catv`, `an_nais`...). `grav`, the outcome, is deliberately absent.
public enum BAACField: String, Codable, Sendable, CaseIterable {
    // caracteristiques
    case an, mois, jour, lum, agg, int, atm, col, dep, lat, long
    // lieux
    case catr, circ, nbv, vosp, prof, plan, surf, infra, situ, vma, larrout
    // vehicules
    case senc, catv, obs, obsm, choc, manv, motor, occutc
    // usagers
    case place, catu, sexe, trajet, secu1, secu2, secu3, locp, actp, etatp
    case anNais = "an_nais"

    /// The BAAC table a field belongs to.
    public enum Table: String, Sendable { case accident, place, vehicle, user }

    /// The table this field comes from.
    public var table: Table {
        switch self {
        case .an, .mois, .jour, .lum, .agg, .int, .atm, .col, .dep, .lat, .long: .accident
        case .catr, .circ, .nbv, .vosp, .prof, .plan, .surf, .infra, .situ, .vma, .larrout: .place
        case .senc, .catv, .obs, .obsm, .choc, .manv, .motor, .occutc: .vehicle
        case .place, .catu, .sexe, .trajet, .secu1, .secu2, .secu3, .locp, .actp, .etatp, .anNais: .user
        }
    }

    /// Whether the field's values are whole numbers (so it may be categorical).
    public var isInteger: Bool {
        switch self {
        case .lat, .long, .larrout: false
        default: true
        }
    }

    /// Whether a prediction unit's rows carry this field (the accident unit has no single
    /// vehicle or person).
    public func isAvailable(for unit: PredictionUnit) -> Bool {
        unit == .person || table == .accident || table == .place
    }
}
