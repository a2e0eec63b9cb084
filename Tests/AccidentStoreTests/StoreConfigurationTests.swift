import Testing
@testable import AccidentStore

@Suite struct StoreConfigurationTests {
    @Test func parsesAFullURL() throws {
        let c = try StoreConfiguration(url: "postgres://accidentml:s%40cr%3At@127.0.0.1:54329/accidents?sslmode=disable&connect_timeout=3&schema=staging")
        #expect(c.host == "127.0.0.1")
        #expect(c.port == 54329)
        #expect(c.username == "accidentml")
        #expect(c.password == "s@cr:t")
        #expect(c.database == "accidents")
        #expect(c.tls == .disable)
        #expect(c.connectTimeout == .seconds(3))
        #expect(c.schema == "staging")
    }

    @Test func defaultsPortAndTLSAndAcceptsPostgresqlScheme() throws {
        let c = try StoreConfiguration(url: "postgresql://me@db.example/accidents")
        #expect(c.port == 5432)
        #expect(c.password == nil)
        #expect(c.tls == .prefer)
        #expect(c.schema == nil)
    }

    @Test(arguments: [
        "http://u:p@h/db", "postgres://u:p@h", "postgres://u:p@h/a/b", "postgres://h/db", "postgres://u:p@h:0/db",
        "postgres://u:p@h/db?sslmode=sometimes", "postgres://u:p@h/db?password=x", "postgres://u:p@h/db?connect_timeout=-1",
        "postgres://u:p@/db", "not a url at all",
    ])
    func rejectsMalformedURLs(_ url: String) {
        #expect(throws: StoreConfigurationError.self) { try StoreConfiguration(url: url) }
    }

    @Test func errorsAndDescriptionsNeverShowThePassword() throws {
        let c = try StoreConfiguration(url: "postgres://u:hunter2@h:1/db?sslmode=require")
        #expect(c.description == "postgres://u:***@h:1/db?sslmode=require")
        do {
            _ = try StoreConfiguration(url: "postgres://u:hunter2@h:1/db?password=hunter2")
            Issue.record("an unknown parameter was accepted")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.contains("'password'"))
        }
    }

    @Test func readsTheEnvironment() throws {
        let c = try StoreConfiguration(environment: [
            "PG_USER": "accidentml", "PG_PASSWORD": "pw", "PG_HOST": "10.1.2.3", "PG_PORT": "6543",
            "PG_DATABASE": "baac", "PG_SSLMODE": "verify-full", "PG_SCHEMA": "s1",
        ])
        #expect(c == StoreConfiguration(host: "10.1.2.3", port: 6543, username: "accidentml", password: "pw",
                                        database: "baac", tls: .verifyFull, schema: "s1"))
        let defaults = try StoreConfiguration(environment: ["PG_USER": "u"])
        #expect(defaults.host == "localhost" && defaults.port == 5432 && defaults.database == "accidents")
    }

    @Test func environmentErrorsNameTheVariable() {
        #expect(throws: StoreConfigurationError.missingEnvironment(variable: "PG_USER")) {
            try StoreConfiguration(environment: ["PG_PASSWORD": "x"])
        }
        #expect(throws: StoreConfigurationError.invalidEnvironment(variable: "PG_PORT", reason: "'abc' is not a port number in 1...65535")) {
            try StoreConfiguration(environment: ["PG_USER": "u", "PG_PORT": "abc"])
        }
        do {
            _ = try StoreConfiguration(environment: ["PG_USER": "u", "PG_SSLMODE": "maybe"])
            Issue.record("an unknown sslmode was accepted")
        } catch {
            #expect(error.description.contains("PG_SSLMODE"))
        }
    }
}
