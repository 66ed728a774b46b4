import ArgumentParser
import Foundation
import GEPReport
import GEPStore

/// `--save` and `--store`: keep a run in the results store that `gep history` reads.
struct StoreOptions: ParsableArguments {
    @Flag(help: "Keep this run in the results store, for gep history.")
    var save = false

    @Option(help: "The results store (SQLite); default ~/.local/share/gepkit/history.sqlite.")
    var store: String?

    /// The store's path.
    var path: String { StoreOptions.path(store) }

    /// `store`, or the default store in the user's data folder.
    static func path(_ store: String?) -> String {
        store ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/gepkit/history.sqlite").path
    }

    /// Saves `reports` in one transaction when `--save` was given.
    func save(_ reports: [AccountReport], model: String) throws {
        guard save else { return }
        _ = try ResultsStore(path: path).save(reports.map { report in
            ResultsStore.NewRun(region: report.region.id, model: model, year: report.year, reportYear: report.reportYear,
                                gepYuan: report.gepYuan, serviceValues: report.services.map { ($0.id, $0.valueYuan) })
        })
    }
}
