import RealModule

/// What the rows of one accident share: where, when, the road, who is involved.
struct SyntheticScene {
    var id: Int64
    var inTown: Bool
    var catr: Int8
    var vma: Int16
    var lum: Int8
    var col: Int8
    /// Pedestrians hit (0 when none); they are attached to the first vehicle.
    var pedestrians: Int
    var vehicleCount: Int
    /// Severity noise shared by everybody in the accident.
    var accidentEffect: Double
}

extension SyntheticGenerator {
    /// Draws the accident's place, time and circumstances and appends its `Accident` and
    /// `Place` rows.
    func makeScene(id: Int64, _ r: inout SyntheticRandom, into t: inout BAACTables) -> SyntheticScene {
        let dep = departements.departements[departements.sample(&r)]
        let inTown = r.chance(dep.urbanShare)
        let catr = (inTown ? catrInTown : catrOutOfTown).code(&r)
        let vma = speedLimit(catr: catr, inTown: inTown, &r)
        let month = self.month.code(&r)
        let day = Int8(r.int(in: 1...Self.days(inMonth: Int(month), year: year)))
        let hour = self.hour.code(&r)
        let minute = Int8(r.chance(0.55) ? 5 * r.int(in: 0...11) : r.int(in: 0...59))
        let lum = lighting(hour: Double(hour) + Double(minute) / 60, month: Int(month), inTown: inTown, &r)
        let atm = atmosphere.code(&r)

        let pedestrians = catr != 1 && r.chance(inTown ? 0.25 : 0.05) ? Int(pedestrianCount.sample(&r)) : 0
        let vehicleCount = pedestrians > 0 ? (r.chance(0.92) ? 1 : 2) : Int(self.vehicleCount.sample(&r))
        let col: Int8 = switch (pedestrians > 0, vehicleCount) {
        case (true, 1): r.chance(0.85) ? 6 : 7
        case (true, _): r.chance(0.5) ? 3 : 6
        case (false, 1): r.chance(0.75) ? 7 : 6
        case (false, 2): (inTown ? collisionTwoVehiclesInTown : collisionTwoVehiclesOutOfTown).code(&r)
        default: collisionManyVehicles.code(&r)
        }

        let commune = dep.commune(Int32(r.int(in: Int(dep.firstCommune)...Int(dep.lastCommune))))
        let latitude = Self.micro(dep.latitude + r.uniform(-dep.halfLatitude, dep.halfLatitude))
        let longitude = Self.micro(dep.longitude + r.uniform(-dep.halfLongitude, dep.halfLongitude))
        t.accidents.append(Accident(
            id: id, year: Int16(year), month: month, day: day, hour: hour, minute: minute, lum: lum,
            agg: inTown ? 2 : 1, intersection: catr == 1 ? 1 : (inTown ? intersectionInTown : intersectionOutOfTown).code(&r),
            atm: atm, col: col, departement: dep.code, commune: commune, latitude: latitude, longitude: longitude))

        var situ = situation.code(&r)
        if catr == 1 && (situ == 4 || situ == 5) { situ = 2 }
        t.places.append(Place(
            accidentID: id, catr: catr, circ: catr == 1 ? 3 : circulation.code(&r),
            nbv: (catr == 1 ? motorwayLanes : lanes).code(&r), vosp: inTown ? reservedLane.code(&r) : 0,
            prof: profile.code(&r), plan: (inTown ? layoutInTown : layoutOutOfTown).code(&r),
            surf: surface(atmosphere: atm, &r), infra: catr == 1 && r.chance(0.15) ? 3 : infrastructure.code(&r),
            situ: situ, vma: vma, roadWidth: r.chance(0.12) ? Float(r.int(in: 6...24)) / 2 : .nan))

        return SyntheticScene(id: id, inTown: inTown, catr: catr, vma: vma, lum: lum, col: col,
                              pedestrians: pedestrians, vehicleCount: vehicleCount,
                              accidentEffect: severity.accidentSpread * r.normal())
    }

    /// `vma` by road category and agglomeration: 30/50 in town, 80/90 on ordinary roads,
    /// 110 on national expressways, 130 on motorways.
    func speedLimit(catr: Int8, inTown: Bool, _ r: inout SyntheticRandom) -> Int16 {
        if inTown && catr != 1 { return vmaInTown.sample(&r) }
        return switch catr {
        case 1: inTown ? (r.chance(0.6) ? 90 : 110) : vmaMotorway.sample(&r)
        case 2: vmaNational.sample(&r)
        case 3: vmaDepartmental.sample(&r)
        case 4: vmaMunicipal.sample(&r)
        default: vmaOtherRoad.sample(&r)
        }
    }

    /// `lum`: daylight (1), dusk or dawn within half an hour of sunrise/sunset (2), or night:
    /// mostly lit in town (5), mostly unlit outside (3). Sunrise ≈ 6:00–8:30 and sunset
    /// ≈ 17:00–22:00 along the year.
    func lighting(hour: Double, month: Int, inTown: Bool, _ r: inout SyntheticRandom) -> Int8 {
        let season = Double.cos(2 * Double.pi * (Double(month) - 0.5) / 12)  // 1 in winter, -1 in summer
        let sunrise = 7.25 + 1.25 * season
        let sunset = 19.5 - 2.5 * season
        if abs(hour - sunrise) < 0.5 || abs(hour - sunset) < 0.5 { return 2 }
        if hour > sunrise && hour < sunset { return 1 }
        return (inTown ? nightLightingInTown : nightLightingOutOfTown).code(&r)
    }

    /// `surf` consistent with the weather: wet in rain, snow or ice in snow.
    func surface(atmosphere atm: Int8, _ r: inout SyntheticRandom) -> Int8 {
        let u = r.unit()
        return switch atm {
        case 2, 3: u < 0.9 ? 2 : u < 0.95 ? 3 : 1
        case 4: u < 0.5 ? 5 : u < 0.8 ? 7 : 2
        case 5, 8: u < 0.75 ? 1 : 2
        default: u < 0.95 ? 1 : u < 0.985 ? 2 : u < 0.995 ? 9 : -1
        }
    }

    /// Days in `month` of `year` (Gregorian).
    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Rounds degrees to 6 decimals, as most real coordinates are.
    static func micro(_ degrees: Double) -> Double { (degrees * 1e6).rounded() / 1e6 }
}
