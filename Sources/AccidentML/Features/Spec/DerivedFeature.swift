/// A feature computed from several raw fields or from the whole accident.
public enum DerivedFeature: String, Codable, Sendable, CaseIterable {
    /// `an` − `an_nais`, years.
    case age
    /// Hour of `hrmn`, 0–23.
    case hour
    /// `hour × 60 + minute`, 0–1439.
    case minuteOfDay = "minute_of_day"
    /// ISO weekday of the date, 1 Monday … 7 Sunday.
    case weekday
    /// 1 at night (`lum` 3–5), 0 by day or dusk (1–2).
    case night
    /// 1 inside a built-up area (`agg` 2), 0 outside (1).
    case insideAgglomeration = "inside_agglomeration"
    /// Speed-limit band of `vma`: 1 ≤30, 2 ≤50, 3 ≤70, 4 ≤80, 5 ≤90, 6 ≤110, 7 ≤130 km/h.
    case speedLimitBand = "speed_limit_band"
    /// Number of vehicles involved.
    case vehicleCount = "vehicle_count"
    /// Number of persons involved.
    case personCount = "person_count"
    /// Number of pedestrians involved.
    case pedestrianCount = "pedestrian_count"
    /// Number of two-wheelers involved.
    case twoWheelerCount = "two_wheeler_count"
    /// Number of heavy vehicles (HGV, bus, coach, tram, train) involved.
    case heavyVehicleCount = "heavy_vehicle_count"
    /// Two-wheelers / vehicles.
    case twoWheelerShare = "two_wheeler_share"
    /// Heavy vehicles / vehicles.
    case heavyVehicleShare = "heavy_vehicle_share"
    /// Pedestrians / persons.
    case pedestrianShare = "pedestrian_share"
    /// 1 if any vehicle hit a fixed obstacle.
    case fixedObstacle = "fixed_obstacle"
    /// Person: mass class of the heaviest other vehicle (0 none, 1 pedal … 6 rail).
    case heaviestOtherVehicle = "heaviest_other_vehicle"
    /// Person: 1 if a belt, helmet or child seat is among `secu1…3`.
    case safetyEquipmentUsed = "safety_equipment_used"
    /// Person: group of their vehicle's `catv` (1 bicycle … 11 other).
    case vehicleGroup = "vehicle_group"
    /// Accident: mass class of the heaviest vehicle involved.
    case heaviestVehicle = "heaviest_vehicle"
    /// Accident: 1 if a driver or passenger had no belt, helmet or child seat.
    case unprotectedOccupant = "unprotected_occupant"
    /// Accident: age of the youngest person involved.
    case youngestAge = "youngest_age"
    /// Accident: age of the oldest person involved.
    case oldestAge = "oldest_age"

    /// Whether a prediction unit's rows carry what this feature needs.
    public func isAvailable(for unit: PredictionUnit) -> Bool {
        switch self {
        case .age, .heaviestOtherVehicle, .safetyEquipmentUsed, .vehicleGroup: unit == .person
        case .heaviestVehicle, .unprotectedOccupant, .youngestAge, .oldestAge: unit == .accident
        default: true
        }
    }

    /// Whether the feature's values are whole numbers (so it may be categorical).
    public var isInteger: Bool {
        switch self {
        case .twoWheelerShare, .heavyVehicleShare, .pedestrianShare: false
        default: true
        }
    }
}
