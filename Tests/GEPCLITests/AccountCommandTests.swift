import Foundation
import GEPReport
import Testing

@Suite("gep account: the Genhe account in every format")
struct AccountCommandTests {
    static let genhe = packageRoot.appendingPathComponent("models/regions/genhe.yaml").path

    @Test func tablePrintsTotalServicesUnitsAndPrices() throws {
        let run = try runGEP(["account", Self.genhe])
        #expect(run.status == 0, "\(run.standardError)")
        let text = run.standardOutput
        #expect(text.hasPrefix("Genhe (根河市) GEP account, 2022, at 2022 prices\n"))
        for service in ["water-conservation", "soil-retention", "flood-regulation", "carbon-sink", "oxygen-release"] {
            #expect(text.contains(service), "\(service) missing")
        }
        #expect(text.contains("亿m³") && text.contains("元/m³") && text.contains("not summed"))
        #expect(text.contains("GEP per km²"))
    }

    /// The JSON decodes into an AccountReport whose GEP is the sum of its summed services and of its units, and
    /// the CSV rows carry exactly the JSON's numbers.
    @Test func csvAndJSONParseBackToTheSameNumbers() throws {
        let json = try runGEP(["account", Self.genhe, "--format", "json"])
        #expect(json.status == 0)
        let report = try JSONDecoder().decode(AccountReport.self, from: Data(json.standardOutput.utf8))
        #expect(report.schema == "gepkit.account/1")
        let summed = report.services.filter(\.includedInTotal).reduce(0) { $0 + $1.valueYuan }
        #expect(abs(summed - report.gepYuan) <= 1e-9 * report.gepYuan)
        #expect(abs(report.units.reduce(0) { $0 + $1.gepYuan } - report.gepYuan) <= 1e-9 * report.gepYuan)

        let csv = try runGEP(["account", Self.genhe, "--format", "csv"])
        let rows = parseCSV(csv.standardOutput)
        #expect(rows.first == AccountReport.csvHeaderForTests)
        let total = try #require(rows.first { $0[0] == "region" && $0[5] == "GEP" })
        #expect(Double(total[11]) == report.gepYuan && total[1] == "genhe" && total[3] == "根河市")
        for service in report.services {
            let row = try #require(rows.first { $0[0] == "region" && $0[5] == service.id })
            #expect(Double(row[9]) == service.physicalAmount && Double(row[11]) == service.valueYuan)
        }
        for unit in report.units {
            for service in report.services {
                let row = try #require(rows.first { $0[0] == "unit" && $0[1] == unit.id && $0[5] == service.id })
                #expect(Double(row[11]) == unit.serviceValuesYuan[service.id])
                #expect(row[3] == (unit.localName ?? "") && Double(row[4]) == unit.areaSquareKilometres)
            }
        }
        // Summing the unit rows counts every value once: the counted services' values add up to GEP.
        let counted = Set(report.services.filter(\.includedInTotal).map(\.id))
        let unitSum = rows.dropFirst().filter { $0[0] == "unit" && counted.contains($0[5]) }.reduce(0) { $0 + (Double($1[11]) ?? .nan) }
        #expect(abs(unitSum - report.gepYuan) <= 1e-9 * report.gepYuan)
    }

    @Test func provenanceListsEveryInputPriceAndArea() throws {
        let run = try runGEP(["account", Self.genhe, "--provenance"])
        let section = try #require(run.standardOutput.components(separatedBy: "\nprovenance:\n").last)
        for item in ["precipitation", "evapotranspiration", "nep", "reservoir-construction-cost", "carbon-price", "areas", "population"] {
            #expect(section.contains(item), "\(item) missing from provenance")
        }
        #expect(section.contains("assumed") && section.contains("published"))
        #expect(section.contains("《内蒙古自治区根河市国家生态文明建设示范市规划（2023-2035）》"), "the plan cited by its title")
    }

    @Test func markdownAndHTMLCarryTheTotal() throws {
        let json = try JSONDecoder().decode(AccountReport.self, from: Data(try runGEP(["account", Self.genhe, "--format", "json"]).standardOutput.utf8))
        let total = String(format: "%.2f 亿元", json.gepYuan / 1e8)
        #expect(try runGEP(["account", Self.genhe, "--format", "md"]).standardOutput.contains("| GEP | \(total) (partial: 6 services not run) |"))
        let html = try runGEP(["account", Self.genhe, "--format", "html"]).standardOutput
        #expect(html.contains("<strong>\(total)</strong>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
    }

    /// Manzhouli and Xilinhot: grassland regions where wind-sand fixation runs; each prints its total and services,
    /// and Manzhouli, which has a published GDP, its GEP/GDP ratio.
    @Test(arguments: [("manzhouli", ["water-conservation", "wind-sand-fixation", "carbon-sink"]),
                      ("xilinhot", ["water-conservation", "wind-sand-fixation", "flood-regulation", "carbon-sink"])])
    func grasslandRegions(region: String, services: [String]) throws {
        let path = packageRoot.appendingPathComponent("models/regions/\(region).yaml").path
        let run = try runGEP(["account", path, "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(AccountReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.services.map(\.id) == services)
        #expect(report.gepYuan > 0)
        let sand = try #require(report.services.first { $0.id == "wind-sand-fixation" })
        #expect(sand.valueYuan > 0 && sand.physicalUnit == "t")
        #expect((report.gepToGDP != nil) == (region == "manzhouli"))
        let table = try runGEP(["account", path]).standardOutput
        #expect(table.contains("GEP ") && table.contains("元/m²"))
    }

    @Test func wrongYearIsRefused() throws {
        let run = try runGEP(["account", Self.genhe, "--year", "2019"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("no year 2019 in the file; it holds 2021, 2022"), "\(run.standardError)")
    }
}

/// A minimal RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF rows.
func parseCSV(_ report: String) -> [[String]] {
    // The run's metadata stands before the header as `#` lines, which CSV readers are told to skip.
    let text = report.split(separator: "\r\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#") }.joined(separator: "\r\n")
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    while let character = iterator.next() {
        if quoted {
            if character == "\"" {
                if let next = iterator.next() {
                    if next == "\"" { field.append("\"") } else {
                        quoted = false
                        if next == "," { row.append(field); field = "" } else if next == "\n" || next == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
                    }
                } else { quoted = false }
            } else { field.append(character) }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            row.append(field); field = ""
        } else if character == "\n" || character == "\r\n" || character == "\r" {
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.append(character)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

extension AccountReport {
    static var csvHeaderForTests: [String] {
        ["level", "unit", "name", "local_name", "area_km2", "service", "category", "method", "in_total", "physical_amount", "physical_unit",
         "value_yuan", "price_year"]
    }
}
