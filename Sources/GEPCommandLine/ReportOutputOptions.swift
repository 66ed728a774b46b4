import ArgumentParser
import Foundation
import GEPModelFiles
import GEPReport

/// `--format` and `--out`, shared by the commands that print a report.
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .customLong("format"),
            help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the --out extension, else table).")
    var chosenFormat: ReportFormat?

    @Option(help: "Write the report to this file instead of standard output; nothing is written unless the whole report succeeds.")
    var out: String?

    /// `--format`, else the format `--out`'s extension names, else a table.
    var format: ReportFormat { chosenFormat ?? out.flatMap { ReportFormat(fileExtension: $0) } ?? .table }

    /// Refuses a `--format` that contradicts `--out`'s extension (`--format csv --out report.json`).
    func validate() throws {
        guard let chosenFormat, let out, let implied = ReportFormat(fileExtension: out), implied != chosenFormat else { return }
        throw ValidationError("--format \(chosenFormat.rawValue) but --out \(out) names a \(implied.rawValue) file; drop --format or give a matching extension")
    }

    /// Prints `text`, or writes it to `--out` atomically so that a failed run leaves no partial file.
    ///
    /// A table, and anything printed on a terminal, has its control characters removed (``terminalSafe(_:)``): a
    /// name in a model file cannot drive the terminal. `--out` must be a new or regular file and none of the run's
    /// inputs: the atomic write replaces its target, so a FIFO, a device or the model file itself would be lost.
    ///
    /// - Parameter inputs: the files the run read (``ModelFilesRead``), which the report may not replace.
    func write(_ text: String, inputs: [String]) throws {
        guard let out else { return printReport(text, format: format) }
        try Self.checkTarget(out, inputs: inputs)
        do {
            try (format == .table ? terminalSafe(text) : text).write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError(description: "\(out): cannot write the report: \(error.localizedDescription)")
        }
    }

    /// Refuses an existing target that is not a regular file, or that is one of `inputs` (by device and inode, so a
    /// link or another spelling of the path is caught too).
    static func checkTarget(_ out: String, inputs: [String]) throws {
        var target = stat()
        guard stat(out, &target) == 0 else { return }  // a new file
        guard target.st_mode & S_IFMT == S_IFREG else {
            throw CLIError(description: "\(out): --out must be a regular file or a new one, not a folder, FIFO or device")
        }
        for input in inputs {
            var file = stat()
            if stat(input, &file) == 0, file.st_dev == target.st_dev, file.st_ino == target.st_ino {
                throw CLIError(description: "\(out): --out is \(input), an input of this run; write the report to another file")
            }
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// Prints a report on standard output: a table, or anything on a terminal, with its control characters removed
/// (``terminalSafe(_:)``).
public func printReport(_ text: String, format: ReportFormat) {
    print(format == .table || isatty(STDOUT_FILENO) == 1 ? terminalSafe(text) : text, terminator: "")
}
