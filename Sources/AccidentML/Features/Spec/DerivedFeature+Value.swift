extension DerivedFeature {
    /// The feature's value in a row, NaN when missing (read through a pointer, see `BAACField`).
    @inline(__always)
    func value(in p: UnsafePointer<FeatureRow>) -> Float {
        @inline(__always) func known<T: BinaryInteger>(_ x: T) -> Float { x < 0 ? .nan : Float(x) }
        @inline(__always) func ratio(_ part: Int16, _ whole: Int16) -> Float {
            part < 0 || whole <= 0 ? .nan : Float(part) / Float(whole)
        }
        @inline(__always) func years(since birth: Int16) -> Float {
            birth <= 0 || p.pointee.accident.year <= 0 ? .nan : Float(p.pointee.accident.year - birth)
        }
        let a = p.pointee.accident, c = p.pointee.context
        switch self {
        case .age: return years(since: p.pointee.user.birthYear)
        case .hour: return known(a.hour)
        case .minuteOfDay: return a.hour < 0 || a.minute < 0 ? .nan : Float(Int(a.hour) * 60 + Int(a.minute))
        case .weekday: return known(CalendarDate.isoWeekday(year: Int(a.year), month: Int(a.month), day: Int(a.day)))
        case .night: return a.lum < 1 ? .nan : (a.lum >= 3 ? 1 : 0)
        case .insideAgglomeration: return a.agg == 2 ? 1 : (a.agg == 1 ? 0 : .nan)
        case .speedLimitBand: return known(Self.speedBand(vma: p.pointee.place.vma))
        case .vehicleCount: return known(c.vehicleCount)
        case .personCount: return known(c.personCount)
        case .pedestrianCount: return known(c.pedestrianCount)
        case .twoWheelerCount: return known(c.twoWheelerCount)
        case .heavyVehicleCount: return known(c.heavyVehicleCount)
        case .twoWheelerShare: return ratio(c.twoWheelerCount, c.vehicleCount)
        case .heavyVehicleShare: return ratio(c.heavyVehicleCount, c.vehicleCount)
        case .pedestrianShare: return ratio(c.pedestrianCount, c.personCount)
        case .fixedObstacle: return known(c.fixedObstacle)
        case .heaviestOtherVehicle: return known(p.pointee.heaviestOtherVehicle)
        case .safetyEquipmentUsed: return known(AccidentContext.safetyEquipmentUsed(p.pointee.user))
        case .vehicleGroup: return known(VehicleCategory.of(catv: p.pointee.vehicle.catv).group)
        case .heaviestVehicle: return c.vehicleCount < 0 ? .nan : known(c.heaviestMass(excluding: nil))
        case .unprotectedOccupant: return known(c.unprotectedOccupant)
        case .youngestAge: return years(since: c.latestBirthYear)
        case .oldestAge: return years(since: c.earliestBirthYear)
        }
    }

    /// The `speed_limit_band` of a speed limit, -1 outside 1...130 km/h.
    @inline(__always)
    static func speedBand(vma: Int16) -> Int8 {
        switch vma {
        case 1...30: 1
        case 31...50: 2
        case 51...70: 3
        case 71...80: 4
        case 81...90: 5
        case 91...110: 6
        case 111...130: 7
        default: -1
        }
    }
}
