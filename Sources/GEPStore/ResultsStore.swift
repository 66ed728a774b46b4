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

    /// Opens (creating if needed) the store at `path`.
    ///
    /// - Throws: GRDB's `DatabaseError` when the file cannot be opened or is not a GEPKit store.
    public init(path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: path)
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
        try migrator.migrate(queue)
    }

    /// Saves a run and its service values in one transaction; returns the run's id.
    public func save(region: String, model: String, year: Int, reportYear: Int, gepYuan: Double,
                     serviceValues: [(service: String, valueYuan: Double)]) throws -> Int64 {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO run (created, region, model, year, reportYear, gepYuan, serviceCount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [ISO8601DateFormatter().string(from: Date()), region, model, year, reportYear, gepYuan, serviceValues.count])
            let id = db.lastInsertedRowID
            for (service, value) in serviceValues {
                try db.execute(sql: "INSERT INTO runService (runId, service, valueYuan) VALUES (?, ?, ?)", arguments: [id, service, value])
            }
            return id
        }
    }

    /// Stored runs, newest last, optionally of one region.
    public func runs(region: String? = nil) throws -> [Run] {
        try queue.read { db in
            if let region {
                return try Run.fetchAll(db, sql: "SELECT * FROM run WHERE region = ? ORDER BY id", arguments: [region])
            }
            return try Run.fetchAll(db, sql: "SELECT * FROM run ORDER BY id")
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
