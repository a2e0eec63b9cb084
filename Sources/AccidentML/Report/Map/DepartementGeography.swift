/// Positions and names of départements for the maps, from the synthetic generator's table.
enum DepartementGeography {
    /// Centre (latitude, longitude) of every département and overseas territory by schema code.
    static let centres: [Int16: (latitude: Double, longitude: Double)] = Dictionary(
        uniqueKeysWithValues: FrenchDepartement.all.map { ($0.code, ($0.latitude, $0.longitude)) })

    /// Whether the code is drawn on the metropolitan map (else in an overseas inset).
    static func isMetropolitan(_ code: Int16) -> Bool { code < 971 }

    /// The INSEE code as people write it: `01`, `2A`, `75`, `971`.
    static func displayCode(_ code: Int16) -> String {
        switch code {
        case 201: "2A"
        case 202: "2B"
        case 0..<10: "0\(code)"
        default: "\(code)"
        }
    }

    /// The overseas territory's name for inset captions; the code itself for others.
    static func overseasName(_ code: Int16) -> String {
        switch code {
        case 971: "Guadeloupe"
        case 972: "Martinique"
        case 973: "Guyane"
        case 974: "La Réunion"
        case 975: "St-Pierre-M."
        case 976: "Mayotte"
        case 977: "St-Barth."
        case 978: "St-Martin"
        case 986: "Wallis-F."
        case 987: "Polynésie"
        case 988: "N.-Calédonie"
        default: displayCode(code)
        }
    }
}
