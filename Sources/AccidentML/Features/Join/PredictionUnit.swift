/// What one prediction is about: a person (4-class `grav`) or a whole accident (severe or not).
public enum PredictionUnit: String, Codable, Sendable, CaseIterable {
    /// One row per person involved; target = their `grav`, as 4 ordered classes.
    case person
    /// One row per accident; target = whether anyone was killed or hospitalised.
    case accident

    /// What each class index means, in index order.
    ///
    /// Person classes are ordered by severity (the BAAC `grav` codes are not):
    /// 0 unharmed (`grav` 1), 1 slightly injured (4), 2 hospitalised (3), 3 killed (2).
    public var classLabels: [String] {
        switch self {
        case .person: ["unharmed", "slight", "hospitalised", "killed"]
        case .accident: ["not severe", "severe"]
        }
    }

    /// The person class index of a BAAC `grav` code, or nil when unknown (-1 or invalid).
    static func personClass(grav: Int8) -> Int32? {
        switch grav {
        case 1: 0
        case 4: 1
        case 3: 2
        case 2: 3
        default: nil
        }
    }
}
