/// Generates one accident at a time — its `caracteristiques`, `lieux`, `vehicules` and
/// `usagers` rows — from the accident's own random stream (see docs/synthetic-data.md).
///
/// Vehicle and user ids are numbered from 0 in the order rows are appended; `SyntheticBAAC`
/// shifts them when it joins slices generated in parallel.
struct SyntheticGenerator: Sendable {
    let seed: UInt64
    let year: Int
    let departements = DepartementSampler()
    let severity = SyntheticSeverity()

    // Road and time.
    let month = CodeDistribution([1: 7.0, 2: 7, 3: 8, 4: 8, 5: 8.5, 6: 9.5, 7: 9.5, 8: 8, 9: 9, 10: 9.5, 11: 8, 12: 7.5])
    /// Rush-hour peaks at 8–9 h and 17–19 h, few accidents at night.
    let hour = CodeDistribution([0: 1.6, 1: 1.2, 2: 1.0, 3: 0.8, 4: 0.8, 5: 1.2, 6: 2.4, 7: 4.5, 8: 5.6, 9: 4.4,
                                 10: 4.4, 11: 5.0, 12: 5.4, 13: 4.9, 14: 5.1, 15: 5.6, 16: 6.5, 17: 7.9, 18: 8.0,
                                 19: 6.2, 20: 4.2, 21: 3.2, 22: 2.6, 23: 2.1])
    let catrInTown = CodeDistribution([4: 52, 3: 25, 7: 9, 2: 5, 9: 4, 6: 2, 5: 2, 1: 1])
    let catrOutOfTown = CodeDistribution([3: 55, 1: 17, 2: 12, 4: 10, 9: 3, 5: 2, 7: 1])
    let intersectionInTown = CodeDistribution([1: 55, 2: 14, 3: 15, 6: 8, 9: 4, 4: 2, 5: 1, 7: 0.7, 8: 0.3])
    let intersectionOutOfTown = CodeDistribution([1: 80, 3: 8, 2: 5, 6: 4, 9: 2, 4: 1])
    let atmosphere = CodeDistribution([1: 78, 2: 10, 8: 6, 3: 2, 7: 1.5, 9: 1, 5: 0.6, 4: 0.5, 6: 0.4])
    let profile = CodeDistribution([1: 82, 2: 13, 3: 3, 4: 2])
    let layoutInTown = CodeDistribution([1: 85, 2: 6, 3: 6, 4: 2, -1: 1])
    let layoutOutOfTown = CodeDistribution([1: 60, 2: 17, 3: 17, 4: 5, -1: 1])
    let infrastructure = CodeDistribution([0: 78, 5: 8, 9: 5, 2: 3, 3: 2, 6: 2, 1: 1, 4: 0.5, 7: 0.5])
    let situation = CodeDistribution([1: 88, 3: 4, 8: 3, 4: 2, 5: 1.5, 2: 1, 6: 0.5])
    let lanes = CodeDistribution([2: 70, 1: 8, 3: 8, 4: 7, 0: 2, -1: 5])
    let motorwayLanes = CodeDistribution([4: 45, 2: 25, 3: 15, 6: 10, 5: 5])
    let reservedLane = CodeDistribution([0: 90, 1: 4, 2: 2, 3: 2, -1: 2])
    let circulation = CodeDistribution([2: 75, 1: 12, 3: 8, 4: 1, -1: 4])
    let vmaInTown = CodeDistribution([50: 74, 30: 15, 70: 5, 20: 2, 80: 2, 90: 1, 40: 0.5, -1: 0.5])
    let vmaMotorway = CodeDistribution([130: 70, 110: 21.5, 90: 8, -1: 0.5])
    let vmaNational = CodeDistribution([80: 45, 110: 20, 90: 15, 70: 15, 50: 4.5, -1: 0.5])
    let vmaDepartmental = CodeDistribution([80: 68, 70: 12, 50: 11.5, 90: 8, -1: 0.5])
    let vmaMunicipal = CodeDistribution([50: 35, 80: 30, 70: 15, 30: 10, 90: 9.5, -1: 0.5])
    let vmaOtherRoad = CodeDistribution([50: 50, 30: 20, 80: 19.5, 20: 10, -1: 0.5])
    let nightLightingInTown = CodeDistribution([5: 75, 3: 18, 4: 7])
    let nightLightingOutOfTown = CodeDistribution([3: 80, 5: 18, 4: 2])
    let collisionTwoVehiclesInTown = CodeDistribution([3: 50, 2: 22, 6: 19.8, 1: 8, -1: 0.2])
    let collisionTwoVehiclesOutOfTown = CodeDistribution([3: 34, 1: 24, 2: 22, 6: 19.8, -1: 0.2])
    let collisionManyVehicles = CodeDistribution([4: 40, 5: 35, 3: 10, 1: 8, 2: 7])

    // Vehicles.
    /// Number of vehicles of an accident without pedestrian (about 1.85).
    let vehicleCount = CodeDistribution([2: 62, 1: 28, 3: 7, 4: 2.2, 5: 0.8])
    let catvInTown = CodeDistribution([7: 55, 33: 7, 1: 6, 10: 6.5, 2: 3, 30: 3, 50: 3, 31: 2, 32: 2, 80: 1.5,
                                       37: 1.2, 34: 1, 14: 0.8, 15: 0.6, 13: 0.5, 60: 0.4, 99: 0.5, 43: 0.3,
                                       40: 0.3, 35: 0.2, 38: 0.2, 17: 0.2, 21: 0.2, 3: 0.3, 0: 0.1])
    let catvOutOfTown = CodeDistribution([7: 62, 33: 9, 10: 8, 15: 2.5, 14: 2, 1: 2.5, 31: 1.5, 2: 1.5, 17: 1.5,
                                          30: 1, 32: 1, 13: 1, 21: 0.8, 34: 0.8, 38: 0.4, 35: 0.6, 80: 0.6,
                                          20: 0.3, 99: 0.5, 3: 0.4, 37: 0.3, 36: 0.2])
    let catvMotorway = CodeDistribution([7: 66, 10: 10, 15: 8, 33: 6, 14: 4, 17: 2, 38: 1, 34: 1, 13: 1, 99: 1])
    let obstacleInTown = CodeDistribution([0: 45, 1: 10, 12: 8, 8: 7, 6: 5, 9: 5, 7: 4, 15: 4, 11: 3, 2: 3,
                                           14: 2, 16: 2, 3: 1, 4: 1])
    let obstacleOutOfTown = CodeDistribution([0: 25, 2: 14, 13: 14, 3: 8, 4: 4, 16: 10, 6: 5, 8: 4, 1: 3,
                                              7: 3, 17: 3, 5: 2, 10: 1, 14: 2, 15: 2])
    let manoeuvre = CodeDistribution([1: 44, 15: 8, 2: 5, 16: 4, 17: 4, 23: 4, 0: 4, 26: 3, 9: 3, 13: 3, 14: 2,
                                      11: 2, 12: 1.5, 21: 2, 4: 1.5, 19: 1.5, 10: 1, 20: 1, 22: 1, 24: 1, 3: 1,
                                      5: 1, 18: 0.5, 25: 0.5, 6: 0.2, 7: 0.2, 8: 0.1, -1: 1])
    let impact = CodeDistribution([1: 40, 3: 12, 2: 11, 4: 9, 8: 7, 7: 7, 6: 3, 5: 3, 9: 5, 0: 3])
    let direction = CodeDistribution([1: 40, 2: 30, 0: 15, 3: 15])
    let engine = CodeDistribution([1: 86, 0: 5, 2: 4, 3: 3, 6: 1, -1: 1])

    // People.
    let carPassengers = CodeDistribution([0: 80, 1: 13, 2: 4, 3: 2, 4: 1])
    let riderPassengers = CodeDistribution([0: 93, 1: 7])
    let busPassengers = CodeDistribution([0: 60, 1: 20, 2: 10, 3: 5, 4: 3, 6: 2])
    let pedestrianCount = CodeDistribution([1: 90, 2: 8, 3: 2])
    let trip = CodeDistribution([5: 33, 1: 20, 9: 13, 0: 10, 4: 8, 3: 5, 2: 3, -1: 8])
    let driverAges = AgeBands([(18, 24, 20), (25, 34, 22), (35, 44, 17), (45, 54, 16), (55, 64, 12),
                               (65, 74, 8), (75, 84, 4), (85, 95, 1)])
    let mopedAges = AgeBands([(14, 17, 40), (18, 24, 30), (25, 44, 20), (45, 70, 10)])
    let motorcycleAges = AgeBands([(16, 17, 4), (18, 24, 25), (25, 34, 27), (35, 44, 20), (45, 54, 15), (55, 72, 9)])
    let cyclistAges = AgeBands([(6, 13, 10), (14, 17, 10), (18, 24, 15), (25, 44, 30), (45, 64, 22), (65, 88, 13)])
    let passengerAges = AgeBands([(0, 9, 15), (10, 17, 15), (18, 24, 20), (25, 44, 20), (45, 64, 15), (65, 92, 15)])
    let pedestrianAges = AgeBands([(3, 9, 10), (10, 17, 14), (18, 24, 10), (25, 44, 20), (45, 64, 18),
                                   (65, 74, 10), (75, 96, 18)])
    let pedestrianLocation = CodeDistribution([3: 25, 5: 15, 4: 15, 1: 10, 2: 10, 9: 12, 6: 5, 8: 5, 7: 2, 0: 1])
    let pedestrianAction = CodeDistribution([3: 55, 11: 10, 9: 8, 1: 5, 2: 5, 10: 5, 0: 5, 4: 3, 5: 3, 6: 1])
    let pedestrianGroup = CodeDistribution([1: 80, 2: 15, 3: 5])
    let pedestrianEquipment = CodeDistribution([-1: 50, 0: 35, 8: 10, 4: 3, 9: 2])
    let riderEquipment = CodeDistribution([2: 90, 0: 4, 8: 4, -1: 2])
    let riderSecondEquipment = CodeDistribution([-1: 60, 6: 35, 7: 3, 5: 2])
    let cyclistEquipment = CodeDistribution([0: 45, 2: 33, 8: 12, 4: 5, -1: 5])
    let truckEquipment = CodeDistribution([1: 80, 0: 12, 8: 5, -1: 3])
    let childEquipment = CodeDistribution([3: 60, 1: 35, 0: 5])
    let occupantEquipment = CodeDistribution([1: 88, 8: 5, 0: 4.5, -1: 2.5])

    init(seed: UInt64, year: Int) {
        self.seed = seed
        self.year = year
    }

    /// The `Num_Acc` of accident `index` (0-based): `year·10^8 + index + 1`.
    func accidentID(_ index: Int) -> Int64 { Int64(year) * 100_000_000 + Int64(index) + 1 }

    /// Appends accident `index`'s rows to `t`.
    func generate(index: Int, into t: inout BAACTables) {
        var r = SyntheticRandom(seed: seed, stream: UInt64(index))
        let scene = makeScene(id: accidentID(index), &r, into: &t)
        let firstVehicle = t.vehicles.count
        makeVehicles(scene, &r, into: &t)
        makePeople(scene, vehicles: firstVehicle..<t.vehicles.count, &r, into: &t)
    }
}
