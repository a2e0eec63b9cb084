import AccidentStore
import Testing
@testable import AccidentServer

@Suite("Server configuration")
struct ServerConfigurationTests {
    let key = "0123456789abcdef-key"

    func resolve(_ env: [String: String], _ overrides: ServerConfiguration.Overrides = .init(),
                 files: [String: String] = [:]) throws -> ServerConfiguration {
        try ServerConfiguration.resolve(environment: env, overrides: overrides) { path in
            guard let text = files[path] else { throw CocoaLikeError.noSuchFile }
            return text
        }
    }

    enum CocoaLikeError: Error { case noSuchFile }

    @Test func environmentSetsEverything() throws {
        let c = try resolve(["HOST": "0.0.0.0", "PORT": "9000", "MODEL_PATH": "/m.aml", "API_KEYS": " \(key) ,,other-key-0123456789 ",
                             "MAX_BODY_BYTES": "2048", "MAX_BATCH_SIZE": "7", "LOG_LEVEL": "DEBUG"])
        #expect(c.host == "0.0.0.0")
        #expect(c.port == 9000)
        #expect(c.modelPath == "/m.aml")
        #expect(c.apiKeys == [key, "other-key-0123456789"])
        #expect(c.maxBodyBytes == 2048)
        #expect(c.maxBatchSize == 7)
        #expect(c.logLevel == .debug)
        #expect(!c.allowsUnauthenticated)
    }

    @Test func flagsWinOverTheEnvironment() throws {
        var o = ServerConfiguration.Overrides()
        o.host = "127.0.0.2"; o.port = 1234; o.modelPath = "/flag.aml"; o.maxBodyBytes = 10
        o.maxBatchSize = 3; o.logLevel = "error"; o.apiKeyFile = "/flag-keys"
        let c = try resolve(["HOST": "0.0.0.0", "PORT": "9000", "MODEL_PATH": "/env.aml", "MAX_BODY_BYTES": "99",
                             "MAX_BATCH_SIZE": "99", "LOG_LEVEL": "debug", "API_KEY_FILE": "/env-keys"],
                            o, files: ["/flag-keys": key, "/env-keys": "env-file-key-0123456789"])
        #expect(c.host == "127.0.0.2")
        #expect(c.port == 1234)
        #expect(c.modelPath == "/flag.aml")
        #expect(c.maxBodyBytes == 10)
        #expect(c.maxBatchSize == 3)
        #expect(c.logLevel == .error)
        #expect(c.apiKeys == [key])
    }

    @Test func keyFileSkipsCommentsAndBlankLinesAndAddsToAPIKeys() throws {
        let c = try resolve(["API_KEYS": key, "API_KEY_FILE": "/keys"],
                            files: ["/keys": "# ops team\nfile-key-0123456789ab\n\n  second-file-key-0123  \r\n"])
        #expect(c.apiKeys == [key, "file-key-0123456789ab", "second-file-key-0123"])
    }

    @Test func refusesToStartWithoutKeysUnlessInsecure() throws {
        #expect(throws: ConfigurationError.noAPIKeys) { try resolve([:]) }
        #expect(throws: ConfigurationError.noAPIKeys) { try resolve(["API_KEYS": " , "]) }
        var o = ServerConfiguration.Overrides()
        o.insecureNoAuth = true
        #expect(try resolve([:], o).allowsUnauthenticated)
    }

    @Test func badValuesAreExplained() {
        #expect(throws: ConfigurationError.invalidValue(setting: "PORT", value: "http", expected: "an integer from 0 to 65535")) {
            try resolve(["PORT": "http", "API_KEYS": key])
        }
        #expect(throws: ConfigurationError.self) { try resolve(["MAX_BODY_BYTES": "0", "API_KEYS": key]) }
        #expect(throws: ConfigurationError.self) { try resolve(["LOG_LEVEL": "loud", "API_KEYS": key]) }
        var o = ServerConfiguration.Overrides()
        o.maxBatchSize = 0
        #expect(throws: ConfigurationError.self) { try resolve(["API_KEYS": key], o) }
        #expect(throws: ConfigurationError.weakKey(source: "/keys:2", minimumLength: 16)) {
            try resolve(["API_KEY_FILE": "/keys"], files: ["/keys": "\(key)\nshort"])
        }
        #expect(throws: ConfigurationError.self) { try resolve(["API_KEY_FILE": "/missing"]) }
    }

    @Test func databaseURLComesFromTheEnvironmentOrTheFlagAndItsPasswordIsNeverShown() throws {
        let c = try resolve(["API_KEYS": key, "DATABASE_URL": "postgres://serve:s3cret-pw@127.0.0.1:5433/accidents"])
        #expect(c.database?.host == "127.0.0.1" && c.database?.port == 5433 && c.database?.password == "s3cret-pw")
        #expect(!c.description.contains("s3cret-pw") && c.description.contains("127.0.0.1:5433/accidents"))
        var o = ServerConfiguration.Overrides()
        o.databaseURL = "postgres://flag@db.internal/other"
        #expect(try resolve(["API_KEYS": key, "DATABASE_URL": "postgres://env@h/d"], o).database?.host == "db.internal")
        #expect(try resolve(["API_KEYS": key]).database == nil)
        #expect {
            try resolve(["API_KEYS": key, "DATABASE_URL": "mysql://root:hunter2-secret@h/d"])
        } throws: { error in
            let text = "\(error)"
            return text.contains("DATABASE_URL") && text.contains("postgres://") && !text.contains("hunter2-secret")
        }
    }

    @Test func administratorKeysComeFromTheirOwnVariableAndFile() throws {
        let admin = "admin-key-0123456789abcdef"
        let c = try resolve(["API_KEYS": key, "ADMIN_API_KEYS": " \(admin) ,", "ADMIN_API_KEY_FILE": "/admin"],
                            files: ["/admin": "# ops\nadmin-file-key-0123456789\n"])
        #expect(c.apiKeys == [key])
        #expect(c.adminKeys == [admin, "admin-file-key-0123456789"])
        var o = ServerConfiguration.Overrides()
        o.adminKeyFile = "/flag-admin"
        #expect(try resolve(["API_KEYS": key, "ADMIN_API_KEY_FILE": "/admin"], o,
                            files: ["/flag-admin": admin, "/admin": "other-admin-key-0123456"]).adminKeys == [admin])
        #expect(try resolve(["API_KEYS": key]).adminKeys.isEmpty)
        #expect(throws: ConfigurationError.weakKey(source: "ADMIN_API_KEYS", minimumLength: 16)) {
            try resolve(["API_KEYS": key, "ADMIN_API_KEYS": "short"])
        }
        #expect(throws: ConfigurationError.self) { try resolve(["API_KEYS": key, "ADMIN_API_KEY_FILE": "/missing"]) }
    }

    @Test func oneKeyCannotBeBothAPredictionAndAnAdministratorKey() throws {
        let admin = "admin-key-0123456789abcdef"
        #expect(throws: ConfigurationError.sharedKey(adminKeyIndex: 2)) {
            try resolve(["API_KEYS": key, "ADMIN_API_KEYS": "\(admin),\(key)"])
        }
        #expect("\(ConfigurationError.sharedKey(adminKeyIndex: 2))".contains("ADMIN_API_KEYS"))
    }

    @Test func descriptionNeverShowsKeys() throws {
        let admin = "admin-key-0123456789abcdef"
        let c = try resolve(["API_KEYS": key, "ADMIN_API_KEYS": admin])
        #expect(!c.description.contains(key) && !c.description.contains(admin))
        #expect(c.description.contains(" api_keys=1") && c.description.contains("admin_api_keys=1"))
    }
}
