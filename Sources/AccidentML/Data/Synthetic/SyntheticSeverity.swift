/// The severity mechanism of the synthetic data: an ordered-logit model on a latent risk.
///
/// risk = protection(own kind) + mass gap to the heaviest other party + speed limit + outside
/// built-up area + darkness + collision type + fixed obstacle hit + no belt/helmet + age
/// + an accident-wide normal effect + a logistic noise per person; the thresholds cut it into
/// unharmed < slightly injured < hospitalised < killed. docs/synthetic-data.md lists the
/// coefficients and the resulting shares.
struct SyntheticSeverity: Sendable {
    /// Standard deviation of the accident-wide effect (people of one crash share their fate).
    let accidentSpread = 0.5
    /// Latent-risk thresholds: below `slight` unharmed, then slight, hospitalised, killed.
    let slight = 1.55, hospitalised = 3.4, killed = 5.9

    /// Who is at risk and what they hit.
    struct Person {
        var kind: SyntheticVehicleKind
        /// The heaviest other party (for a pedestrian, the vehicle that hit them); nil if none.
        var opponent: SyntheticVehicleKind?
        var catv: Int8
        var catu: Int8
        var age: Int?
        var secu1: Int8
        /// `obs` of the person's vehicle (0 for pedestrians).
        var obstacle: Int8
    }

    /// The latent risk without noise.
    func risk(_ p: Person, _ s: SyntheticScene) -> Double {
        var risk = protection(p.kind, catv: p.catv)
        if let opponent = p.opponent, opponent > p.kind { risk += 0.3 * Double(opponent.rawValue - p.kind.rawValue) }
        risk += 0.028 * Double(min(s.vma < 0 ? 50 : s.vma, 130) - 50)
        if !s.inTown { risk += 0.4 }
        if s.lum >= 3 { risk += s.lum == 3 && !s.inTown ? 0.5 : 0.3 }
        if p.kind != .pedestrian { risk += collisionRisk(s.col) }
        risk += obstacleRisk(p.obstacle)
        risk += unprotectedRisk(p.secu1, kind: p.kind)
        if let age = p.age {
            if age >= 60 { risk += 0.045 * Double(age - 60) }
            if p.catu == 1 && age < 25 { risk += 0.25 }
            if age < 15 { risk -= 0.1 }
        }
        if p.catu == 2 { risk -= 0.1 }
        return risk
    }

    /// `grav` for a latent value: 1 unharmed, 4 slight, 3 hospitalised, 2 killed.
    func grav(latent: Double) -> Int8 {
        latent < slight ? 1 : latent < hospitalised ? 4 : latent < killed ? 3 : 2
    }

    /// Higher for the less protected: pedestrians, riders (big motorcycles most), cars 0.
    func protection(_ kind: SyntheticVehicleKind, catv: Int8) -> Double {
        switch kind {
        case .pedestrian: 1.7
        case .light: 1.3
        case .poweredTwoWheeler: catv == 33 || catv == 34 ? 1.85 : 1.6
        case .car: 0
        case .van: -0.2
        case .heavy: -1.3
        }
    }

    /// Head-on crashes are the worst, rear-end and chain collisions the mildest.
    func collisionRisk(_ col: Int8) -> Double {
        switch col {
        case 1: 0.9
        case 2: -0.6
        case 4: -0.3
        case 5: 0.2
        case 7: 0.3
        default: 0
        }
    }

    /// Trees, walls and posts are the worst fixed obstacles.
    func obstacleRisk(_ obs: Int8) -> Double {
        switch obs {
        case 0, -1: 0
        case 2: 1.3
        case 6: 1.0
        case 8: 0.8
        case 13: 0.7
        case 7, 10: 0.6
        case 16: 0.4
        default: 0.3
        }
    }

    /// No belt (car, van, HGV occupants) or no helmet (riders): `secu1` 0; 8 is undeterminable.
    func unprotectedRisk(_ secu1: Int8, kind: SyntheticVehicleKind) -> Double {
        switch (secu1, kind) {
        case (0, .pedestrian): 0
        case (0, .light): 0.4
        case (0, _): 1.0
        case (8, _): 0.2
        default: 0
        }
    }
}
