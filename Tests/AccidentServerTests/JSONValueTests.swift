import Foundation
import Testing
@testable import AccidentServer

@Suite("JSON writer")
struct JSONValueTests {
    @Test func foundationReadsBackWhatIsWritten() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{07} accent é emoji 🚑"
        let value: JSONValue = .object([
            "text": .string(text), "int": 42, "number": .number(0.1), "tiny": .number(1e-7),
            "bool": true, "null": .null, "list": [1, "two", .number(-3.5)],
        ])
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(buffer: value.serialized())) as? [String: Any])
        #expect(parsed["text"] as? String == text)
        #expect(parsed["int"] as? Int == 42)
        #expect(parsed["number"] as? Double == 0.1)
        #expect(parsed["tiny"] as? Double == 1e-7)
        #expect(parsed["bool"] as? Bool == true)
        #expect(parsed["null"] is NSNull)
        #expect((parsed["list"] as? [Any])?.count == 3)
    }

    @Test func keysKeepTheirOrderAndNilsAreDropped() {
        let value: JSONValue = .object(["b": 1, "a": nil, "c": .string(nil), "d": 2])
        #expect(value.text == #"{"b":1,"d":2}"#)
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONValue.array([.number(.nan), .number(.infinity)]).text == "[null,null]")
    }
}
