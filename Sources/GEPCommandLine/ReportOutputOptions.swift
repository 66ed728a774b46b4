import ArgumentParser
import Foundation
import GEPModelFiles
import GEPReport
import GEPSpreadsheet

/// What `--format` accepts: a report format, or `xlsx` for the reports that have a workbook (the account and the
/// scheme comparison), written to `--out`.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, md, html, xlsx

    /// The format a file name's extension stands for: a report format's, or `.xlsx`.
    init?(fileExtension path: String) {
        if (path as NSString).pathExtension.lowercased() == "xlsx" { self = .xlsx; return }
        guard let format = ReportFormat(fileExtension: path) else { return nil }
        self.init(rawValue: format.rawValue)
    }
}

/// A report as a command made it: text in a report format, or a workbook.
enum ReportOutput {
    case text(ReportText)
    case workbook(Spreadsheet)
}

/// `--format` and `--out`, shared by the commands that print a report.
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .customLong("format"),
            help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the --out extension, else table; xlsx for gep account and gep compare-schemes, with --out).")
    var chosenFormat: OutputFormat?

    @Option(help: "Write the report to this file instead of standard output; nothing is written unless the whole report succeeds.")
    var out: String?

    @Option(name: .customLong("lang"), help: "The report's language: zh or en (default: zh when the locale is Chinese, else en); CSV and JSON are the same in both.")
    var chosenLanguage: ReportLanguage?

    /// `--lang`, else the locale's (``ReportLanguage/fromLocale(_:)``).
    var language: ReportLanguage { chosenLanguage ?? .fromLocale() }

    /// `--format`, else the format `--out`'s extension names, else a table.
    private var outputFormat: OutputFormat { chosenFormat ?? out.flatMap { OutputFormat(fileExtension: $0) } ?? .table }

    /// The text format chosen; a table when a workbook is (``isWorkbook``).
    var format: ReportFormat { ReportFormat(rawValue: outputFormat.rawValue) ?? .table }

    /// Whether an xlsx workbook is asked for.
    var isWorkbook: Bool { outputFormat == .xlsx }

    /// Refuses a `--format` that contradicts `--out`'s extension (`--format csv --out report.json`), and a workbook
    /// without a file to write it to.
    func validate() throws {
        if isWorkbook, out == nil { throw ValidationError("--format xlsx writes a workbook: give --out FILE.xlsx") }
        guard let chosenFormat, let out, let implied = OutputFormat(fileExtension: out), implied != chosenFormat else { return }
        throw ValidationError("--format \(chosenFormat.rawValue) but --out \(out) names a \(implied.rawValue) file; drop --format or give a matching extension")
    }

    /// The report as text in the chosen format, or as its workbook when xlsx is chosen.
    func output(text: () throws -> ReportText, workbook: () throws -> Spreadsheet) rethrows -> ReportOutput {
        isWorkbook ? .workbook(try workbook()) : .text(try text())
    }

    /// Writes `output`: text as ``write(_:inputs:seed:)`` does, a workbook to `--out` (checked the same way, with the
    /// run's metadata as its last sheet) with libxlsxwriter.
    func write(_ output: ReportOutput, inputs: [String]) throws {
        switch output {
        case let .text(text): try write(text, inputs: inputs)
        case let .workbook(spreadsheet):
            guard let out else { throw CLIError(description: "--format xlsx writes a workbook: give --out FILE.xlsx") }
            try Self.checkTarget(out, inputs: inputs)
            let run = try RunMetadata.current(inputs: inputs)
            do { try XLSXWriter.write(Spreadsheet(sheets: spreadsheet.sheets + [run.sheet]), to: out) } catch let error as SpreadsheetError {
                throw CLIError(description: String(describing: error))
            }
        }
    }

    /// Prints `text` with the run's metadata (``RunMetadata``: tool, time, command, every input with its SHA-256, the
    /// `seed` of a random run), or writes it to `--out` atomically so that a failed run leaves no partial file.
    ///
    /// A table, and anything printed on a terminal, has its control characters removed (``terminalSafe(_:)``): a
    /// name in a model file cannot drive the terminal. `--out` must be a new or regular file and none of the run's
    /// inputs: the atomic write replaces its target, so a FIFO, a device or the model file itself would be lost.
    ///
    /// - Parameter inputs: the files the run read (``ModelFilesRead``), which the report may not replace.
    func write(_ report: String, inputs: [String], seed: UInt64? = nil) throws {
        try write(ReportText(report), inputs: inputs, seed: seed)
    }

    /// ``write(_:inputs:seed:)`` of a report made in pieces, written one after another.
    func write(_ report: ReportText, inputs: [String], seed: UInt64? = nil) throws {
        if isWorkbook {
            throw CLIError(description: "this report has no xlsx form; xlsx is written by gep account and gep compare-schemes (the other reports: table, csv, json, md, html)")
        }
        let text = try RunMetadata.current(inputs: inputs, seed: seed).decorated(report, format: format, language: language)
        guard let out else { return printReport(text, format: format) }
        try Self.checkTarget(out, inputs: inputs)
        try writeAtomically(format == .table ? ReportText(terminalSafe(text.string)) : text, to: out)
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
extension ReportLanguage: ExpressibleByArgument {}

/// Prints a report on standard output: a table, or anything on a terminal, with its control characters removed
/// (``terminalSafe(_:)``).
public func printReport(_ text: String, format: ReportFormat) {
    printReport(ReportText(text), format: format)
}

/// ``printReport(_:format:)`` of a report made in pieces: written piece by piece unless it needs cleaning.
public func printReport(_ text: ReportText, format: ReportFormat) {
    guard format != .table, isatty(STDOUT_FILENO) != 1 else { return print(terminalSafe(text.string), terminator: "") }
    fflush(nil)  // what `print` buffered goes first
    _ = writeAll(text, to: STDOUT_FILENO)
}
