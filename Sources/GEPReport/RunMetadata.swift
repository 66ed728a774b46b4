import Foundation

/// Which run made a report: the tool and its version, when (UTC), the command line, and every model file read with
/// its SHA-256, and the seed of a random run; carried by every report format, so that a table handed in with a plan
/// can be traced to the files and the command that made it.
public struct RunMetadata: Sendable, Codable, Equatable {
    /// A file the run read, as its path was given or named, and the SHA-256 of its bytes (lower-case hex).
    public struct Input: Sendable, Codable, Equatable {
        public let path: String
        public let sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// "gep 0.1.0".
    public let tool: String
    /// ISO 8601 in UTC, "2026-12-07T19:22:00Z".
    public let generated: String
    /// The command line, each argument quoted where a shell would need it.
    public let command: String
    /// The model files read, the model's first.
    public let inputs: [Input]
    /// The seed of a Monte Carlo or sensitivity run.
    public let seed: UInt64?

    public init(tool: String, generated: String, command: String, inputs: [Input], seed: UInt64? = nil) {
        self.tool = tool
        self.generated = generated
        self.command = command
        self.inputs = inputs
        self.seed = seed
    }

    /// The lines every text form prints: "tool: gep 0.1.0", "generated: …", "command: …", "input: PATH sha256 HEX", "seed: 1"
    /// (in Chinese: 工具, 生成时间, 命令, 输入, 随机种子).
    public func lines(_ language: ReportLanguage = .en) -> [String] {
        let zh = language == .zh
        return ["\(zh ? "工具" : "tool"): \(tool)", "\(zh ? "生成时间" : "generated"): \(generated) (UTC)", "\(zh ? "命令" : "command"): \(command)"]
            + inputs.map { "\(zh ? "输入" : "input"): \($0.path) sha256 \($0.sha256)" } + (seed.map { ["\(zh ? "随机种子" : "seed"): \($0)"] } ?? [])
    }

    /// `text`, a report in `format`, with this run's metadata where the format keeps it: a `run` object among the
    /// top-level keys of JSON (in sorted place, as the reports' own keys are), `#` comment lines before a CSV's header
    /// (`pandas.read_csv(comment="#")` skips them), a closing section in a table or Markdown, a footer in HTML.
    public func decorate(_ text: String, format: ReportFormat, language: ReportLanguage = .en) throws -> String {
        try decoratedParts(text, format: format, language: language).joined()
    }

    /// ``decorate(_:format:language:)`` of a report made in pieces: a CSV's pieces kept as they are behind its `#`
    /// lines, the other formats' text decorated whole.
    public func decorated(_ text: ReportText, format: ReportFormat, language: ReportLanguage = .en) throws -> ReportText {
        guard format == .csv else { return ReportText(pieces: try decoratedParts(text.string, format: format, language: language).map(ReportText.Piece.string)) }
        return ReportText(pieces: [.string(csvPreamble)] + text.pieces)
    }

    /// The `#` lines before a CSV's header, one per metadata line.
    private var csvPreamble: String { lines().map { "# \($0.replacingOccurrences(of: "\n", with: " "))\r\n" }.joined() }

    /// ``decorate(_:format:language:)`` as the pieces whose concatenation it is, the report's own text among them
    /// uncopied: a report of 10⁵ units is tens of megabytes, and joining it with its metadata copied it again.
    public func decoratedParts(_ text: String, format: ReportFormat, language: ReportLanguage = .en) throws -> [String] {
        let lines = lines(language), heading = language == .zh ? "运行信息" : "Run"
        switch format {
        case .table: return [text, (text.hasSuffix("\n") ? "" : "\n") + "\n\(heading)\n" + lines.map { "  \($0)\n" }.joined()]
        case .md: return [text, (text.hasSuffix("\n") ? "" : "\n") + "\n## \(heading)\n\n" + lines.map { "- \(markdownText($0))\n" }.joined()]
        case .csv: return [csvPreamble, text]
        case .html:
            let footer = "<footer id=\"run\">\n<h2>\(heading)</h2>\n<ul>\n" + lines.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n</footer>\n"
            guard let end = text.range(of: "</body>", options: .backwards) else { return [text, footer] }
            return [text.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: footer)]
        case .json: return try insertedIntoJSON(text)
        }
    }

    /// The top-level object of `json` (as the reports print it: pretty, two spaces, sorted keys) with `"run"` placed
    /// before the first key that sorts after it, as three pieces: the JSON before the run, the run, the rest.
    ///
    /// A top-level key is a line that starts with exactly two spaces and a quote; the lines are found by scanning the
    /// bytes, not by splitting the text into lines (millions of them in a large account).
    private func insertedIntoJSON(_ json: String) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let object = String(decoding: try encoder.encode(self), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : "  " + $0.element }.joined(separator: "\n")
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), quote = UInt8(ascii: "\"")
        let bytes = json.utf8
        // The start of the first top-level key line whose key sorts after "run", if any.
        var insertion: String.Index?
        var index = bytes.startIndex
        while let end = bytes[index...].firstIndex(of: newline) {
            let line = bytes.index(after: end)
            let rest = bytes[line...]
            if rest.starts(with: [space, space, quote]), let keyStart = bytes.index(line, offsetBy: 3, limitedBy: bytes.endIndex),
               let keyEnd = bytes[keyStart...].firstIndex(of: quote), String(json[keyStart..<keyEnd]) > "run" {
                insertion = line
                break
            }
            index = line
        }
        if let insertion {
            return [String(json[..<insertion]), "  \"run\" : \(object),\n", String(json[insertion...])]
        }
        // No key after "run": it goes last, after a comma on the line before the closing brace.
        let trimmed = json.hasSuffix("\n") ? json.dropLast() : Substring(json)
        guard trimmed.hasSuffix("\n}"), trimmed.count > 2 else { return [json] }
        let close = trimmed.index(trimmed.endIndex, offsetBy: -2)
        return [String(json[..<close]), ",\n  \"run\" : \(object)", String(json[close...])]
    }

    /// The run as a sheet of a workbook.
    public var sheet: Spreadsheet.Sheet {
        Spreadsheet.Sheet(name: "run", headers: ["item", "value"], rows: [
            [.text("tool"), .text(tool)], [.text("generated (UTC)"), .text(generated)], [.text("command"), .text(command)],
        ] + inputs.map { [.text("input \($0.path)"), .text("sha256 \($0.sha256)")] } + (seed.map { [[.text("seed"), .number(Double($0))]] } ?? []))
    }
}
