import Testing
@testable import AccidentRegistry

/// `models:/NAME@ALIAS` and `models:/NAME/VERSION` parse into typed references; anything else is refused with the reason.
@Suite struct ModelReferenceTests {
    @Test func aliasAndVersionReferencesParse() throws {
        let alias = try ModelReference(parsing: "models:/accident-severity@champion")
        #expect(alias.name == "accident-severity" && alias.selector == .alias("champion") && alias.alias == "champion")
        #expect(alias.description == "models:/accident-severity@champion")
        let version = try ModelReference(parsing: "models:/accident-severity/12")
        #expect(version.name == "accident-severity" && version.selector == .version(12) && version.alias == nil)
        #expect(version.description == "models:/accident-severity/12")
    }

    @Test func shortFormsParseOnlyWhenAllowed() throws {
        #expect(try ModelReference(parsing: "m@prod", requireScheme: false) == ModelReference(name: "m", selector: .alias("prod")))
        #expect(try ModelReference(parsing: "m/3", requireScheme: false) == ModelReference(name: "m", selector: .version(3)))
        #expect(throws: RegistryError.self) { try ModelReference(parsing: "m@prod") }
    }

    @Test(arguments: ["models:/", "models:/name", "models:/name/0", "models:/name/x", "models:/name/1/2", "models:/@a",
                      "models:/n@", "models:/n@a b", "models:/a/b@c", "runs:/abc/model"])
    func malformedReferencesAreRefusedWithTheFix(text: String) {
        #expect {
            try ModelReference(parsing: text)
        } throws: { error in
            guard let e = error as? RegistryError, case .invalidReference(let t, _) = e else { return false }
            return t == text && e.description.contains("models:/NAME@ALIAS") && e.description.contains("models:/NAME/VERSION")
        }
    }

    @Test func onlyTheSchemeMarksAReference() {
        #expect(ModelReference.isReference("models:/m@champion"))
        #expect(!ModelReference.isReference("runs/default/model.aml"))
        #expect(!ModelReference.isReference("m@champion"))
    }
}
