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

    public func render(_ format: ReportFormat) throws -> String {
        if format == .json { return try jsonText(self) }
        let lead = skippedPixels.map { ["\($0) pixels with nodata in either map are left out of both dates."] } ?? []
        return ReportSection.render(title: "\(region) ecosystem extent account (SEEA EA), \(openingYear)–\(closingYear)", lead: lead,
                                    sections: sections, as: format)
    }

    /// "deciduous-needleleaf-forest 落叶针叶林", by type id.
    var names: [String: String] { Dictionary(uniqueKeysWithValues: rows.map { ($0.type, "\($0.type) \($0.localName)") }) }

    /// The extent table with its chart, then the conversion matrix and the conversions by unit when there are any.
    var sections: [ReportSection] {
        let name = names
        let number = { (value: Double) in formatNumber(value, significant: 6) }
        var sections = [ReportSection(
            id: "extent", title: "Extent account (km²)",
            note: hasConversionMatrix ? "closing = opening + additions − reductions; additions and reductions from the conversions"
                : "no conversions known: only the net change is shown, as an addition or a reduction",
            headers: ["ecosystem type", "opening \(openingYear)", "additions", "reductions", "net change", "closing \(closingYear)"],
            rows: rows.map { [name[$0.type] ?? $0.type, number($0.openingKm2), number($0.additionsKm2), number($0.reductionsKm2), number($0.netChangeKm2), number($0.closingKm2)] },
            chart: SVGBarChart(title: "extent, km²", groups: rows.map { row in
                SVGBarChart.Group(heading: name[row.type], bars: [
                    .init(label: "\(openingYear)", value: row.openingKm2, annotation: "\(number(row.openingKm2)) km²"),
                    .init(label: "\(closingYear)", value: row.closingKm2, annotation: "\(number(row.closingKm2)) km²")])
            }, sharedScale: true))]
        guard hasConversionMatrix else { return sections }
        let present = rows.map(\.type).filter { type in conversionMatrix.contains { $0.from == type || $0.to == type } }
        sections.append(ReportSection(
            id: "conversion-matrix", title: "Conversion matrix (km², from row type to column type)", note: nil,
            headers: ["from \\ to"] + present,
            rows: present.map { from in [from] + present.map { to in number(conversionMatrix.first { $0.from == from && $0.to == to }?.areaKm2 ?? 0) } }))
        sections.append(ReportSection(
            id: "conversions", title: "Conversions by unit", note: nil, headers: ["unit", "from", "to", "area (km²)", "source"],
            rows: conversions.map { [$0.unit ?? "", $0.from, $0.to, number($0.areaKm2), $0.source ?? ""] }, numeric: 3..<4))
        return sections
    }
}

/// An area in km².
private func km2(_ area: Quantity<Area>) -> Double { area.value(in: .squareKilometre) }
