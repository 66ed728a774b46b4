import ArgumentParser
import Foundation
import GEPReport

/// `--format` and `--out`, shared by the commands that print a report.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .table

    @Option(help: "Write the report to this file instead of standard output; nothing is written unless the whole report succeeds.")
    var out: String?

    /// Prints `text`, or writes it to `--out` atomically so that a failed run leaves no partial file.
    func write(_ text: String) throws {
        guard let out else {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError(description: "\(out): cannot write the report: \(error.localizedDescription)")
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
