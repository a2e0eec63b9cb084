/// Rows of the 2019+ layouts: `;`-separated, every field double-quoted, `" -1"` for a missing
/// code, decimal commas, `"HH:MM"`, text `dep`/`com`, ids grouped with a double-encoded
/// no-break space (`201Â 764`), and (2022) `id_usager`.
struct ModernRowEncoder: BAACRowEncoder {
    /// `.y2019` or `.y2022`.
    let layout: BAACWriter.Layout
    /// The `adr` values.
    let text: PlaceholderText

    init(layout: BAACWriter.Layout) {
        precondition(layout != .y2005, "ModernRowEncoder writes the 2019+ layouts")
        self.layout = layout
        text = PlaceholderText(layout: layout)
    }

    func encode(_ a: Accident, into out: inout CSVByteBuffer) {
        out.append("\"")
        out.appendDigits(a.id.magnitude)
        code(a.day, &out)
        if a.month < 0 { code(a.month, &out) } else { open(&out); out.appendDigits(UInt64(a.month), minimumDigits: 2) }
        code(Int(a.year), &out)
        open(&out)
        if a.hour >= 0 && a.minute >= 0 {
            out.appendDigits(UInt64(a.hour), minimumDigits: 2)
            out.append(UInt8(ascii: ":"))
            out.appendDigits(UInt64(a.minute), minimumDigits: 2)
        }
        code(a.lum, &out)
        open(&out)
        Self.appendDepartement(a.departement, &out)
        open(&out)
        Self.appendCommune(a.commune, &out)
        code(a.agg, &out); code(a.intersection, &out); code(a.atm, &out); code(a.col, &out)
        open(&out); out.append(text.address(for: a.id))
        coordinate(a.latitude, &out)
        coordinate(a.longitude, &out)
        out.append("\"\n")
    }

    func encode(_ p: Place, into out: inout CSVByteBuffer) {
        out.append("\"")
        out.appendDigits(p.accidentID.magnitude)
        code(p.catr, &out)
        out.append("\";\"N/A\";\" -1\";\"N/A")  // voie, v1, v2
        code(p.circ, &out); code(p.nbv, &out); code(p.vosp, &out); code(p.prof, &out)
        out.append("\";\"(1)\";\"(1)")  // pr, pr1
        code(p.plan, &out)
        out.append("\";\"")  // lartpc
        open(&out)
        if p.roadWidth.isNaN || p.roadWidth < 0 {
            out.append(" -1")
        } else {
            // Shortest form with at most two decimals: 5 → "5", 5.5 → "5,5", 5.25 → "5,25".
            let hundredths = UInt64((Double(p.roadWidth) * 100).rounded())
            out.appendDigits(hundredths / 100)
            let cents = hundredths % 100
            if cents != 0 {
                out.append(UInt8(ascii: ","))
                if cents % 10 == 0 { out.appendDigits(cents / 10) } else { out.appendDigits(cents, minimumDigits: 2) }
            }
        }
        code(p.surf, &out); code(p.infra, &out); code(p.situ, &out); code(Int(p.vma), &out)
        out.append("\"\n")
    }

    func encode(_ v: Vehicle, into out: inout CSVByteBuffer) {
        out.append("\"")
        out.appendDigits(v.accidentID.magnitude)
        open(&out); Self.appendID(v.vehicleID, &out)
        open(&out); out.append(v.number)
        code(v.senc, &out); code(v.catv, &out); code(v.obs, &out); code(v.obsm, &out)
        code(v.choc, &out); code(v.manv, &out); code(v.motor, &out)
        open(&out)
        if v.occutc >= 0 { out.appendDigits(UInt64(v.occutc)) }
        out.append("\"\n")
    }

    func encode(_ u: User, into out: inout CSVByteBuffer) {
        out.append("\"")
        out.appendDigits(u.accidentID.magnitude)
        if layout == .y2022 { open(&out); Self.appendID(u.userID, &out) }
        open(&out); Self.appendID(u.vehicleID, &out)
        open(&out); out.append(u.vehicleNumber)
        code(u.place, &out); code(u.catu, &out); code(u.grav, &out); code(u.sexe, &out)
        open(&out)
        if u.birthYear >= 0 { out.appendDigits(UInt64(u.birthYear)) }
        code(u.trajet, &out); code(u.secu1, &out); code(u.secu2, &out); code(u.secu3, &out)
        code(u.locp, &out)
        open(&out)
        if u.actp < 0 { out.append(" -1") } else { out.appendPedestrianAction(u.actp) }
        code(u.etatp, &out)
        out.append("\"\n")
    }

    /// Closes the previous field and opens the next: `";"`.
    @inline(__always) private func open(_ out: inout CSVByteBuffer) { out.append("\";\"") }

    /// A new field holding a code; negative codes get the official leading space (`" -1"`).
    @inline(__always) private func code<I: BinaryInteger>(_ value: I, _ out: inout CSVByteBuffer) {
        open(&out)
        if value < 0 { out.append(UInt8(ascii: " ")) }
        out.appendInteger(Int(value))
    }

    /// A new field holding degrees with 10 decimals and a decimal comma (`" -0,9644600000"`).
    @inline(__always) private func coordinate(_ degrees: Double, _ out: inout CSVByteBuffer) {
        open(&out)
        guard !degrees.isNaN else { return }
        let (scaled, negative) = CSVByteBuffer.scaledMagnitude(degrees, decimals: 10)
        if negative { out.append(" -") }
        out.appendFixedPoint(scaled, decimals: 10, separator: UInt8(ascii: ","))
    }

    /// `dep` text: `07`, `2A`/`2B` (201/202), `974`; empty when missing.
    @inline(__always) static func appendDepartement(_ dep: Int16, _ out: inout CSVByteBuffer) {
        switch dep {
        case 201: out.append("2A")
        case 202: out.append("2B")
        case 0...: out.appendDigits(UInt64(dep), minimumDigits: 2)
        default: break
        }
    }

    /// `com` text, 5 characters: `07155`, `2A004` (201004), `97418`; empty when missing.
    @inline(__always) static func appendCommune(_ com: Int32, _ out: inout CSVByteBuffer) {
        switch com {
        case 201_000..<203_000:
            out.append(com < 202_000 ? "2A" : "2B")
            out.appendDigits(UInt64(com % 1000), minimumDigits: 3)
        case 0...: out.appendDigits(UInt64(com), minimumDigits: 5)
        default: break
        }
    }

    /// An id as in `id_vehicule`: digits grouped by thousands with the double-encoded no-break
    /// space (bytes C3 82 C2 A0); empty when missing.
    @inline(__always) static func appendID(_ id: Int64, _ out: inout CSVByteBuffer) {
        if id >= 0 { out.appendGroupedDigits(UInt64(id), separator: "\u{C2}\u{A0}") }
    }
}
