import ArgumentParser
import Foundation
import GEPReport
import GEPStore

/// `gep history`: the runs kept with `--save`, and the comparison of two of them.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the account runs kept in the results store, or compare two of them service by service."
    )

    @Option(help: "The results store (SQLite); default $XDG_DATA_HOME/gepkit/history.sqlite, else ~/.local/share/gepkit/history.sqlite.")
    var store: String?

    @Option(help: "Only runs of this region id.")
    var region: String?

    @Option(parsing: .upToNextOption, help: "Two run ids to compare, e.g. --compare 3 5.")
    var compare: [Int64] = []

    @Flag(help: "Check the store: SQLite's integrity check, and that every run has all its service rows.")
    var verify = false

    func validate() throws {
        if !compare.isEmpty && compare.count != 2 { throw ValidationError("--compare takes two run ids") }
    }

    func run() throws {
        let path = StoreOptions.path(store)
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) else {
            throw CLIError(description: "\(path): no store there: the folder \(folder) does not exist; keep a run first with `gep account MODEL --save`, or give the store's path with --store")
        }
        let text = try CLIError.wrap(context: path) { () -> String in
            let results = try ResultsStore(path: path)
            if verify {
                let incomplete = try results.incompleteRuns()
                let mistyped = try results.mistypedRows()
                guard try results.integrityIsOK(), incomplete.isEmpty, mistyped.isEmpty else {
                    throw CLIError(description: "\(path): store is damaged (incomplete runs: \(incomplete.map(String.init).joined(separator: ", ")); mistyped values: \(mistyped.joined(separator: ", ")))")
                }
                return "store is consistent: \(try results.runs().count) complete runs\n"
            }
            let runs = try results.runs(region: region)
            guard compare.count == 2 else {
                var table = TextTable(headers: ["run", "saved", "region", "year", "prices", "GEP (亿元)", "model"],
                                      alignments: [.right, .left, .left, .right, .right, .right, .left])
                for run in runs {
                    table.append(["\(run.id)", run.created, run.region, "\(run.year)", "\(run.reportYear)", hundredMillionYuan(run.gepYuan), run.model])
                }
                return runs.isEmpty ? "No runs are stored in \(path); save one with gep account MODEL --save.\n" : table.render()
            }
            let pair = try compare.map { id in
                guard let run = try results.runs().first(where: { $0.id == id }) else { throw CLIError(description: "no run \(id) in \(path)") }
                return (run, Dictionary(uniqueKeysWithValues: try results.serviceValues(of: id).map { ($0.service, $0.valueYuan) }))
            }
            var table = TextTable(headers: ["service", "run \(compare[0]) (亿元)", "run \(compare[1]) (亿元)", "change"],
                                  alignments: [.left, .right, .right, .right])
            let services = Array(Set(pair[0].1.keys).union(pair[1].1.keys)).sorted()
            for service in services {
                let (a, b) = (pair[0].1[service] ?? 0, pair[1].1[service] ?? 0)
                table.append([service, hundredMillionYuan(a), hundredMillionYuan(b), a == 0 ? "–" : String(format: "%+.2f %%", (b - a) / a * 100)])
            }
            let (a, b) = (pair[0].0.gepYuan, pair[1].0.gepYuan)
            table.append(["GEP", hundredMillionYuan(a), hundredMillionYuan(b), a == 0 ? "–" : String(format: "%+.2f %%", (b - a) / a * 100)])
            return table.render()
        }
        print(terminalSafe(text), terminator: "")
    }
}
