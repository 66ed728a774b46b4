import Foundation
import GEPReport
import Testing

/// A workbook read back with `unzip`: each sheet's name and its cells (numbers as numbers, text through the shared
/// strings), rows and columns from 0.
struct WorkbookReadBack {
    let sheets: [(name: String, cells: [[Int: Cell]])]

    enum Cell: Equatable {
        case number(Double)
        case text(String)
    }

    init(_ path: String) throws {
        func part(_ name: String) throws -> String { String(decoding: try runProgram("/usr/bin/unzip", ["-p", path, name]), as: UTF8.self) }
        func unescaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        /// The text between each `open…>` and `close` in `xml`, with the opening tag's attributes.
        func elements(_ xml: String, _ open: String, _ close: String) -> [(attributes: Substring, body: Substring)] {
            xml.components(separatedBy: open).dropFirst().compactMap { piece in
                guard let end = piece.firstIndex(of: ">") else { return nil }
                let attributes = piece[..<end]
                if attributes.hasSuffix("/") { return (attributes, "") }
                let rest = piece[piece.index(after: end)...]
                return (attributes, rest.range(of: close).map { rest[..<$0.lowerBound] } ?? rest)
            }
        }
        func attribute(_ name: String, _ attributes: Substring) -> String? {
            attributes.range(of: "\(name)=\"").map { String(attributes[$0.upperBound...].prefix { $0 != "\"" }) }
        }
        let strings = elements(try part("xl/sharedStrings.xml"), "<si", "</si>").map { si in
            elements(String(si.body), "<t", "</t>").map { unescaped($0.body) }.joined()
        }
        let names = elements(try part("xl/workbook.xml"), "<sheet ", "/>").compactMap { attribute("name", $0.attributes).map { unescaped(Substring($0)) } }
        sheets = try names.enumerated().map { index, name in
            var rows: [[Int: Cell]] = []
            for cell in elements(try part("xl/worksheets/sheet\(index + 1).xml"), "<c ", "</c>") {
                guard let reference = attribute("r", cell.attributes), let value = elements(String(cell.body), "<v", "</v>").first?.body else { continue }
                let letters = reference.prefix { $0.isLetter }
                let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                let row = (Int(reference.dropFirst(letters.count)) ?? 1) - 1
                while rows.count <= row { rows.append([:]) }
                rows[row][column] = attribute("t", cell.attributes) == "s" ? .text(strings[Int(value) ?? 0]) : .number(Double(value) ?? .nan)
            }
            return (name, rows)
        }
    }

    func sheet(_ name: String) -> [[Int: Cell]] { sheets.first { $0.name == name }?.cells ?? [] }
}

@Suite("xlsx exports")
struct XLSXTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func expectSame(_ cell: WorkbookReadBack.Cell?, _ value: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case let .number(read)? = cell else { Issue.record("\(what): not a number: \(String(describing: cell))", sourceLocation: sourceLocation); return }
        #expect(abs(read - value) <= 1e-15 * abs(value), "\(what): \(read) vs \(value)", sourceLocation: sourceLocation)
    }

    /// The Genhe account's workbook holds the same numbers as its JSON: each service's value, each unit's GEP and
    /// service values, as numbers, with the units in the headers.
    @Test func accountReadsBackToTheJSONNumbers() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("genhe.xlsx").path
        let run = try runGEP(["account", "models/regions/genhe.yaml", "--out", book], in: packageRoot)
        #expect(run.status == 0 && run.standardOutput.isEmpty, "\(run.standardError)")
        let report = try JSONDecoder().decode(AccountReport.self, from: Data(try runGEP(["account", "models/regions/genhe.yaml", "--format", "json"], in: packageRoot).standardOutput.utf8))
        let workbook = try WorkbookReadBack(book)
        #expect(workbook.sheets.map(\.name) == ["summary", "services", "lines", "units", "provenance", "run"])
        expectSame(workbook.sheet("summary")[1][1], report.gepYuan, "GEP")
        let services = workbook.sheet("services")
        #expect(services[0][8] == .text("value (元)"))
        for (row, service) in report.services.enumerated() {
            #expect(services[row + 1][0] == .text(service.id))
            expectSame(services[row + 1][6], service.physicalAmount, "\(service.id) physical")
            expectSame(services[row + 1][8], service.valueYuan, "\(service.id) value")
        }
        let units = workbook.sheet("units")
        #expect(units[0][4] == .text("GEP (元)") && units[0][5] == .text("\(report.services[0].id) (元)"))
        for (row, unit) in report.units.enumerated() {
            #expect(units[row + 1][0] == .text(unit.id) && units[row + 1][2] == unit.localName.map(WorkbookReadBack.Cell.text))
            expectSame(units[row + 1][3], unit.areaSquareKilometres, "\(unit.id) area")
            expectSame(units[row + 1][4], unit.gepYuan, "\(unit.id) GEP")
            for (s, service) in report.services.enumerated() {
                expectSame(units[row + 1][5 + s], unit.serviceValuesYuan[service.id] ?? .nan, "\(unit.id) \(service.id)")
            }
        }
        #expect(workbook.sheet("provenance").count == report.provenance.count + 1)
        #expect(workbook.sheet("lines").count == report.services.reduce(1) { $0 + $1.lines.count })
    }

    /// The scheme comparison's workbook: every unit's amount under every scheme, and each scheme's Gini, as in its JSON.
    @Test func comparisonReadsBackToTheJSONNumbers() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("schemes.xlsx").path
        let file = "models/compensation/xilinhot-grassland.yaml"
        #expect(try runGEP(["compare-schemes", file, "--format", "xlsx", "--out", book], in: packageRoot).status == 0)
        let report = try JSONDecoder().decode(CompensationReport.self, from: Data(try runGEP(["compare-schemes", file, "--format", "json"], in: packageRoot).standardOutput.utf8))
        let workbook = try WorkbookReadBack(book)
        #expect(workbook.sheets.map(\.name) == ["amounts", "metrics", "rank agreement", "budget", "provenance", "run"])
        let amounts = workbook.sheet("amounts")
        for (u, unit) in report.units.enumerated() {
            #expect(amounts[u + 1][0] == .text(unit.id))
            for (s, scheme) in report.schemes.enumerated() { expectSame(amounts[u + 1][6 + s], scheme.amountsYuan[u], "\(unit.id) \(scheme.id)") }
        }
        let metrics = workbook.sheet("metrics")
        for (s, scheme) in report.schemes.enumerated() { expectSame(metrics[s + 1][3], scheme.gini, "\(scheme.id) Gini") }
        #expect(workbook.sheet("rank agreement").count == report.rankAgreement.count + 1)
    }

    /// xlsx needs --out, must match its extension, and is refused (with no file) by reports without a workbook.
    @Test func refusals() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noOut = try runGEP(["account", "models/regions/genhe.yaml", "--format", "xlsx"], in: packageRoot)
        #expect(noOut.status != 0 && noOut.standardError.contains("give --out FILE.xlsx"), "\(noOut.standardError)")
        let mismatch = try runGEP(["account", "models/regions/genhe.yaml", "--format", "csv", "--out", folder.appendingPathComponent("a.xlsx").path], in: packageRoot)
        #expect(mismatch.status != 0 && mismatch.standardError.contains("names a xlsx file"), "\(mismatch.standardError)")
        let trend = folder.appendingPathComponent("trend.xlsx")
        let none = try runGEP(["trend", "models/regions/genhe.yaml", "--out", trend.path], in: packageRoot)
        #expect(none.status != 0 && none.standardError.contains("this report has no xlsx form"), "\(none.standardError)")
        #expect(!FileManager.default.fileExists(atPath: trend.path))
    }
}
