/// The three layouts the yearly BAAC files have been published in.
///
/// Detected from each year's header lines (columns present), never from file names.
/// `docs/baac-layouts.md` describes each one.
public enum BAACLayout: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 2005–2018: `,` (2009 characteristics: tab), unquoted, Latin-1, `gps` column, old codes.
    case y2005
    /// 2019–2021: `;`, quoted, UTF-8, `" -1"`, decimal commas, `secu1..3`, `id_vehicule`.
    case y2019
    /// 2022+: as 2019, with `Accident_Id` in the characteristics and `id_usager` in users.
    case y2022

    /// The layout's name with its years, e.g. `2019–2021 layout`.
    public var description: String {
        switch self {
        case .y2005: "2005–2018 layout"
        case .y2019: "2019–2021 layout"
        case .y2022: "2022+ layout"
        }
    }

    /// Whether this is the pre-2019 layout (old codes, scaled coordinates, one `secu`).
    var isOld: Bool { self == .y2005 }
}

/// The four tables (files) of a BAAC year.
public enum BAACTableKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `caracteristiques` (accidents).
    case characteristics
    /// `lieux` (places).
    case places
    /// `vehicules` (vehicles).
    case vehicles
    /// `usagers` (users, i.e. persons).
    case users

    /// The file name stems that denote this table (the 2022 file is misspelt `carcteristiques`).
    var fileStems: [String] {
        switch self {
        case .characteristics: ["caracteristiques", "carcteristiques"]
        case .places: ["lieux"]
        case .vehicles: ["vehicules"]
        case .users: ["usagers"]
        }
    }

    /// The official file name stem, e.g. `usagers`.
    public var description: String { fileStems[0] }
}

extension BAACLayout {
    /// Detects the layout of a year from its characteristics and users headers.
    ///
    /// `Accident_Id` means 2022+; a `gps` column means 2005–2018; otherwise 2019–2021. The users
    /// header must agree (`secu` alone before 2019, `secu1` from 2019).
    static func detect(characteristics: CSVHeader, characteristicsFile: String,
                       users: CSVHeader, usersFile: String) throws(BAACReadError) -> BAACLayout {
        let layout: BAACLayout
        if characteristics.index(of: "Accident_Id") != nil {
            layout = .y2022
        } else if characteristics.index(of: "Num_Acc") != nil {
            layout = characteristics.index(of: "gps") != nil ? .y2005 : .y2019
        } else {
            throw .unknownLayout(file: characteristicsFile,
                                 detail: "no Num_Acc or Accident_Id column in the header \(characteristics.names.prefix(20))")
        }
        let usersOld = users.index(of: "secu") != nil && users.index(of: "secu1") == nil
        let usersNew = users.index(of: "secu1") != nil
        if (layout.isOld && usersNew) || (!layout.isOld && usersOld) {
            throw .unknownLayout(file: usersFile, detail: "its header (\(usersNew ? "secu1" : "secu")) does not match "
                                 + "the \(layout) of the characteristics file \(characteristicsFile)")
        }
        return layout
    }
}
