import AccidentML
import AccidentStore
import Foundation
import AccidentTestSupport
import Testing
@testable import train

/// `train ingest` and the database source of `train fit`, on the real test server.
@Suite(.requiresDatabase)
struct DatabaseCommandTests {
    /// The cells of the summary row of `year` in `train ingest`'s table.
    static func ingestRow(_ out: String, year: Int) -> [String] {
        let line = out.split(separator: "\n").first { $0.split(separator: " ").first == "\(year)" }
        return line.map { $0.split(separator: " ").map(String.init) } ?? []
    }

    /// The four table counts of BAAC tables, as the summary prints them.
    static func counts(_ t: BAACTables) -> [String] {
        [t.accidents.count, t.places.count, t.vehicles.count, t.users.count].map { Format.count($0) }
    }

    static func tables(_ s: CLISandbox, _ folder: String, skipBadRows: Bool = false) throws -> BAACTables {
        try BAACReader(options: BAACReadOptions(skipBadRows: skipBadRows)).read(folder: s.url(folder)).tables
    }

    static func stored(_ schema: TestDatabaseServer.Schema, _ years: ClosedRange<Int>) async throws -> BAACTables {
        try await AccidentStore(configuration: schema.configuration).loadTables(years: years)
    }

    @Test func ingestThenFitFromTheDatabaseIsFitFromTheFiles() async throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "500", "--seed", "1", "--year", "2020", "--output", "g2020", "-q"]).status == 0)
        #expect(s.run(["generate", "--accidents", "700", "--seed", "2", "--year", "2021", "--output", "g2021", "-q"]).status == 0)
        let files2020 = try Self.tables(s, "g2020"), files2021 = try Self.tables(s, "g2021")
        try await TestDatabaseServer.withSchema { schema in
            let ingest = await s.runOnOwnThread(["ingest", "--database-url", schema.url, "g2020", "g2021"])
            #expect(ingest.status == 0, "\(ingest.err)")
            #expect(Array(Self.ingestRow(ingest.out, year: 2020).prefix(7)) == ["2020"] + Self.counts(files2020) + ["0", "0"])
            #expect(Array(Self.ingestRow(ingest.out, year: 2021).prefix(7)) == ["2021"] + Self.counts(files2021) + ["0", "0"])
            #expect(ingest.out.contains("2 of 2 years"))
            #expect(ingest.err.contains("migrated the schema"))
            var both = files2020
            both.append(contentsOf: files2021)
            let stored = try await Self.stored(schema, 2020...2021)
            #expect(stored == both)

            let flags = ["--trees", "20", "--threads", "1", "-q"]
            let fromDatabase = await s.runOnOwnThread(["fit", "--database-url", schema.url, "--years", "2020-2021",
                                                       "--output", "db"] + flags)
            #expect(fromDatabase.status == 0, "\(fromDatabase.err)")
            let fromFiles = s.run(["fit", "--baac", "g2020", "--baac", "g2021", "--output", "files"] + flags)
            #expect(fromFiles.status == 0, "\(fromFiles.err)")
            let db = try AccidentModel.load(from: s.url("db/model.aml"))
            let files = try AccidentModel.load(from: s.url("files/model.aml"))
            #expect(db.classifier == files.classifier && db.input == files.input)
            #expect(db.metadata.dataFingerprint == files.metadata.dataFingerprint)
            #expect(db.metadata.rowCounts == files.metadata.rowCounts && db.metadata.metrics == files.metadata.metrics)
            #expect(db.metadata.dataSource.hasPrefix("database postgres://") && db.metadata.dataSource.hasSuffix("2020–2021"))

            let oneYear = await s.runOnOwnThread(["fit", "--database-url", schema.url, "--years", "2021",
                                                  "--output", "db2021"] + flags)
            #expect(oneYear.status == 0, "\(oneYear.err)")
            let model2021 = try AccidentModel.load(from: s.url("db2021/model.aml"))
            #expect(model2021.metadata.rowCounts.values.reduce(0, +) == files2021.accidentRows().count)

            // evaluate and predict read the database like the files.
            let evaluated = await s.runOnOwnThread(["evaluate", "--model", "db/model.aml", "--database-url", schema.url,
                                                    "--years", "2021"])
            let evaluatedFiles = s.run(["evaluate", "--model", "db/model.aml", "--baac", "g2021"])
            #expect(evaluated.status == 0 && evaluatedFiles.status == 0, "\(evaluated.err)")
            let metrics = { (out: String) in out.split(separator: "\n").prefix(7).joined(separator: "\n") }
            #expect(metrics(evaluated.out) == metrics(evaluatedFiles.out) && evaluated.out.contains("auc"))
            let predicted = await s.runOnOwnThread(["predict", "--model", "db/model.aml", "--database-url", schema.url, "--years", "2020",
                                   "--output", "p-db.csv", "--threads", "1"])
            let predictedFiles = s.run(["predict", "--model", "db/model.aml", "--baac", "g2020", "--output", "p-files.csv",
                                        "--threads", "1"])
            #expect(predicted.status == 0 && predictedFiles.status == 0, "\(predicted.err)")
            #expect(try s.text("p-db.csv") == (try s.text("p-files.csv")))

            let password = try #require(schema.password)
            for result in [ingest, fromDatabase, fromFiles, oneYear, evaluated, predicted] {
                #expect(!(result.out + result.err).contains(password), "the password was printed")
            }
            #expect(!db.metadata.dataSource.contains(password))
        }
    }

    @Test func aBadFileKeepsItsYearAndSkippingBadRowsStoresTheRest() async throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "300", "--seed", "3", "--year", "2020", "--output", "g2020", "-q"]).status == 0)
        #expect(s.run(["generate", "--accidents", "300", "--seed", "4", "--year", "2021", "--output", "g2021", "-q"]).status == 0)
        let original2021 = try Self.tables(s, "g2021")
        try await TestDatabaseServer.withSchema { schema in
            #expect(await s.runOnOwnThread(["ingest", "--database-url", schema.url, "g2021", "-q"]).status == 0)
            // Line 6 of the 2021 users gets a bad accident number.
            var users = try s.text("g2021/usagers-2021.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            users[5] = (["\"not-a-number\""] + users[5].split(separator: ";").dropFirst().map(String.init)).joined(separator: ";")
            try s.write("g2021/usagers-2021.csv", users.joined(separator: "\n"))

            let failed = await s.runOnOwnThread(["ingest", "--database-url", schema.url, "g2020", "g2021"])
            #expect(failed.status == 65)
            let errors = failed.errorLines.filter { $0.hasPrefix("train: error: ") }
            #expect(errors.count == 1 && failed.errorLines.last == errors.first, "\(failed.err)")
            let error = errors.first ?? ""
            #expect(error.contains("year 2021 was not ingested") && error.contains("usagers-2021.csv:6")
                    && error.contains("not-a-number") && error.contains("(flag: --skip-bad-rows)"), "\(error)")
            #expect(Self.ingestRow(failed.out, year: 2021).dropFirst().first == "not")
            #expect(failed.out.contains("1 of 2 years"))
            let kept2021 = try await Self.stored(schema, 2021...2021)
            #expect(kept2021 == original2021)
            let stored2020 = try await Self.stored(schema, 2020...2020)
            let files2020 = try Self.tables(s, "g2020")
            #expect(stored2020 == files2020)

            let skipped = await s.runOnOwnThread(["ingest", "--database-url", schema.url, "--skip-bad-rows", "g2021"])
            #expect(skipped.status == 0, "\(skipped.err)")
            #expect(skipped.err.contains("2021: skipped 1 bad rows"))
            let expected = try Self.tables(s, "g2021", skipBadRows: true)
            #expect(expected.users.count == original2021.users.count - 1)
            let row = Self.ingestRow(skipped.out, year: 2021)
            let o = original2021
            let replaced: Int = o.accidents.count + o.places.count + o.vehicles.count + o.users.count
            #expect(Array(row.prefix(7)) == ["2021"] + Self.counts(expected) + ["1", Format.count(replaced)])
            let stored2021 = try await Self.stored(schema, 2021...2021)
            #expect(stored2021 == expected)
        }
    }

    @Test func theAddressComesFromDatabaseURLOrThePGVariables() async throws {
        let s = try CLISandbox()
        #expect(s.run(["generate", "--accidents", "200", "--seed", "5", "--output", "g", "-q"]).status == 0)
        try await TestDatabaseServer.withSchema { schema in
            let fromURL = await s.runOnOwnThread(["ingest", "g"], environment: ["DATABASE_URL": schema.url])
            #expect(fromURL.status == 0, "\(fromURL.err)")
            let c = schema.configuration
            var pg = ["PG_HOST": c.host, "PG_PORT": "\(c.port)", "PG_USER": c.username, "PG_DATABASE": c.database,
                      "PG_SSLMODE": c.tls.rawValue, "PG_SCHEMA": try #require(c.schema)]
            pg["PG_PASSWORD"] = c.password
            let fromPG = await s.runOnOwnThread(["ingest", "g"], environment: pg)
            #expect(fromPG.status == 0, "\(fromPG.err)")
            let replaced = Self.ingestRow(fromPG.out, year: 2021).dropFirst(6).first
            #expect(replaced != nil && replaced != "0", "the second ingest replaced the first: \(fromPG.out)")
            // The flag wins over the environment.
            let flagWins = await s.runOnOwnThread(["ingest", "--database-url", schema.url, "g", "-q"],
                                                  environment: ["DATABASE_URL": "http://nowhere"])
            #expect(flagWins.status == 0, "\(flagWins.err)")
        }
    }

    @Test func fittingYearsTheDatabaseLacksIsADataError() async throws {
        let s = try CLISandbox()
        try await TestDatabaseServer.withSchema { schema in
            #expect(s.run(["generate", "--accidents", "200", "--seed", "6", "--output", "g", "-q"]).status == 0)
            #expect(await s.runOnOwnThread(["ingest", "--database-url", schema.url, "g", "-q"]).status == 0)
            let result = await s.runOnOwnThread(["fit", "--database-url", schema.url, "--years", "1990-1999", "--output", "r"])
            #expect(result.status == 65)
            #expect(result.errorLines.last?.contains("holds no accident of 1990–1999") == true, "\(result.err)")
            #expect(result.errorLines.last?.contains("train ingest") == true)
            #expect(!s.exists("r"))
        }
    }
}
