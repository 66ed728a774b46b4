import Foundation
import Testing

/// Inputs that used to trap, overflow or pass silently (issue 11), each a minimised edit of the bundled models in a
/// scratch copy: the command exits non-zero with one message naming the file and what was expected, and writes no
/// output; or, where the input is legitimate, the output holds no inf or nan.
@Suite("Hostile inputs: refused with a message, never a trap or a silent wrong number")
struct HostileInputTests {
    /// A scratch copy of models/ with `file` edited (`find` replaced by `replace`); returns the folder.
    static func scratch(_ file: String, _ find: String, _ replace: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-hostile-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("models"), to: folder)
        let path = folder.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.contains(find), "the fixture no longer matches \(file): \(find)")
        try text.replacingOccurrences(of: find, with: replace).write(to: path, atomically: true, encoding: .utf8)
        return folder
    }

    /// (file edited, find, replace, command and its file, expected message).
    static let refused: [(file: String, find: String, replace: String, command: [String], message: String)] = [
        ("prices/china-cpi.yaml", "base-year: 2003", "base-year: 9223372036854775807", ["validate", "prices/china-cpi.yaml"],
         "base-year: expected a year from 1000 to 9999, found 9223372036854775807"),
        ("prices/china-cpi.yaml", "base-year: 2003\nchange-on-previous-year:", "index: {}\nchange-on-previous-year:", ["validate", "prices/china-cpi.yaml"],
         "index: expected at least one year: value line"),
        ("compensation/genhe-units.yaml", "shapley: {}", "shapley: {seed: -1}", ["compare-schemes", "compensation/genhe-units.yaml"],
         "schemes.shapley.seed: expected a whole number from 0 to"),
        ("compensation/genhe-units.yaml", "shapley: {}", "shapley: {permutations: 1}", ["compare-schemes", "compensation/genhe-units.yaml"],
         "schemes.shapley.permutations: expected a whole number from 2 to 10000000, found 1"),
        ("regions/genhe.yaml", "years:\n  2021:", "years:\n  twenty-one:", ["account", "regions/genhe.yaml"],
         "expected a year from 1000 to 9999 as the key, found \"twenty-one\""),
        ("compensation/genhe-units.yaml", "budget: {value: 1, unit: 亿元, year: 2022,", "budget: {value: 1, unit: 亿元, year: 1900,",
         ["compare-schemes", "compensation/genhe-units.yaml"], "budget: cannot restate the budget to 2022 prices"),
        ("compensation/genhe-units.yaml", "      jinhe: {value: 2000, unit: 万元}", "      jinhee: {value: 2000, unit: 万元}",
         ["compare-schemes", "compensation/genhe-units.yaml"], "schemes.optimised.caps.jinhee: no unit \"jinhee\""),
        ("compensation/genhe-units.yaml", "      public-welfare-forest: {value: 10, unit: 元/亩,", "      grazing-ban: {value: 10, unit: 元/亩,",
         ["compare-schemes", "compensation/genhe-units.yaml"], "no unit holds regime \"grazing-ban\", so its rate would pay nothing"),
        ("compensation/genhe-units.yaml", "      public-welfare-forest: {value: 10, unit: 元/亩,", "      public-welfare-forest: {value: -10, unit: 元/亩,",
         ["compare-schemes", "compensation/genhe-units.yaml"], "a rate cannot be negative (found -10.0)"),
        ("compensation/genhe-units.yaml", "      public-welfare-forest: {value: 422.9, unit: 万亩,", "      public-welfare-forest: {value: -422.9, unit: 万亩,",
         ["compare-schemes", "compensation/genhe-units.yaml"], "a regime area cannot be negative"),
        ("compensation/genhe-units.yaml", "use: {manggui: 0.05, jinhe: 0.05, alongshan: 0.05, derbur: 0.05, aoluguya: 0.05, city: 0.15}\n    routing:\n      jinhe: {city: 0.3}",
         "use: {manggui: 0.05, jinhe: 0, alongshan: 0.05, derbur: 0.05, aoluguya: 0.05, city: 0}\n    routing:\n      jinhe: {city: 1}\n      city: {jinhe: 1}",
         ["compare-schemes", "compensation/genhe-units.yaml"], "the routing sends flow round a closed loop"),
        ("compensation/genhe-units.yaml", "budget: {value: 1, unit: 亿元,", "budget: {value: 1e300, unit: 亿元,",
         ["compare-schemes", "compensation/genhe-units.yaml"], "expected a non-negative amount of at most 1e15 元"),
        ("prices/gep-guideline-2010.yaml", "uncertainty: {distribution: uniform, min: 50.54, max: 61.60}}",
         "uncertainty: {distribution: normal, relative-sd: 1e300, truncate-below: none}}",
         ["uncertainty", "regions/manzhouli.yaml"], "a price cannot be negative: its draws need truncate-below 0 or more"),
        ("prices/gep-guideline-2010.yaml", "uncertainty: {distribution: uniform, min: 50.54, max: 61.60}}", "uncertainty: {distribution: normal, relative-sd: 1e300}}",
         ["uncertainty", "regions/manzhouli.yaml", "--draws", "100"], "the draws of GEP are too large to summarise"),
        ("regions/genhe.yaml", "year: 2022", "year: 2022", ["compare-schemes", "regions/genhe.yaml"],
         "this is a region model, not a compensation model; a region model is read by gep account"),
        ("compensation/genhe-units.yaml", "budget:", "budget:", ["account", "compensation/genhe-units.yaml"],
         "this is a compensation model, not a region model; a compensation model is read by gep compare-schemes"),
        ("regions/genhe.yaml", "region: {id: genhe, name: Genhe, local-name: 根河市}\n", "", ["account", "regions/genhe.yaml"],
         ": region: missing required field"),
        ("regions/genhe.yaml", "region: {id: genhe, name: Genhe, local-name: 根河市}\n", "kind: price-book\nregion: {id: genhe, name: Genhe, local-name: 根河市}\n",
         ["account", "regions/genhe.yaml"], "this is a price book, not a region model"),
        // NEP of 10³⁰⁵ g C/m² over 10⁹ m² of larch, and a reservoir cost of 10³⁰⁶ 元/m³ for 3.6·10⁹ m³: past the
        // largest double once multiplied, though each number is finite.
        ("regions/genhe.yaml", "by-ecosystem-type: {deciduous-needleleaf-forest: 194,", "by-ecosystem-type: {deciduous-needleleaf-forest: 1e305,",
         ["account", "regions/genhe.yaml", "--format", "md"], "expected a finite number"),
        ("prices/gep-guideline-2010.yaml", "reservoir-construction-cost: {value: 7.06,", "reservoir-construction-cost: {value: 1e306,",
         ["account", "regions/genhe.yaml", "--format", "csv"], "expected a finite number"),
        // 10³⁰⁰ mm of rain over 19 659 km² is 2·10³¹⁰ m³: past the largest double.
        ("regions/genhe.yaml", "  precipitation: {value: 500, unit: mm, year: 2022,", "  precipitation: {value: 1e300, unit: mm, year: 2022,",
         ["account", "regions/genhe.yaml", "--format", "html"], "expected a finite number"),
        ("regions/genhe.yaml", "  precipitation: {value: 500, unit: mm, year: 2022,", "  precipitation: {value: 1e300, unit: mm, year: 2022,",
         ["uncertainty", "regions/genhe.yaml", "--draws", "20"], "expected a finite number"),
    ]

    /// The bundled formula service run beside the built-in one, with its physical formula edited to `edit`.
    static func withFormula(_ formula: String) throws -> (folder: URL, model: String) {
        let folder = try scratch("regions/genhe.yaml", "services:\n  - id: water-conservation\n",
                                 "service-files: [../services/water-conservation-formula.yaml]\nservices:\n  - id: water-conservation\n  - id: water-conservation-formula\n")
        let service = folder.appendingPathComponent("services/water-conservation-formula.yaml")
        let text = try String(contentsOf: service, encoding: .utf8)
        let original = "physical: sum(area * max(P - P * alpha - ET, 0))"
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: "physical: \(formula)").write(to: service, atomically: true, encoding: .utf8)
        return (folder, folder.appendingPathComponent("regions/genhe.yaml").path)
    }

    /// A formula whose value comes out negative is refused (only a net carbon source may be below zero); one whose
    /// product overflows is refused at the "*", and one whose terms are finite but whose sum is not (each type's
    /// 4·10⁸ m³ × 4·10²⁹⁹ ≈ 1.6·10³⁰⁸, under the largest double 1.8·10³⁰⁸; two of them are not) at the sum.
    @Test(arguments: [
        ("0 - sum(area * max(P - P * alpha - ET, 0))", "method formula gives no negative values"),
        ("sum(area * max(P - P * alpha - ET, 0) * 1e308)", "* gives inf"),
        ("sum(area * max(P - P * alpha - ET, 0) * 4e299)", "sum gives inf: the terms are finite, their sum is not"),
    ])
    func formulaResultsMustBeFiniteAndNotNegative(formula: String, message: String) throws {
        let (folder, model) = try Self.withFormula(formula)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runGEP(["account", model, "--format", "csv"])
        #expect(run.status != 0 && run.standardError.contains(message), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    /// A unit of no area: its GEP per km² is "n/a" in the table, not nan, and the account still runs.
    @Test func aUnitOfNoAreaHasNoFigurePerSquareKilometre() throws {
        let folder = try Self.scratch("regions/genhe.yaml", "area: {value: 3072.81,", "area: {value: 0,")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runGEP(["account", folder.appendingPathComponent("regions/genhe.yaml").path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.range(of: #"(?<![A-Za-z])(inf|nan)(?![A-Za-z])"#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(run.standardOutput.contains("n/a"))
    }

    @Test(arguments: 0..<refused.count)
    func refusedWithOneMessageAndNoOutput(index: Int) throws {
        let (file, find, replace, command, message) = Self.refused[index]
        let folder = try Self.scratch(file, find, replace)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.out").path
        let arguments = [command[0], folder.appendingPathComponent(command[1]).path] + command.dropFirst(2)
        let run = try runGEP(arguments + (command[0] == "validate" ? [] : ["--out", out]))
        #expect(run.status != 0 && run.status != 132 && run.status != 134, "\(command): status \(run.status)")
        #expect(run.standardError.contains(message), "\(command): \(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1, "one message: \(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A population of 0 leaves GEP per capita undefined: absent from the JSON and "n/a" in the table, not inf.
    @Test func zeroPopulationGivesNoPerCapitaFigure() throws {
        let folder = try Self.scratch("regions/genhe.yaml", "population: {value: 130722,", "population: {value: 0,")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("regions/genhe.yaml").path
        let json = try runGEP(["account", model, "--format", "json"])
        #expect(json.status == 0, "\(json.standardError)")
        #expect(!json.standardOutput.contains("gepPerCapitaYuan"))
        for format in ["table", "csv", "md"] {
            let text = try runGEP(["account", model, "--format", format]).standardOutput
            #expect(text.range(of: #"(?<![A-Za-z])(inf|nan)(?![A-Za-z])"#, options: [.regularExpression, .caseInsensitive]) == nil, "\(format)")
        }
    }

    /// A compensation file may name its region by an absolute path; it is used as written, not joined to the folder.
    @Test func absoluteRegionPathIsUsedAsWritten() throws {
        let region = packageRoot.appendingPathComponent("models/regions/genhe.yaml").path
        let folder = try Self.scratch("compensation/genhe-units.yaml", "region: ../regions/genhe.yaml", "region: \(region)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runGEP(["compare-schemes", folder.appendingPathComponent("compensation/genhe-units.yaml").path, "--schemes", "gep-share"])
        #expect(run.status == 0, "\(run.standardError)")
    }

    /// `--out` never replaces the run's own inputs (the model, a file it names, here the price book, or a units table
    /// it reads), nor a FIFO:
    /// the atomic write would swap in a regular file. Each is refused, and the input is left as it was.
    @Test func outRefusesInputsAndSpecialFiles() throws {
        let folder = try Self.scratch("regions/genhe.yaml", "year: 2022", "year: 2022")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("regions/genhe.yaml").path
        let prices = folder.appendingPathComponent("prices/gep-guideline-2010.yaml").path
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let before = try String(contentsOfFile: prices, encoding: .utf8)
        for (target, message) in [(model, "an input of this run"), (prices, "an input of this run"), (fifo, "must be a regular file")] {
            let run = try runGEP(["account", model, "--out", target])
            #expect(run.status != 0 && run.standardError.contains(message), "\(target): \(run.standardError)")
        }
        #expect(try String(contentsOfFile: prices, encoding: .utf8) == before)
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)

        // A units table is an input too, though no key of the model names it as a model file: it was read.
        let genhe = try String(contentsOfFile: model, encoding: .utf8).components(separatedBy: "\nunits:\n")
        let rest = try #require(genhe.count == 2 ? genhe[1].range(of: "\n\n# Other years") : nil)
        let tableModel = folder.appendingPathComponent("regions/table.yaml").path
        try (genhe[0] + "\nunits-file: {path: units.csv, source: genhe-plan, status: published}\n" + genhe[1][rest.lowerBound...])
            .write(toFile: tableModel, atomically: true, encoding: .utf8)
        let units = folder.appendingPathComponent("regions/units.csv").path
        let table = "id,name,area [km²]\r\na,A,100\r\n"
        try table.write(toFile: units, atomically: true, encoding: .utf8)
        #expect(try runGEP(["account", tableModel]).status == 0)
        let run = try runGEP(["account", tableModel, "--format", "csv", "--out", units])
        #expect(run.status != 0 && run.standardError.contains("an input of this run"), "\(run.standardError)")
        #expect(try String(contentsOfFile: units, encoding: .utf8) == table)
    }

    /// A unit named with a newline, a leading "=" and a terminal escape: the CSV quotes the newline and defuses the
    /// formula, the Markdown table stays one row per unit, and the terminal table carries no escape character.
    @Test func hostileNamesAreSafeInEveryTextFormat() throws {
        let folder = try Self.scratch("regions/genhe.yaml", "id: manggui", "id: \"=HYPERLINK(1)\\nx\\u001B[2J\"")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("regions/genhe.yaml").path
        let csv = try runGEP(["account", model, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        #expect(csv.standardOutput.contains("\"'=HYPERLINK(1)\nx"))
        #expect(!csv.standardOutput.contains(",=HYPERLINK"))
        let md = try runGEP(["account", model, "--format", "md"]).standardOutput
        #expect(md.contains("=HYPERLINK(1) x"))
        let markup = try Self.scratch("regions/genhe.yaml", "id: manggui", "id: \"<script>x|y</script>\"")
        defer { try? FileManager.default.removeItem(at: markup) }
        let escaped = try runGEP(["account", markup.appendingPathComponent("regions/genhe.yaml").path, "--format", "md"]).standardOutput
        #expect(escaped.contains("&lt;script&gt;x\\|y&lt;/script&gt;") && !escaped.contains("<script>"), "\(escaped.prefix(600))")
        let table = try runGEP(["account", model]).standardOutput
        #expect(!table.unicodeScalars.contains("\u{1B}"))
        // An id echoed in an error reaches the terminal without its escape sequence too.
        let echoed = try Self.scratch("regions/genhe.yaml", "  - id: soil-retention", "  - id: \"soil\\u001B]0;owned\\u0007\"")
        defer { try? FileManager.default.removeItem(at: echoed) }
        let error = try runGEP(["account", echoed.appendingPathComponent("regions/genhe.yaml").path]).standardError
        #expect(error.contains("unknown service \"soil]0;owned\"") && !error.unicodeScalars.contains("\u{1B}") && !error.unicodeScalars.contains("\u{07}"), "\(error)")
    }

    /// Alias bombs, refused before Yams builds the tree and in well under a second: aliases as mapping keys (which
    /// cost the composer exponential time: 11 levels took 7 s, the issue's 571-byte file about 100 minutes), a list
    /// doubling 24 times (2²⁵ nodes), and nesting past 64 levels.
    @Test(arguments: [
        ("keys", "a mapping key must be text, not an alias"),
        ("doubling", "expands to more than 5000000 YAML nodes"),
        ("deep", "YAML nested deeper than 64 levels"),
    ])
    func yamlBombsAreRefusedAtOnce(kind: String, message: String) throws {
        var lines: [String]
        switch kind {
        case "keys":
            lines = ["a0: &a0 {x: 1, y: 1}"] + (1...20).map { "a\($0): &a\($0) {? *a\($0 - 1) : 1, ? [*a\($0 - 1), *a\($0 - 1)] : 2}" }
        case "doubling":
            lines = ["a0: &a0 [x, y]"] + (1...24).map { "a\($0): &a\($0) [*a\($0 - 1), *a\($0 - 1)]" }
        default:
            lines = ["region: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)]
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-bomb-\(UUID().uuidString).yaml")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let start = Date()
        let run = try runGEP(["validate", file.path])
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(run.status != 0 && run.standardError.contains(message), "\(run.standardError)")
    }

    /// A megabyte-long value in an error is cut to 200 characters with its length (the id and its quotes, 10⁶ + 3),
    /// so the message stays one readable line.
    @Test func longValuesAreCutInMessages() throws {
        let long = String(repeating: "x", count: 1_000_000)
        let folder = try Self.scratch("regions/genhe.yaml", "  - id: soil-retention", "  - id: \(long)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runGEP(["account", folder.appendingPathComponent("regions/genhe.yaml").path])
        #expect(run.status != 0 && run.standardError.contains("… (1000003 characters)") && run.standardError.count < 2000, "\(run.standardError.count)")
    }

    /// An input refused while computing (ET above precipitation less runoff, once precipitation drops to 300 mm)
    /// is reported at its entry in the file: the line where the value of `evapotranspiration:` starts (the line after
    /// the key: the value is a block mapping), its field path, and the service and unit that refused it.
    @Test func anInputRefusedWhileComputingIsLocatedInTheFile() throws {
        let folder = try Self.scratch("regions/genhe.yaml", "  precipitation: {value: 500, unit: mm, year: 2022,", "  precipitation: {value: 300, unit: mm, year: 2022,")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("regions/genhe.yaml").path
        let lines = try String(contentsOfFile: model, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("  evapotranspiration:") }) + 2
        let run = try runGEP(["account", model])
        #expect(run.status != 0)
        #expect(run.standardError.hasPrefix("Error: \(model):\(line):5: inputs.evapotranspiration: service water-conservation, unit "), "\(run.standardError)")
    }
}
