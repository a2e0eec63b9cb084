/// Plausible values for the free-text `adr` column, which the schema does not keep, encoded as
/// the official files store text: double-encoded UTF-8 from 2019 (`après` → `aprÃ¨s`), Latin-1
/// before.
struct PlaceholderText: Sendable {
    /// Street names in the style of the real files (accents, apostrophes, no separators).
    static let addresses = [
        "Route départementale 12", "RUE DE LA REPUBLIQUE", "Avenue du Général de Gaulle",
        "GAMBETTA (BOULEVARD)", "Chemin des Prés", "Place de l'Église", "PASTEUR (RUE)", "Route de Nîmes",
        "Avenue Jean Jaurès", "Rue du Château", "RN 7", "A6", "D 934", "Rue des Écoles", "Quai de Saône",
        "Rond-point de la Libération",
    ]

    /// The encoded addresses, indexed like `addresses`.
    let encodedAddresses: [[UInt8]]

    /// Encodes the placeholders for one layout.
    init(layout: BAACWriter.Layout) {
        encodedAddresses = PlaceholderText.addresses.map {
            layout == .y2005 ? PlaceholderText.latin1($0) : PlaceholderText.doubleEncodedUTF8($0)
        }
    }

    /// The address written for an accident (a fixed function of its id).
    @inline(__always) func address(for accidentID: Int64) -> [UInt8] {
        encodedAddresses[Int(accidentID.magnitude % UInt64(encodedAddresses.count))]
    }

    /// UTF-8 bytes read as Latin-1 and encoded as UTF-8 again, the defect of the 2019+ files.
    static func doubleEncodedUTF8(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in text.utf8 {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(0xC0 | byte >> 6)
                out.append(0x80 | byte & 0x3F)
            }
        }
        return out
    }

    /// Latin-1 bytes; every character must be in U+0000…U+00FF.
    static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map {
            precondition($0.value < 256, "\($0) has no Latin-1 byte")
            return UInt8($0.value)
        }
    }
}
