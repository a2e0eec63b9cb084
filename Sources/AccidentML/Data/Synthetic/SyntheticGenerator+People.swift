extension SyntheticGenerator {
    /// Appends the accident's people — each vehicle's driver and passengers, then the
    /// pedestrians, attached to the first vehicle — with their severity. Like the real file,
    /// every accident has at least one injured person: if the draws left everyone unharmed,
    /// the person with the highest latent risk is made slightly injured.
    func makePeople(_ s: SyntheticScene, vehicles: Range<Int>, _ r: inout SyntheticRandom, into t: inout BAACTables) {
        // The two heaviest kinds, to find each vehicle's heaviest *other* party.
        var heaviest: (index: Int, kind: SyntheticVehicleKind)?
        var second: SyntheticVehicleKind?
        for j in vehicles {
            let kind = SyntheticVehicleKind(catv: t.vehicles[j].catv)
            if let h = heaviest, kind <= h.kind {
                if second.map({ kind > $0 }) ?? true { second = kind }
            } else {
                second = heaviest?.kind
                heaviest = (j, kind)
            }
        }
        var best = (latent: -Double.infinity, index: -1)
        var anyInjured = false
        func add(_ user: User, latent: Double) {
            if user.grav >= 2 { anyInjured = true }
            if user.grav != -1 && latent > best.latent { best = (latent, t.users.count) }
            t.users.append(user)
        }

        for j in vehicles {
            let vehicle = t.vehicles[j]
            let kind = SyntheticVehicleKind(catv: vehicle.catv)
            let opponent = heaviest?.index == j ? second : heaviest?.kind
            if year >= 2021 && j != vehicles.lowerBound && r.chance(0.02) {
                // Hit-and-run driver (included from 2021): everything unknown.
                t.users.append(User(accidentID: s.id, userID: Int64(t.users.count), vehicleID: vehicle.vehicleID,
                                    vehicleNumber: vehicle.number, place: 1, catu: 1, grav: -1, sexe: -1, trajet: -1,
                                    secu1: -1, secu2: -1, secu3: -1, locp: -1, actp: -1, etatp: -1))
                continue
            }
            let passengers: Int = switch kind {
            case .car, .van: Int(carPassengers.sample(&r))
            case .poweredTwoWheeler: Int(riderPassengers.sample(&r))
            case .light: r.chance(0.02) ? 1 : 0
            case .heavy: SyntheticVehicleKind.isPublicTransport(vehicle.catv) ? Int(busPassengers.sample(&r))
                : r.chance(0.08) ? 1 : 0
            case .pedestrian: 0
            }
            for seat in 0...passengers {
                let place: Int8 = switch (seat, kind) {
                case (0, _): 1
                case (_, .car), (_, .van): Int8(1 + seat)
                case (_, .heavy): Int8(r.int(in: 2...9))
                default: 2
                }
                let (user, latent) = makePerson(s, vehicle: vehicle, kind: kind, opponent: opponent,
                                                catu: seat == 0 ? 1 : 2, place: place, &r, users: t.users.count)
                add(user, latent: latent)
            }
        }
        if s.pedestrians > 0 {
            let striker = t.vehicles[vehicles.lowerBound]
            for _ in 0..<s.pedestrians {
                let (user, latent) = makePerson(s, vehicle: striker, kind: .pedestrian,
                                                opponent: SyntheticVehicleKind(catv: striker.catv),
                                                catu: 3, place: 10, &r, users: t.users.count)
                add(user, latent: latent)
            }
        }
        if !anyInjured && best.index >= 0 { t.users[best.index].grav = 4 }
    }

    /// One person with their attributes, and the latent risk that set their `grav`.
    func makePerson(_ s: SyntheticScene, vehicle: Vehicle, kind: SyntheticVehicleKind,
                    opponent: SyntheticVehicleKind?, catu: Int8, place: Int8,
                    _ r: inout SyntheticRandom, users: Int) -> (User, Double) {
        let ages: AgeBands = switch (catu, kind) {
        case (3, _): pedestrianAges
        case (2, _): passengerAges
        case (_, .light): cyclistAges
        case (_, .poweredTwoWheeler): vehicle.catv == 2 || vehicle.catv == 30 ? mopedAges : motorcycleAges
        default: driverAges
        }
        var age = ages.sample(&r)
        if catu == 1 && kind == .heavy { age = max(age, 21) }
        let maleShare = switch (catu, kind) {
        case (3, _): 0.52
        case (2, _): 0.45
        case (_, .poweredTwoWheeler): 0.88
        case (_, .heavy): 0.95
        case (_, .light): 0.75
        default: 0.7
        }
        let sexe: Int8 = r.chance(maleShare) ? 1 : 2
        let knownAge = r.chance(0.985)
        let equipment = safetyEquipment(kind: kind, catu: catu, age: age, &r)
        let pedestrian = catu == 3
        let unused: Int8 = r.chance(0.55) ? 0 : -1

        let person = SyntheticSeverity.Person(kind: kind, opponent: opponent, catv: vehicle.catv, catu: catu,
                                              age: knownAge ? age : nil, secu1: equipment.0,
                                              obstacle: pedestrian ? 0 : vehicle.obs)
        let latent = severity.risk(person, s) + s.accidentEffect + r.logistic()
        let user = User(
            accidentID: s.id, userID: Int64(users), vehicleID: vehicle.vehicleID, vehicleNumber: vehicle.number,
            place: place, catu: catu, grav: severity.grav(latent: latent), sexe: sexe, trajet: trip.code(&r),
            secu1: equipment.0, secu2: equipment.1, secu3: -1,
            locp: pedestrian ? pedestrianLocation.code(&r) : unused,
            actp: pedestrian ? pedestrianAction.code(&r) : unused,
            etatp: pedestrian ? pedestrianGroup.code(&r) : -1,
            birthYear: knownAge ? Int16(year - age) : -1)
        return (user, latent)
    }

    /// (`secu1`, `secu2`): belts in cars and trucks (child seats for young children), helmets
    /// (and gloves) on powered two-wheelers, helmets for a third of cyclists, nothing
    /// recorded for most pedestrians.
    func safetyEquipment(kind: SyntheticVehicleKind, catu: Int8, age: Int,
                         _ r: inout SyntheticRandom) -> (Int8, Int8) {
        switch (catu, kind) {
        case (3, _):
            return (pedestrianEquipment.code(&r), -1)
        case (_, .poweredTwoWheeler):
            let secu1 = riderEquipment.code(&r)
            return (secu1, secu1 == 2 ? riderSecondEquipment.code(&r) : -1)
        case (_, .light):
            return (cyclistEquipment.code(&r), r.chance(0.05) ? 4 : -1)
        case (_, .heavy):
            return (truckEquipment.code(&r), -1)
        default:
            let secu1 = catu == 2 && age < 10 ? childEquipment.code(&r) : occupantEquipment.code(&r)
            return (secu1, secu1 == 1 && r.chance(0.1) ? 0 : -1)
        }
    }
}
