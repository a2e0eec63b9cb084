/// The request fields of one level of a request (a person, an accident, one of an accident's
/// vehicles or persons) and where each value goes in a `FeatureRow`.
struct InputCatalogue: Sendable {
    /// Where a field's value is stored.
    enum Target: Sendable {
        case field(BAACField)
        /// `hrmn` ("HH:MM") or `hour` (minutes unknown): the time of day.
        case time, hour
        /// A person request's accident count or flag, named as the derived feature.
        case context(DerivedFeature)
        /// `catv` codes of the other vehicles (person request).
        case otherVehicles
        /// An accident request's vehicles and persons.
        case vehicles, users
    }

    struct Entry: Sendable {
        let field: InputField
        let target: Target
    }

    /// The fields in documentation order.
    let fields: [InputField]
    /// Field name → entry.
    let entries: [String: Entry]
    /// Number of required fields.
    let requiredCount: Int

    private init(_ list: [Entry]) {
        fields = list.map(\.field)
        entries = Dictionary(uniqueKeysWithValues: list.map { ($0.field.name, $0) })
        requiredCount = list.filter(\.field.required).count
    }

    /// The top-level catalogue of a unit's requests.
    static func of(_ unit: PredictionUnit) -> InputCatalogue { unit == .person ? person : accident }

    static let person = InputCatalogue(
        baac(.accident) + time + baac(.place) + baac(.vehicle) + baac(.user, required: [.catu]) + [
            context(.vehicleCount, .integer(1...100), "vehicles involved, this person's included"),
            context(.personCount, .integer(1...500), "persons involved, this person included"),
            context(.pedestrianCount, .integer(0...500), "pedestrians involved"),
            context(.twoWheelerCount, .integer(0...100), "two-wheelers involved (bicycles, mopeds, motorcycles)"),
            context(.heavyVehicleCount, .integer(0...100), "heavy vehicles involved (HGV, bus, coach, tram, train)"),
            context(.fixedObstacle, .flag, "whether a vehicle hit a fixed obstacle"),
            Entry(field: InputField(name: "other_catv", kind: .codeList(allowed: BAACField.vehicleCategories),
                                    required: false,
                                    summary: "catv of every other vehicle involved (-1 if unknown; [] when none); for a pedestrian, every vehicle"),
                  target: .otherVehicles),
        ])

    static let accident = InputCatalogue(baac(.accident) + time + baac(.place) + [
        Entry(field: InputField(name: "vehicles", kind: .records(vehicleItem.fields), required: true,
                                summary: "every vehicle involved"), target: .vehicles),
        Entry(field: InputField(name: "users", kind: .records(userItem.fields), required: true,
                                summary: "every person involved (drivers, passengers, pedestrians)"), target: .users),
    ])

    /// One vehicle of an accident request.
    static let vehicleItem = InputCatalogue(baac(.vehicle))
    /// One person of an accident request.
    static let userItem = InputCatalogue(baac(.user))

    private static func baac(_ table: BAACField.Table, required: Set<BAACField> = []) -> [Entry] {
        let dateFields: Set<BAACField> = [.an, .mois, .jour]
        return BAACField.allCases.filter { $0.table == table }.map { f in
            Entry(field: InputField(name: f.rawValue, kind: f.kind, required: required.contains(f) || dateFields.contains(f),
                                    summary: f.summary), target: .field(f))
        }
    }

    private static let time: [Entry] = [
        Entry(field: InputField(name: "hrmn", kind: .time, required: false, summary: "time of the accident"),
              target: .time),
        Entry(field: InputField(name: "hour", kind: .integer(0...23), required: false,
                                summary: "hour of the accident when the minutes are unknown (instead of hrmn)"),
              target: .hour),
    ]

    private static func context(_ feature: DerivedFeature, _ kind: InputKind, _ summary: String) -> Entry {
        Entry(field: InputField(name: feature.rawValue, kind: kind, required: false, summary: summary),
              target: .context(feature))
    }
}
