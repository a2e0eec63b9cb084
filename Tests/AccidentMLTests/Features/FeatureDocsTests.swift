import Foundation
import Testing
@testable import AccidentML

/// docs/features.md must list the request fields exactly as the encoder accepts them (the
/// server's JSON schema comes from `FittedEncoder.inputFields`).
@Suite struct FeatureDocsTests {
    static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/features.md")

    /// The markdown table of a list of request fields.
    static func table(_ fields: [InputField]) -> String {
        var lines = ["| field | accepts | required | meaning |", "|---|---|---|---|"]
        for f in fields {
            let accepts: String
            if case .records = f.kind { accepts = "array of objects (fields below)" } else { accepts = f.kind.allowedDescription }
            lines.append("| `\(f.name)` | \(accepts.replacingOccurrences(of: "|", with: "\\|")) | \(f.required ? "yes" : "no") | \(f.summary) |")
        }
        return lines.joined(separator: "\n")
    }

    @Test func docsListEveryRequestField() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        let tables = [
            ("person", InputCatalogue.person.fields), ("accident", InputCatalogue.accident.fields),
            ("accident `vehicles[]`", InputCatalogue.vehicleItem.fields), ("accident `users[]`", InputCatalogue.userItem.fields),
        ]
        for (name, fields) in tables {
            let table = Self.table(fields)
            #expect(text.contains(table), "docs/features.md must contain the \(name) request table:\n\(table)")
        }
    }
}
