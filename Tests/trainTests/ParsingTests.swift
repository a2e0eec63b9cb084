import Testing
@testable import train

@Suite struct ParsingTests {
    @Test func rootParses() throws {
        _ = try TrainCommand.parseAsRoot([])
    }
}
