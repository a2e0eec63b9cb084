/// One row of a prediction unit, joined: what dispatch knows about it plus its target.
///
/// A person row holds the person (`user`), their vehicle (for a pedestrian, the vehicle that hit
/// them), the accident, its place and the accident context. An accident row leaves `vehicle`
/// and `user` missing. Features read rows only through `FeatureSource`, which has no outcome
/// field, so `user.grav` and `target` can never leak into a feature.
public struct FeatureRow: Sendable, Equatable {
    /// The accident (`caracteristiques`).
    public internal(set) var accident: Accident
    /// Its road (`lieux`); every code missing when the place was not found.
    public internal(set) var place: Place
    /// Person unit: the person's vehicle; missing when not found and in the accident unit.
    public internal(set) var vehicle: Vehicle
    /// Person unit: the person; missing in the accident unit.
    public internal(set) var user: User
    /// Counts and flags over every vehicle and person of the accident.
    public internal(set) var context: AccidentContext
    /// Person unit: mass class of the heaviest vehicle other than the person's own (0 none,
    /// -1 unknown); for a pedestrian every vehicle counts as other.
    public internal(set) var heaviestOtherVehicle: Int8
    /// Class index of the target (see `PredictionUnit.classLabels`), -1 when unknown.
    public internal(set) var target: Int32

    /// A row where every field is missing: the start of a single-record request.
    static let missing = FeatureRow(
        accident: Accident(id: -1, year: -1), place: Place(accidentID: -1),
        vehicle: Vehicle(accidentID: -1), user: User(accidentID: -1), context: .unknown,
        heaviestOtherVehicle: -1, target: -1)
}
