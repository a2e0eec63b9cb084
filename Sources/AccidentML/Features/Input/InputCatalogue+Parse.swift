extension InputCatalogue {
    /// Where a field sits in the request, rendered only when an error is thrown (so that valid
    /// requests allocate no path strings).
    struct Path {
        var list: String?
        var index = 0
        func callAsFunction(_ name: String) -> String { list.map { "\($0)[\(index)].\(name)" } ?? name }
    }

    /// Validates one level of a request and stores its values into `row`.
    func parse(_ record: [String: RawValue], at path: Path = Path(), into row: inout FeatureRow) throws {
        var requiredSeen = 0, timeFields = 0
        for (name, value) in record {
            guard let entry = entries[name] else {
                throw FeatureInputError.unknownField(path: path(name), known: fields.map(\.name))
            }
            if case .null = value { continue }
            if entry.field.required { requiredSeen += 1 }
            if entry.target.isTimeOfDay { timeFields += 1 }
            try store(value, of: entry, at: path, into: &row)
        }
        if timeFields > 1 {
            let names = fields.map(\.name).filter { entries[$0]!.target.isTimeOfDay }
            throw FeatureInputError.conflictingFields(path: path(names[1]), other: path(names[0]))
        }
        if requiredSeen < requiredCount, let missing = fields.first(where: { f in
            f.required && (record[f.name] ?? .null) == .null
        }) {
            throw FeatureInputError.missingField(path: path(missing.name), expected: missing.kind.allowedDescription)
        }
        let a = row.accident
        if a.year > 0, a.month > 0, a.day > CalendarDate.daysInMonth(year: Int(a.year), month: Int(a.month)) {
            throw FeatureInputError.outOfRange(
                path: path(BAACField.jour.rawValue), value: "\(a.day)",
                expected: "a day in 1...\(CalendarDate.daysInMonth(year: Int(a.year), month: Int(a.month))) for month \(a.month) of \(a.year)")
        }
    }

    /// Validates one present value and stores it.
    private func store(_ value: RawValue, of entry: Entry, at path: Path, into row: inout FeatureRow) throws {
        let name = entry.field.name, kind = entry.field.kind
        func wrongType() -> FeatureInputError {
            .wrongType(path: path(name), found: value.typeName, expected: kind.allowedDescription)
        }
        switch (kind, entry.target) {
        case let (.records, target):
            guard case let .array(items) = value else { throw wrongType() }
            let catalogue = target.isVehicles ? Self.vehicleItem : Self.userItem
            for (i, item) in items.enumerated() {
                guard case let .object(fields) = item else {
                    throw FeatureInputError.wrongType(path: "\(path(name))[\(i)]", found: item.typeName, expected: "an object")
                }
                var parsed = FeatureRow.missing
                try catalogue.parse(fields, at: Path(list: path(name), index: i), into: &parsed)
                if target.isVehicles { row.context.add(vehicle: parsed.vehicle) } else { row.context.add(user: parsed.user) }
            }
        case let (.codeList(allowed), _):
            guard case let .array(items) = value else { throw wrongType() }
            for (i, item) in items.enumerated() {
                guard let code = Self.integer(item) else {
                    throw FeatureInputError.wrongType(path: "\(path(name))[\(i)]", found: item.typeName, expected: "an integer code")
                }
                guard code == -1 || allowed.contains(code) else {
                    throw FeatureInputError.outOfRange(path: "\(path(name))[\(i)]", value: "\(code)", expected: kind.allowedDescription)
                }
                row.context.addMass(of: Int8(code))
            }
            row.heaviestOtherVehicle = row.context.heaviestMass(excluding: nil)
        case (.time, _):
            guard case let .string(text) = value else { throw wrongType() }
            guard let (hour, minute) = Self.time(text) else {
                throw FeatureInputError.outOfRange(path: path(name), value: "\"\(text)\"", expected: kind.allowedDescription)
            }
            row.accident.hour = hour
            row.accident.minute = minute
        case let (.code(allowed, aliases), target):
            let code: Int
            if case let .string(text) = value, !aliases.isEmpty {
                guard let aliased = aliases[text] else {
                    throw FeatureInputError.outOfRange(path: path(name), value: "\"\(text)\"", expected: kind.allowedDescription)
                }
                code = aliased
            } else {
                guard let number = Self.integer(value) else { throw wrongType() }
                code = number
            }
            if code == -1 { return }
            guard allowed.contains(code) else {
                throw FeatureInputError.outOfRange(path: path(name), value: "\(code)", expected: kind.allowedDescription)
            }
            target.write(Double(code), into: &row)
        case let (.integer(range), target):
            guard let number = Self.integer(value) else { throw wrongType() }
            guard range.contains(number) else {
                throw FeatureInputError.outOfRange(path: path(name), value: "\(number)", expected: kind.allowedDescription)
            }
            target.write(Double(number), into: &row)
        case let (.number(range), target):
            let number: Double
            switch value {
            case let .integer(i): number = Double(i)
            case let .number(d): number = d
            default: throw wrongType()
            }
            guard range.contains(number) else {
                throw FeatureInputError.outOfRange(path: path(name), value: "\(number)", expected: kind.allowedDescription)
            }
            target.write(number, into: &row)
        case let (.flag, target):
            let flag: Int
            switch value {
            case let .bool(b): flag = b ? 1 : 0
            case let .integer(i) where i == 0 || i == 1: flag = i
            case let .integer(i):
                throw FeatureInputError.outOfRange(path: path(name), value: "\(i)", expected: kind.allowedDescription)
            default: throw wrongType()
            }
            target.write(Double(flag), into: &row)
        }
    }

    /// A whole number given as a JSON integer or an integral number.
    private static func integer(_ value: RawValue) -> Int? {
        switch value {
        case let .integer(i): i
        case let .number(d) where d.rounded() == d && abs(d) < 1e15: Int(d)
        default: nil
        }
    }

    /// Hour and minute of `"H:MM"` / `"HH:MM"`, or nil.
    static func time(_ text: String) -> (Int8, Int8)? {
        var hour = 0, minute = 0, digits = 0, seenColon = false, minuteDigits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":") where !seenColon && digits > 0: seenColon = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int(byte - UInt8(ascii: "0"))
                if seenColon { minute = minute * 10 + d; minuteDigits += 1 } else { hour = hour * 10 + d; digits += 1 }
            default: return nil
            }
        }
        guard seenColon, digits <= 2, minuteDigits == 2, hour < 24, minute < 60 else { return nil }
        return (Int8(hour), Int8(minute))
    }
}

extension InputCatalogue.Target {
    var isVehicles: Bool { if case .vehicles = self { true } else { false } }

    /// `hrmn` or `hour`: at most one of them may be given.
    var isTimeOfDay: Bool {
        switch self {
        case .time, .hour: true
        default: false
        }
    }

    /// Stores a validated scalar value.
    func write(_ x: Double, into row: inout FeatureRow) {
        switch self {
        case let .field(f): f.write(x, into: &row)
        case .hour: row.accident.hour = Int8(x)
        case let .context(feature):
            switch feature {
            case .vehicleCount: row.context.vehicleCount = Int16(x)
            case .personCount: row.context.personCount = Int16(x)
            case .pedestrianCount: row.context.pedestrianCount = Int16(x)
            case .twoWheelerCount: row.context.twoWheelerCount = Int16(x)
            case .heavyVehicleCount: row.context.heavyVehicleCount = Int16(x)
            case .fixedObstacle: row.context.fixedObstacle = Int8(x)
            default: preconditionFailure("\(feature) is not a request field")
            }
        case .time, .otherVehicles, .vehicles, .users:
            preconditionFailure("\(self) is not a scalar field")
        }
    }
}
