/// The départements the generator places accidents in: INSEE code, population weight, a
/// coordinate box around the real territory, the share of accidents inside built-up areas and
/// the range of commune numbers.
struct FrenchDepartement: Sendable {
    /// Schema code: 1–95, Corsica 201/202, overseas 971–988.
    var code: Int16
    /// Population in thousands (2021, rounded): accidents are drawn in proportion.
    var population: Double
    /// Box centre and half-sizes in degrees.
    var latitude: Double, longitude: Double, halfLatitude: Double, halfLongitude: Double
    /// Probability that an accident is inside a built-up area (`agg` 2).
    var urbanShare: Double
    /// Commune numbers drawn uniformly in `firstCommune ... lastCommune`.
    var firstCommune: Int32, lastCommune: Int32

    /// The schema's commune code for commune number `k`: `dep·1000 + k` in metropolitan France
    /// and Corsica (`2A004` → 201004), `dep·100 + k` overseas (`97418`).
    func commune(_ k: Int32) -> Int32 { code >= 971 ? Int32(code) * 100 + k : Int32(code) * 1000 + k }
}

extension FrenchDepartement {
    /// Metropolitan France, Corsica and overseas, with approximate boxes.
    static let all: [FrenchDepartement] = metropolitan.map { code, population, lat, lon in
        let (half, urban, communes): ((Double, Double), Double, ClosedRange<Int32>) = switch code {
        case 75: ((0.03, 0.06), 0.99, 101...120)   // Paris arrondissements 75101–75120
        case 92, 93, 94: ((0.05, 0.07), 0.95, 1...80)
        case 91, 95, 69, 13, 59, 6: ((0.25, 0.3), 0.75, 1...400)
        default: ((0.3, 0.4), 0.6, 1...600)
        }
        return FrenchDepartement(code: code, population: population, latitude: lat, longitude: lon,
                                 halfLatitude: half.0, halfLongitude: half.1, urbanShare: urban,
                                 firstCommune: communes.lowerBound, lastCommune: communes.upperBound)
    } + overseas

    /// (code, population in thousands, box centre latitude, longitude).
    private static let metropolitan: [(Int16, Double, Double, Double)] = [
        (1, 660, 46.10, 5.35), (2, 530, 49.55, 3.55), (3, 335, 46.40, 3.20), (4, 165, 44.10, 6.25),
        (5, 141, 44.65, 6.30), (6, 1090, 43.90, 7.15), (7, 330, 44.75, 4.45), (8, 270, 49.60, 4.65),
        (9, 155, 42.95, 1.50), (10, 310, 48.30, 4.15), (11, 375, 43.10, 2.40), (12, 280, 44.30, 2.65),
        (13, 2045, 43.50, 5.10), (14, 695, 49.10, -0.35), (15, 144, 45.05, 2.65), (16, 350, 45.70, 0.20),
        (17, 655, 45.75, -0.70), (18, 300, 47.05, 2.50), (19, 240, 45.35, 1.85), (201, 160, 41.85, 8.95),
        (202, 180, 42.40, 9.20), (21, 535, 47.40, 4.75), (22, 600, 48.40, -2.85), (23, 116, 46.10, 2.00),
        (24, 413, 45.10, 0.75), (25, 545, 47.15, 6.35), (26, 520, 44.70, 5.15), (27, 600, 49.10, 1.00),
        (28, 430, 48.40, 1.35), (29, 915, 48.25, -4.05), (30, 750, 44.00, 4.20), (31, 1400, 43.35, 1.20),
        (32, 191, 43.70, 0.45), (33, 1625, 44.85, -0.55), (34, 1175, 43.60, 3.40), (35, 1080, 48.15, -1.65),
        (36, 220, 46.80, 1.55), (37, 610, 47.25, 0.70), (38, 1270, 45.25, 5.60), (39, 260, 46.75, 5.70),
        (40, 415, 43.95, -0.80), (41, 330, 47.60, 1.40), (42, 765, 45.70, 4.20), (43, 228, 45.10, 3.80),
        (44, 1430, 47.35, -1.70), (45, 680, 47.90, 2.20), (46, 174, 44.60, 1.60), (47, 330, 44.35, 0.45),
        (48, 76, 44.50, 3.50), (49, 820, 47.40, -0.55), (50, 495, 49.10, -1.30), (51, 565, 48.95, 4.25),
        (52, 172, 48.10, 5.20), (53, 307, 48.15, -0.65), (54, 733, 48.80, 6.10), (55, 184, 48.95, 5.40),
        (56, 760, 47.85, -2.85), (57, 1045, 49.05, 6.65), (58, 204, 47.10, 3.50), (59, 2610, 50.45, 3.20),
        (60, 830, 49.40, 2.45), (61, 280, 48.60, 0.10), (62, 1465, 50.50, 2.30), (63, 665, 45.75, 3.15),
        (64, 685, 43.30, -0.75), (65, 229, 43.05, 0.15), (66, 480, 42.60, 2.55), (67, 1140, 48.65, 7.55),
        (68, 765, 47.85, 7.25), (69, 1880, 45.85, 4.65), (70, 235, 47.65, 6.10), (71, 550, 46.65, 4.50),
        (72, 565, 48.00, 0.20), (73, 435, 45.50, 6.40), (74, 830, 46.00, 6.40), (75, 2165, 48.857, 2.347),
        (76, 1255, 49.65, 1.00), (77, 1420, 48.60, 2.95), (78, 1450, 48.80, 1.85), (79, 375, 46.55, -0.35),
        (80, 570, 49.95, 2.30), (81, 390, 43.80, 2.15), (82, 260, 44.05, 1.30), (83, 1075, 43.45, 6.20),
        (84, 560, 44.00, 5.15), (85, 690, 46.65, -1.30), (86, 440, 46.55, 0.45), (87, 375, 45.90, 1.25),
        (88, 365, 48.20, 6.40), (89, 335, 47.80, 3.55), (90, 142, 47.65, 6.90), (91, 1300, 48.55, 2.25),
        (92, 1625, 48.85, 2.22), (93, 1650, 48.92, 2.48), (94, 1410, 48.78, 2.47), (95, 1250, 49.08, 2.15),
    ]

    /// Overseas départements and collectivities, with their own boxes and commune numbers.
    private static let overseas: [FrenchDepartement] = [
        .init(code: 971, population: 385, latitude: 16.20, longitude: -61.55, halfLatitude: 0.2,
              halfLongitude: 0.25, urbanShare: 0.7, firstCommune: 1, lastCommune: 34),
        .init(code: 972, population: 360, latitude: 14.65, longitude: -61.02, halfLatitude: 0.2,
              halfLongitude: 0.12, urbanShare: 0.7, firstCommune: 1, lastCommune: 34),
        .init(code: 973, population: 285, latitude: 4.90, longitude: -52.60, halfLatitude: 0.4,
              halfLongitude: 0.6, urbanShare: 0.7, firstCommune: 1, lastCommune: 62),
        .init(code: 974, population: 865, latitude: -21.13, longitude: 55.53, halfLatitude: 0.2,
              halfLongitude: 0.22, urbanShare: 0.7, firstCommune: 1, lastCommune: 24),
        .init(code: 975, population: 6, latitude: 46.90, longitude: -56.30, halfLatitude: 0.1,
              halfLongitude: 0.08, urbanShare: 0.7, firstCommune: 1, lastCommune: 2),
        .init(code: 976, population: 280, latitude: -12.82, longitude: 45.15, halfLatitude: 0.12,
              halfLongitude: 0.08, urbanShare: 0.7, firstCommune: 1, lastCommune: 17),
        .init(code: 977, population: 10, latitude: 17.90, longitude: -62.83, halfLatitude: 0.02,
              halfLongitude: 0.03, urbanShare: 0.7, firstCommune: 1, lastCommune: 1),
        .init(code: 978, population: 32, latitude: 18.07, longitude: -63.06, halfLatitude: 0.03,
              halfLongitude: 0.05, urbanShare: 0.7, firstCommune: 1, lastCommune: 1),
        .init(code: 986, population: 11, latitude: -13.28, longitude: -176.18, halfLatitude: 0.05,
              halfLongitude: 0.05, urbanShare: 0.6, firstCommune: 11, lastCommune: 13),
        .init(code: 987, population: 280, latitude: -17.60, longitude: -149.45, halfLatitude: 0.2,
              halfLongitude: 0.2, urbanShare: 0.7, firstCommune: 11, lastCommune: 58),
        .init(code: 988, population: 270, latitude: -21.70, longitude: 165.80, halfLatitude: 0.6,
              halfLongitude: 1.0, urbanShare: 0.7, firstCommune: 1, lastCommune: 33),
    ]
}

/// Draws départements in proportion to population (binary search in cumulative weights).
struct DepartementSampler: Sendable {
    let departements = FrenchDepartement.all
    private let cumulative: [Double]

    init() {
        var running = 0.0
        let total = departements.reduce(0) { $0 + $1.population }
        cumulative = departements.map { running += $0.population; return running / total }
    }

    /// Index into `departements`.
    @inline(__always) func sample(_ r: inout SyntheticRandom) -> Int {
        let u = r.unit()
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > u { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
