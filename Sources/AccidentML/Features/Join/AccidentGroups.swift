/// The accident-level half of both joins: accident ids → index, each accident's place and its
/// context accumulated over every vehicle and person (one hash pass per table, no nested loops).
struct AccidentGroups {
    /// Accident id → index in `tables.accidents` (first occurrence wins).
    let indexOfAccident: [Int64: Int]
    /// Index in `tables.places` of each accident's place, -1 when absent.
    let placeIndex: [Int]
    /// Context of each accident.
    let contexts: [AccidentContext]
    /// Repeated accident ids and places seen.
    let duplicateKeys: Int

    init(_ tables: BAACTables) {
        var index = [Int64: Int](minimumCapacity: tables.accidents.count)
        var duplicates = 0
        for (i, a) in tables.accidents.enumerated() {
            if index[a.id] == nil { index[a.id] = i } else { duplicates += 1 }
        }
        var places = [Int](repeating: -1, count: tables.accidents.count)
        for (p, place) in tables.places.enumerated() {
            guard let a = index[place.accidentID] else { continue }
            if places[a] < 0 { places[a] = p } else { duplicates += 1 }
        }
        var contexts = [AccidentContext](repeating: .empty, count: tables.accidents.count)
        for v in tables.vehicles { if let a = index[v.accidentID] { contexts[a].add(vehicle: v) } }
        for u in tables.users { if let a = index[u.accidentID] { contexts[a].add(user: u) } }
        indexOfAccident = index; placeIndex = places; self.contexts = contexts; duplicateKeys = duplicates
    }

    /// The place of accident `a`, or a missing place.
    func place(of a: Int, in tables: BAACTables) -> Place? {
        placeIndex[a] >= 0 ? tables.places[placeIndex[a]] : nil
    }
}
