extension BAACWriter {
    /// The official text layouts of the yearly BAAC files.
    ///
    /// Named after the first year that used them; see `../shared/data/baac-raw-sample/README.md`.
    public enum Layout: String, Sendable, CaseIterable {
        /// 2005–2018: `,`, unquoted, Latin-1, 2-digit `an`, integer `hrmn`, coordinates in 1e-5
        /// degrees plus `gps`, `dep` with a trailing 0, 3-digit `com`, one two-digit `secu`.
        case y2005
        /// 2019–2021: `;`, every field quoted, double-encoded UTF-8, `" -1"` for missing codes,
        /// decimal commas, `hrmn` `"HH:MM"`, `secu1..3`, `id_vehicule`, `vma`, `motor`.
        case y2019
        /// 2022 on: as 2019, plus `carcteristiques-YYYY.csv` with `Accident_Id`, and `id_usager`.
        case y2022

        /// The layout the official files of `year` use.
        public static func official(forYear year: Int) -> Layout {
            year <= 2018 ? .y2005 : year <= 2021 ? .y2019 : .y2022
        }

        /// The four file names of `year`, in the order caracteristiques, lieux, vehicules, usagers.
        public func fileNames(year: Int) -> [String] {
            let sep = self == .y2005 ? "_" : "-"
            let characteristics = self == .y2022 ? "carcteristiques" : "caracteristiques"
            return [characteristics, "lieux", "vehicules", "usagers"].map { "\($0)\(sep)\(year).csv" }
        }

        /// Column names of the four files, in the official order.
        public var columns: [[String]] {
            switch self {
            case .y2005:
                [["Num_Acc", "an", "mois", "jour", "hrmn", "lum", "agg", "int", "atm", "col", "com", "adr",
                  "gps", "lat", "long", "dep"],
                 ["Num_Acc", "catr", "voie", "v1", "v2", "circ", "nbv", "pr", "pr1", "vosp", "prof", "plan",
                  "lartpc", "larrout", "surf", "infra", "situ", "env1"],
                 ["Num_Acc", "senc", "catv", "occutc", "obs", "obsm", "choc", "manv", "num_veh"],
                 ["Num_Acc", "place", "catu", "grav", "sexe", "trajet", "secu", "locp", "actp", "etatp",
                  "an_nais", "num_veh"]]
            case .y2019, .y2022:
                [[self == .y2022 ? "Accident_Id" : "Num_Acc", "jour", "mois", "an", "hrmn", "lum", "dep",
                  "com", "agg", "int", "atm", "col", "adr", "lat", "long"],
                 ["Num_Acc", "catr", "voie", "v1", "v2", "circ", "nbv", "vosp", "prof", "pr", "pr1", "plan",
                  "lartpc", "larrout", "surf", "infra", "situ", "vma"],
                 ["Num_Acc", "id_vehicule", "num_veh", "senc", "catv", "obs", "obsm", "choc", "manv", "motor",
                  "occutc"],
                 ["Num_Acc"] + (self == .y2022 ? ["id_usager"] : [])
                    + ["id_vehicule", "num_veh", "place", "catu", "grav", "sexe", "an_nais", "trajet", "secu1",
                       "secu2", "secu3", "locp", "actp", "etatp"]]
            }
        }

        /// The header line of each file, without its line feed, as the official files write it.
        public var headerLines: [String] {
            columns.map { names in
                self == .y2005 ? names.joined(separator: ",") : names.map { "\"\($0)\"" }.joined(separator: ";")
            }
        }
    }
}
