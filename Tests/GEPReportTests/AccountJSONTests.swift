import Foundation
import GEPCore
@testable import GEPReport
import Testing

/// The account's JSON is written field by field for speed; it must stay the bytes `JSONEncoder` writes for the
/// same ``AccountReport``, whatever the strings and numbers hold, and decode back to an equal report.
@Suite("Account report JSON")
struct AccountJSONTests {
    /// Every optional field set in one place and absent in another, strings with quotes, backslashes, slashes,
    /// control characters and CJK, numbers integral, tiny, huge, negative and negative zero, empty lists and maps.
    static func report(optionals: Bool) -> AccountReport {
        let odd = "a \"quoted\" \\ path/to\u{1}\u{1f}\n\r\t\u{8}\u{c}\u{7f} 根河 é"
        return AccountReport(
            schema: AccountReport.schema,
            region: .init(id: "r/1", name: odd, localName: optionals ? "根河市" : nil, areaSquareKilometres: 19_659),
            year: 2022, reportYear: 2010, priceBook: odd, deflator: optionals ? "CPI" : nil, gepYuan: 3.769623216980662e10,
            byCategoryYuan: ["regulating": 1e20, "cultural": 0, "provisioning": -0.0],
            gepPerSquareKilometreYuan: optionals ? 1917505.0699326831 : nil, gepPerCapitaYuan: optionals ? 1e-7 : nil,
            gepToGDP: optionals ? 2.5e15 : nil,
            services: [.init(id: "water-conservation", name: odd, localName: "水源涵养", category: "regulating", method: "water-balance",
                             includedInTotal: false, physicalAmount: 1.7976931348623157e308, physicalUnit: "m³", valueYuan: 5e-324,
                             lines: [.init(id: "w", label: odd, quantity: 123.0, unit: "m³", priceKey: "k", priceYuan: 7.06, valueYuan: 0.1)]),
                       .init(id: "empty", name: "", localName: "", category: "cultural", method: "", includedInTotal: true,
                             physicalAmount: 0, physicalUnit: "", valueYuan: 0, lines: [])],
            units: [.init(id: "u\"1", name: odd, localName: optionals ? "满归镇" : nil, areaSquareKilometres: 3072.81, gepYuan: -12.5,
                          serviceValuesYuan: ["water-conservation": 1e16, "empty": 0, "Zed": 3, "é": 4], physicalAmounts: [:])],
            provenance: [ProvenanceRow(scope: optionals ? "u1" : nil, item: odd, value: "3072.81 km²",
                                       provenance: try! .init(source: odd, year: optionals ? 2019 : nil, status: .published, note: optionals ? odd : nil))],
            warnings: optionals ? [.init(service: "w", unit: "u", message: odd)] : [],
            servicesNotRun: optionals ? [.init(id: "cultural-tourism", name: odd, localName: "文化\u{1}旅游", reason: odd)] : [],
            maps: optionals ? [QuickLookMap(service: "w/\"x", unit: "m³/ha", width: 2, height: 2, values: [1.5, nil, -0.0, 2e20])] : nil)
    }

    @Test("the same bytes as JSONEncoder, and a round trip", arguments: [true, false])
    func sameAsJSONEncoder(optionals: Bool) throws {
        let report = Self.report(optionals: optionals)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        let written = try report.renderJSON()
        #expect(written == expected)
        #expect(try JSONDecoder().decode(AccountReport.self, from: Data(written.utf8)) == report)
    }

    /// Units, provenance and warnings are written in pieces on several cores and joined: with many of each (and an
    /// escaped string and a non-finite number late in the units) the bytes are still `JSONEncoder`'s, or the same
    /// refusal.
    @Test("long arrays written in pieces give JSONEncoder's bytes")
    func longArraysInPieces() throws {
        let base = Self.report(optionals: true)
        func unit(_ i: Int, lastGEP: Double) -> AccountReport.UnitRow {
            let name = i == 77 ? "a \"quoted\" name" : "Unit \(i)"
            let localName: String? = i % 2 == 0 ? "单元\(i)" : nil
            let gep: Double = i == 100 ? lastGEP : Double(i) * 1e7 + 0.25
            let values: [String: Double] = ["water-conservation": Double(i), "carbon-sink": -Double(i)]
            return AccountReport.UnitRow(id: "u\(i)", name: name, localName: localName, areaSquareKilometres: Double(i) * 1.5, gepYuan: gep,
                                         serviceValuesYuan: values, physicalAmounts: ["water-conservation": 2])
        }
        func report(lastGEP: Double) -> AccountReport {
            AccountReport(
                schema: base.schema, region: base.region, year: base.year, reportYear: base.reportYear, priceBook: base.priceBook,
                deflator: base.deflator, gepYuan: base.gepYuan, byCategoryYuan: base.byCategoryYuan,
                gepPerSquareKilometreYuan: base.gepPerSquareKilometreYuan, gepPerCapitaYuan: base.gepPerCapitaYuan, gepToGDP: base.gepToGDP,
                services: base.services,
                units: (0..<101).map { unit($0, lastGEP: lastGEP) },
                provenance: base.provenance + base.provenance + base.provenance,
                warnings: (0..<9).map { .init(service: "w", unit: "u\($0)", message: "message \($0)") },
                servicesNotRun: base.servicesNotRun, maps: base.maps)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let finite = report(lastGEP: 3)
        #expect(try finite.renderJSON() == String(decoding: try encoder.encode(finite), as: UTF8.self) + "\n")
        #expect(throws: EncodingError.self) { try report(lastGEP: .nan).renderJSON() }
    }

    @Test("a number JSON cannot hold is refused as JSONEncoder refuses it")
    func nonFiniteRefused() {
        var report = Self.report(optionals: true)
        report = AccountReport(schema: report.schema, region: report.region, year: report.year, reportYear: report.reportYear,
                               priceBook: report.priceBook, deflator: report.deflator, gepYuan: .infinity, byCategoryYuan: [:],
                               gepPerSquareKilometreYuan: nil, gepPerCapitaYuan: nil, gepToGDP: nil, services: [], units: [],
                               provenance: [], warnings: [], servicesNotRun: [])
        #expect(throws: EncodingError.self) { try report.renderJSON() }
    }
}
