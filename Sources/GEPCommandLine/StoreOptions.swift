import ArgumentParser
import Foundation
import GEPReport
import GEPStore

/// `--save` and `--store`: keep a run in the results store that `gep history` reads.
struct StoreOptions: ParsableArguments {
    @Flag(help: "Keep this run in the results store, for gep history.")
    var save = false

    @Option(help: "The results store (SQLite); default $XDG_DATA_HOME/gepkit/history.sqlite, else ~/.local/share/gepkit/history.sqlite.")
    var store: String?

    /// The store's path.
    var path: String { StoreOptions.path(store) }

    /// `store`, or `history.sqlite` in the user's data folder: `$XDG_DATA_HOME/gepkit` when that is an absolute path
    /// (the XDG Base Directory specification ignores relative ones), else `$HOME/.local/share/gepkit`.
    static func path(_ store: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let store { return store }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return (data as NSString).appendingPathComponent("gepkit/history.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return (home as NSString).appendingPathComponent(".local/share/gepkit/history.sqlite")
    }

    /// Saves `reports` in one transaction when `--save` was given, and says on standard error which runs went where
    /// (standard output carries the report).
    func save(_ reports: [AccountReport], model: String) throws {
        guard save else { return }
        let ids = try ResultsStore(path: path).save(reports.map { report in
            ResultsStore.NewRun(region: report.region.id, model: model, year: report.year, reportYear: report.reportYear,
                                gepYuan: report.gepYuan, serviceValues: report.services.map { ($0.id, $0.valueYuan) })
        })
        let runs = ids.map(String.init).joined(separator: ", ")
        FileHandle.standardError.write(Data("saved run\(ids.count == 1 ? "" : "s") \(runs) in \(path)\n".utf8))
    }
}
