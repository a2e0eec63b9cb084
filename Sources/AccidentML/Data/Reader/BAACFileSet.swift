import Foundation

/// The four files of one BAAC year.
public struct BAACFileSet: Sendable, Hashable {
    /// The year in the file names, when the set was found in a folder.
    public var year: Int?
    /// `caracteristiques` (`carcteristiques-2022.csv` in 2022).
    public var characteristics: URL
    /// `lieux`.
    public var places: URL
    /// `vehicules`.
    public var vehicles: URL
    /// `usagers`.
    public var users: URL

    /// Creates a set from its four files (any names: the layout is read from the headers).
    public init(year: Int? = nil, characteristics: URL, places: URL, vehicles: URL, users: URL) {
        self.year = year
        self.characteristics = characteristics; self.places = places
        self.vehicles = vehicles; self.users = users
    }

    /// The file of one table.
    public subscript(table: BAACTableKind) -> URL {
        switch table {
        case .characteristics: characteristics
        case .places: places
        case .vehicles: vehicles
        case .users: users
        }
    }

    /// The file sets in `folder` and its subfolders, one per year, years ascending.
    ///
    /// Files are recognised by name, `<table>-<year>.csv` or `<table>_<year>.csv` with table
    /// `caracteristiques` (or `carcteristiques`), `lieux`, `vehicules`, `usagers` (case
    /// ignored); other files are ignored. Names only group files: layouts come from headers.
    public static func find(in folder: URL) throws(BAACReadError) -> [BAACFileSet] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw .cannotRead(file: folder.path, reason: "not a readable folder")
        }
        var found: [Int: [BAACTableKind: [URL]]] = [:]
        for case let url as URL in walker {
            guard let (table, year) = recognise(url.lastPathComponent) else { continue }
            found[year, default: [:]][table, default: []].append(url)
        }
        guard !found.isEmpty else { throw .noBAACFiles(folder: folder.path) }
        return try found.keys.sorted().map { year throws(BAACReadError) in
            var urls: [BAACTableKind: URL] = [:]
            for table in BAACTableKind.allCases {
                let candidates = found[year]![table, default: []].sorted { $0.path < $1.path }
                guard let first = candidates.first else { throw .missingFile(folder: folder.path, year: year, table: table) }
                guard candidates.count == 1 else {
                    throw .ambiguousFiles(year: year, table: table, files: candidates.map(\.path))
                }
                urls[table] = first
            }
            return BAACFileSet(year: year, characteristics: urls[.characteristics]!, places: urls[.places]!,
                               vehicles: urls[.vehicles]!, users: urls[.users]!)
        }
    }

    /// The table and year a BAAC file name denotes, e.g. `usagers_2016.csv` → (users, 2016).
    static func recognise(_ name: String) -> (BAACTableKind, Int)? {
        let lower = name.lowercased()
        guard lower.hasSuffix(".csv") else { return nil }
        let stem = lower.dropLast(4)
        guard stem.count > 5 else { return nil }
        let yearText = stem.suffix(4), separator = stem.dropLast(4).last
        guard separator == "-" || separator == "_", yearText.allSatisfy(\.isASCII), let year = Int(yearText) else { return nil }
        let prefix = String(stem.dropLast(5))
        guard let table = BAACTableKind.allCases.first(where: { $0.fileStems.contains(prefix) }) else { return nil }
        return (table, year)
    }
}
