import Foundation
import GRDB

/// Past account runs in an SQLite file (through GRDB), so that `gep history` can list and compare them.
///
/// A run and its per-service values are written in one transaction: a process killed mid-write leaves the store with
/// the run either wholly present or absent, never half (SQLite's rollback journal undoes an unfinished transaction the
/// next time the file is opened).
public final class ResultsStore: Sendable {
    private let queue: DatabaseQueue

    /// One stored run.
    public struct Run: Sendable, Equatable, FetchableRecord, Decodable {
        public let id: Int64
        public let created: String
        public let region: String
        public let model: String
        public let year: Int
        public let reportYear: Int
        public let gepYuan: Double
        public let serviceCount: Int
    }

    /// One run to save: what ``save(region:model:year:reportYear:gepYuan:serviceValues:)`` takes.
    public struct NewRun: Sendable {
        public let region: String
        public let model: String
        public let year: Int
        public let reportYear: Int
        public let gepYuan: Double
        public let serviceValues: [(service: String, valueYuan: Double)]

        public init(region: String, model: String, year: Int, reportYear: Int, gepYuan: Double, serviceValues: [(service: String, valueYuan: Double)]) {
            (self.region, self.model, self.year, self.reportYear, self.gepYuan, self.serviceValues) = (region, model, year, reportYear, gepYuan, serviceValues)
        }
    }

    /// The store's file.
    public let path: String

    /// How long a writer waits for another process's transaction before giving up: concurrent `--save` runs queue
    /// behind each other instead of failing with "database is locked".
    public static let busyTimeout: TimeInterval = 30

    /// The tables of a GEPKit store (GRDB's migration table among them). A file holding any other table is another
    /// program's database and is left alone.
    static let tables: Set<String> = ["grdb_migrations", "run", "runService"]

    /// Opens (creating if needed) the store at `path`.
    ///
    /// - Throws: ``StoreError`` naming the file when it cannot be opened or created, or holds another program's tables.
    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            throw StoreError(path: path, problem: "cannot create the folder \(folder): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        queue = try StoreError.wrap(path, "cannot open the store") { try DatabaseQueue(path: path, configuration: configuration) }
        let found = try StoreError.wrap(path, "cannot read the store") {
            try queue.read { db in try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) }
        }
        guard found.isEmpty || found == Self.tables else {
            throw StoreError(path: path, problem: "not a GEPKit results store (it holds the tables \(found.sorted().joined(separator: ", "))); give --store another file")
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("created", .text).notNull()
                t.column("region", .text).notNull()
                t.column("model", .text).notNull()
                t.column("year", .integer).notNull()
                t.column("reportYear", .integer).notNull()
                t.column("gepYuan", .double).notNull()
                t.column("serviceCount", .integer).notNull()
            }
            try db.create(table: "runService") { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("service", .text).notNull()
                t.column("valueYuan", .double).notNull()
                t.primaryKey(["runId", "service"])
            }
        }
        try StoreError.wrap(path, "cannot set up the store") { try migrator.migrate(queue) }
    }

    /// Saves a run and its service values in one transaction; returns the run's id.
    public func save(region: String, model: String, year: Int, reportYear: Int, gepYuan: Double,
                     serviceValues: [(service: String, valueYuan: Double)]) throws -> Int64 {
        try save([NewRun(region: region, model: model, year: year, reportYear: reportYear, gepYuan: gepYuan, serviceValues: serviceValues)])[0]
    }

    /// Saves runs (the years of one `gep trend`, say) in one transaction: all of them or none; returns their ids.
    ///
    /// - Throws: ``StoreError`` naming the file.
    public func save(_ runs: [NewRun]) throws -> [Int64] {
        try StoreError.wrap(path, "cannot save to the store") {
            try queue.write { db in
                let created = ISO8601DateFormatter().string(from: Date())
                return try runs.map { run in
                    try db.execute(sql: "INSERT INTO run (created, region, model, year, reportYear, gepYuan, serviceCount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [created, run.region, run.model, run.year, run.reportYear, run.gepYuan, run.serviceValues.count])
                    let id = db.lastInsertedRowID
                    for (service, value) in run.serviceValues {
                        try db.execute(sql: "INSERT INTO runService (runId, service, valueYuan) VALUES (?, ?, ?)", arguments: [id, service, value])
                    }
                    return id
                }
            }
        }
    }

    /// Rows whose values are not of their column's type (text where GEP should be a number): SQLite stores what it is
    /// given, and reading text as a number would list it as 0. Always empty for a store only GEPKit wrote.
    public func mistypedRows() throws -> [String] {
        try StoreError.wrap(path, "cannot read the store") {
            try queue.read { db in
                try String.fetchAll(db, sql: """
                    SELECT 'run ' || id FROM run WHERE typeof(gepYuan) NOT IN ('real', 'integer') OR typeof(year) != 'integer'
                        OR typeof(reportYear) != 'integer' OR typeof(serviceCount) != 'integer'
                    UNION ALL
                    SELECT 'run ' || runId || ' service ' || service FROM runService WHERE typeof(valueYuan) NOT IN ('real', 'integer')
                    """)
            }
        }
    }

    /// Stored runs, newest last, optionally of one region.
    ///
    /// - Throws: ``StoreError`` when a row is mistyped (``mistypedRows()``), rather than list its text as a number.
    public func runs(region: String? = nil) throws -> [Run] {
        let mistyped = try mistypedRows()
        guard mistyped.isEmpty else { throw StoreError(path: path, problem: "the store is damaged: mistyped values in \(mistyped.joined(separator: ", "))") }
        return try StoreError.wrap(path, "cannot read the store") {
            try queue.read { db in
                if let region {
                    return try Run.fetchAll(db, sql: "SELECT * FROM run WHERE region = ? ORDER BY id", arguments: [region])
                }
                return try Run.fetchAll(db, sql: "SELECT * FROM run ORDER BY id")
            }
        }
    }

    /// One run's service values, in the order saved.
    public func serviceValues(of run: Int64) throws -> [(service: String, valueYuan: Double)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT service, valueYuan FROM runService WHERE runId = ? ORDER BY rowid", arguments: [run])
                .map { ($0["service"], $0["valueYuan"]) }
        }
    }

    /// Runs whose stored service rows do not match their service count: always empty for a consistent store.
    public func incompleteRuns() throws -> [Int64] {
        try queue.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT run.id FROM run LEFT JOIN runService ON runService.runId = run.id
                GROUP BY run.id HAVING COUNT(runService.service) != run.serviceCount
                """)
        }
    }

    /// SQLite's own integrity check: true when it reports "ok".
    public func integrityIsOK() throws -> Bool {
        try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" }
    }
}

/// A results store that cannot be used, naming its file.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let problem: String

    public var description: String { "\(path): \(problem)" }

    /// Runs `body`, turning a GRDB error into a ``StoreError`` that names the store and what was being done.
    static func wrap<T>(_ path: String, _ doing: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError { throw error } catch let error as DatabaseError {
            throw StoreError(path: path, problem: "\(doing): \(error.message ?? error.resultCode.description)")
        } catch {
            throw StoreError(path: path, problem: "\(doing): \(error)")
        }
    }
}
