import Accounts
import Foundation
import GEPCore

/// An extent account as a report, areas in km²: part of `gep ecosystem-accounts`, and the output of
/// `gep raster extent` (schema `gepkit.extent/1`, schemas/gepkit.extent-1.schema.json).
public struct ExtentReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.extent/1"

    public struct Row: Sendable, Codable, Equatable {
        public let type: String, localName: String
        public let openingKm2: Double, additionsKm2: Double, reductionsKm2: Double, netChangeKm2: Double, closingKm2: Double
    }
    /// A conversion: in one accounting unit as listed or counted, or (without `unit`) a cell of the region's matrix.
    public struct Conversion: Sendable, Codable, Equatable {
        public let unit: String?
        public let from: String, to: String, areaKm2: Double
        public let source: String?
    }

    public let schema: String
    public let region: String
    public let openingYear: Int, closingYear: Int
    public let hasConversionMatrix: Bool
    public let rows: [Row]
    public let conversions: [Conversion]
    public let conversionMatrix: [Conversion]
    /// Pixels left out of both dates for nodata in either map; nil for a table model.
    public let skippedPixels: Int?

    /// - Parameter conversions: the conversions by unit behind the account, each with its source.
    public init(_ account: ExtentAccount, region: String, openingYear: Int, closingYear: Int,
                conversions: [(unit: String, from: EcosystemType, to: EcosystemType, area: Quantity<Area>, source: String)], skippedPixels: Int? = nil) {
        schema = Self.schema
        self.region = region
        self.openingYear = openingYear
        self.closingYear = closingYear
        hasConversionMatrix = account.hasConversionMatrix
        rows = account.rows.map {
            Row(type: $0.type.rawValue, localName: $0.type.localName, openingKm2: km2($0.opening), additionsKm2: km2($0.additions),
                reductionsKm2: km2($0.reductions), netChangeKm2: km2($0.netChange), closingKm2: km2($0.closing))
        }
        self.conversions = conversions.map { Conversion(unit: $0.unit, from: $0.from.rawValue, to: $0.to.rawValue, areaKm2: km2($0.area), source: $0.source) }
        conversionMatrix = account.conversions.map { Conversion(unit: nil, from: $0.from.rawValue, to: $0.to.rawValue, areaKm2: km2($0.area), source: nil) }
        self.skippedPixels = skippedPixels
    }

    public func render(_ format: ReportFormat, language: ReportLanguage = .en) throws -> String {
        if format == .json { return try jsonText(self) }
        let l = language
        let lead = skippedPixels.map { [l.pick("\($0) pixels with nodata in either map are left out of both dates.", "两期图中任一期无数据的\($0)个像元，两期均不计。")] } ?? []
        return ReportSection.render(title: l.pick("\(region) ecosystem extent account (SEEA EA), \(openingYear)–\(closingYear)",
                                                  "\(region)生态系统范围账户（SEEA EA），\(openingYear)—\(closingYear)年"), lead: lead,
                                    sections: sections(language), as: format)
    }

    /// "deciduous-needleleaf-forest 落叶针叶林", by type id.
    var names: [String: String] { Dictionary(uniqueKeysWithValues: rows.map { ($0.type, "\($0.type) \($0.localName)") }) }

    /// The extent table with its chart, then the conversion matrix and the conversions by unit when there are any.
    func sections(_ l: ReportLanguage) -> [ReportSection] {
        let name = names
        let number = { (value: Double) in formatNumber(value, significant: 6) }
        var sections = [ReportSection(
            id: "extent", title: l.pick("Extent account (km²)", "生态系统范围账户（km²）"),
            note: hasConversionMatrix ? l.pick("closing = opening + additions − reductions; additions and reductions from the conversions",
                                               "期末 = 期初 + 增加 − 减少；增加与减少来自类型转换")
                : l.pick("no conversions known: only the net change is shown, as an addition or a reduction", "无类型转换数据：仅列出净变化"),
            headers: [l.pick("ecosystem type", "生态系统类型"), l.pick("opening \(openingYear)", "期初（\(openingYear)年）"), l.pick("additions", "增加"),
                      l.pick("reductions", "减少"), l.pick("net change", "净变化"), l.pick("closing \(closingYear)", "期末（\(closingYear)年）")],
            rows: rows.map { [name[$0.type] ?? $0.type, number($0.openingKm2), number($0.additionsKm2), number($0.reductionsKm2), number($0.netChangeKm2), number($0.closingKm2)] },
            chart: SVGBarChart(title: l.pick("extent, km²", "面积（km²）"), groups: rows.map { row in
                SVGBarChart.Group(heading: name[row.type], bars: [
                    .init(label: "\(openingYear)", value: row.openingKm2, annotation: "\(number(row.openingKm2)) km²"),
                    .init(label: "\(closingYear)", value: row.closingKm2, annotation: "\(number(row.closingKm2)) km²")])
            }, sharedScale: true))]
        guard hasConversionMatrix else { return sections }
        let present = rows.map(\.type).filter { type in conversionMatrix.contains { $0.from == type || $0.to == type } }
        sections.append(ReportSection(
            id: "conversion-matrix", title: l.pick("Conversion matrix (km², from row type to column type)", "类型转换矩阵（km²，由行类型转为列类型）"), note: nil,
            headers: [l.pick("from \\ to", "由＼至")] + present,
            rows: present.map { from in [from] + present.map { to in number(conversionMatrix.first { $0.from == from && $0.to == to }?.areaKm2 ?? 0) } }))
        sections.append(ReportSection(
            id: "conversions", title: l.pick("Conversions by unit", "各单元类型转换"), note: nil,
            headers: [l.pick("unit", "单元"), l.pick("from", "原类型"), l.pick("to", "新类型"), l.pick("area (km²)", "面积（km²）"), l.pick("source", "来源")],
            rows: conversions.map { [$0.unit ?? "", $0.from, $0.to, number($0.areaKm2), $0.source ?? ""] }, numeric: 3..<4))
        return sections
    }
}

/// An area in km².
private func km2(_ area: Quantity<Area>) -> Double { area.value(in: .squareKilometre) }
