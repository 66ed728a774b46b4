import Accounts
import Foundation
import GEPCore

/// The SEEA ecosystem accounts of a region between two years: the output of `gep ecosystem-accounts`, schema
/// `gepkit.ecosystem-accounts/1` (schemas/gepkit.ecosystem-accounts-1.schema.json). Areas in km², money in 元.
public struct EcosystemAccountsReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.ecosystem-accounts/1"

    public struct ConditionRow: Sendable, Codable, Equatable {
        public let id: String, name: String, ecosystemType: String, unit: String
        public let upperReference: Double, lowerReference: Double, opening: Double, closing: Double
        public let openingIndex: Double, closingIndex: Double
        public let sources: [String]
    }
    /// One valued line of one year's supply, by ecosystem type ("unattributed" for no single type).
    public struct SupplyRow: Sendable, Codable, Equatable {
        public let year: Int, priceYear: Int
        public let service: String, line: String, unit: String, includedInTotal: Bool
        public let priceYuanPerUnit: Double
        public let quantityByType: [String: Double]
        public let valueYuanByType: [String: Double]
    }
    public struct UseRow: Sendable, Codable, Equatable {
        public let service: String, line: String, unit: String
        public let quantityBySector: [String: Double]
        public let valueYuanBySector: [String: Double]
        public let source: String
    }
    public struct AssetRow: Sendable, Codable, Equatable {
        /// An ecosystem type id, or "unattributed".
        public let type: String
        public let openingFlowYuan: Double, closingFlowYuan: Double
        public let openingYuan: Double, extentEffectYuan: Double, conditionEffectYuan: Double, priceEffectYuan: Double, closingYuan: Double
    }
    public struct Asset: Sendable, Codable, Equatable {
        public let discountRate: Double, assetLifeYears: Int, annuityFactor: Double
        public let openingPriceYear: Int, closingPriceYear: Int
        public let source: String
        public let rows: [AssetRow]
        public let sensitivity: [Sensitivity]
    }
    public struct Sensitivity: Sendable, Codable, Equatable {
        public let discountRate: Double, openingYuan: Double, closingYuan: Double
    }

    public let schema: String
    public let region: String
    public let openingYear: Int, closingYear: Int
    public let openingGEPYuan: Double, closingGEPYuan: Double
    public let extent: ExtentReport
    public let condition: [ConditionRow]
    public let supply: [SupplyRow]
    public let use: [UseRow]
    public let asset: Asset
    public let servicesNotRun: [String]

    public init(_ accounts: EcosystemAccounts, valuationSource: Provenance) throws {
        let closingModel = accounts.closing.model
        schema = Self.schema
        region = closingModel.region.localName.map { "\(closingModel.region.name) (\($0))" } ?? closingModel.region.name
        openingYear = accounts.openingYear
        closingYear = accounts.closingYear
        openingGEPYuan = accounts.opening.account.gep.yuan
        closingGEPYuan = accounts.closing.account.gep.yuan
        extent = ExtentReport(accounts.extent, region: region, openingYear: accounts.openingYear, closingYear: accounts.closingYear,
                              conversions: accounts.conversions.map { ($0.unit, $0.from, $0.to, $0.area, Self.cite($0.provenance)) })
        condition = accounts.condition.map {
            ConditionRow(id: $0.id, name: $0.name, ecosystemType: $0.ecosystemType.rawValue, unit: $0.unit.symbol, upperReference: $0.upperReference,
                         lowerReference: $0.lowerReference, opening: $0.opening, closing: $0.closing, openingIndex: $0.openingIndex,
                         closingIndex: $0.closingIndex, sources: $0.provenance.map(Self.cite))
        }
        supply = try [(accounts.openingYear, accounts.opening), (accounts.closingYear, accounts.closing)].flatMap { year, table in
            try table.lines.map { line in
                let price = try line.price(atPricesOf: table.model.reportYear, deflator: table.model.deflator)
                var quantities = Dictionary(uniqueKeysWithValues: line.byType.map { ($0.key.rawValue, $0.value) })
                if line.unattributed != 0 { quantities["unattributed"] = line.unattributed }
                return SupplyRow(year: year, priceYear: table.model.reportYear, service: line.column.service.rawValue, line: line.column.line,
                                 unit: line.column.unit.symbol, includedInTotal: line.column.includedInTotal, priceYuanPerUnit: price,
                                 quantityByType: quantities, valueYuanByType: quantities.mapValues { $0 * price })
            }
        }
        use = try accounts.closing.lines.compactMap { line in
            guard let bySector = accounts.use(of: line), let users = accounts.users.first(where: { $0.service == line.column.service }) else { return nil }
            let price = try line.price(atPricesOf: accounts.closing.model.reportYear, deflator: accounts.closing.model.deflator)
            let quantities = Dictionary(uniqueKeysWithValues: bySector.map { ($0.key.rawValue, $0.value) })
            return UseRow(service: line.column.service.rawValue, line: line.column.line, unit: line.column.unit.symbol,
                          quantityBySector: quantities, valueYuanBySector: quantities.mapValues { $0 * price }, source: Self.cite(users.provenance))
        }
        let account = accounts.asset
        asset = Asset(discountRate: account.valuation.discountRate, assetLifeYears: account.valuation.assetLife,
                      annuityFactor: account.valuation.annuityFactor, openingPriceYear: account.openingPriceYear,
                      closingPriceYear: account.closingPriceYear, source: Self.cite(valuationSource),
                      rows: account.rows.map {
                          AssetRow(type: $0.type?.rawValue ?? "unattributed", openingFlowYuan: $0.openingFlowYuan, closingFlowYuan: $0.closingFlowYuan,
                                   openingYuan: $0.openingYuan, extentEffectYuan: $0.extentEffectYuan, conditionEffectYuan: $0.conditionEffectYuan,
                                   priceEffectYuan: $0.priceEffectYuan, closingYuan: $0.closingYuan)
                      },
                      sensitivity: account.sensitivity.map { Sensitivity(discountRate: $0.discountRate, openingYuan: $0.openingYuan, closingYuan: $0.closingYuan) })
        servicesNotRun = closingModel.servicesNotRun.map { "\($0.id): \($0.reason)" }
    }

    /// "source (status, year): note".
    static func cite(_ provenance: Provenance) -> String {
        "\(provenance.source) (\(provenance.status.rawValue)\(provenance.year.map { ", \($0)" } ?? ""))" + (provenance.note.map { ": \($0)" } ?? "")
    }

    public func render(_ format: ReportFormat, language: ReportLanguage = .en) throws -> String {
        if format == .json { return try jsonText(self) }
        let l = language, (opening, closing) = (hundredMillionYuan(openingGEPYuan), hundredMillionYuan(closingGEPYuan))
        let title = l.pick("\(region) ecosystem accounts (SEEA EA), \(openingYear)–\(closingYear)", "\(region)生态系统账户（SEEA EA），\(openingYear)—\(closingYear)年")
        var lead = [l.pick("GEP \(opening) 亿元 in \(openingYear) (at \(openingYear) prices), \(closing) 亿元 in \(closingYear) (at \(closingYear) prices).",
                           "GEP：\(openingYear)年\(opening)亿元（\(openingYear)年价格），\(closingYear)年\(closing)亿元（\(closingYear)年价格）。")]
        if !servicesNotRun.isEmpty {
            lead.append(l.pick("Services not run (the flows and asset values leave them out): ", "未核算的服务（流量与资产价值均不含）：") + servicesNotRun.joined(separator: "; "))
        }
        return ReportSection.render(title: title, lead: lead, sections: sections(l), as: format)
    }

    private func sections(_ l: ReportLanguage) -> [ReportSection] {
        let types = extent.rows.map(\.type)
        let name = extent.names
        var sections = extent.sections(l)
        if !condition.isEmpty {
            sections.append(ReportSection(
                id: "condition", title: l.pick("Condition account", "生态系统状况账户"),
                note: l.pick("index = (value − lower reference) ÷ (upper − lower), held to 0–1", "指数 =（值 − 下参照值）÷（上参照值 − 下参照值），取0—1"),
                headers: [l.pick("indicator", "指标"), l.pick("type", "类型"), l.pick("unit", "单位"), l.pick("upper ref.", "上参照值"), l.pick("lower ref.", "下参照值"),
                          l.pick("opening", "期初"), l.pick("closing", "期末"), l.pick("opening index", "期初指数"), l.pick("closing index", "期末指数"), l.pick("sources", "来源")],
                rows: condition.map { [$0.name, $0.ecosystemType, $0.unit, formatNumber($0.upperReference), formatNumber($0.lowerReference), formatNumber($0.opening),
                                       formatNumber($0.closing), String(format: "%.3f", $0.openingIndex), String(format: "%.3f", $0.closingIndex),
                                       $0.sources.joined(separator: "; ")] },
                numeric: 3..<9))
        }
        let supplyTypes = types + (supply.contains { $0.quantityByType["unattributed"] != nil } ? ["unattributed"] : [])
        for year in [openingYear, closingYear] {
            let rows = supply.filter { $0.year == year }
            sections.append(ReportSection(
                id: "supply-physical-\(year)", title: l.pick("Physical supply \(year), by ecosystem type", "\(year)年服务供给实物量（按生态系统类型）"), note: nil,
                headers: [l.pick("service / line", "服务／项目"), l.pick("unit", "单位")] + supplyTypes,
                rows: rows.map { row in ["\(row.service) / \(row.line)", row.unit] + supplyTypes.map { formatNumber(row.quantityByType[$0] ?? 0) } }, numeric: 2..<Int.max))
            sections.append(ReportSection(
                id: "supply-monetary-\(year)", title: l.pick("Monetary supply \(year), 万元 at \(rows.first?.priceYear ?? year) prices",
                                                              "\(year)年服务供给价值量（万元，\(rows.first?.priceYear ?? year)年价格）"),
                note: l.pick("lines marked * are reported but not summed into GEP", "标 * 的项目只报告、不计入GEP"),
                headers: [l.pick("service / line", "服务／项目")] + supplyTypes,
                rows: rows.map { row in ["\(row.service) / \(row.line)\(row.includedInTotal ? "" : " *")"] + supplyTypes.map { String(format: "%.2f", (row.valueYuanByType[$0] ?? 0) / 1e4) } }))
        }
        if !use.isEmpty {
            let sectors = UserSector.allCases.map(\.rawValue)
            sections.append(ReportSection(
                id: "use", title: l.pick("Use \(closingYear) by sector (physical, and 万元)", "\(closingYear)年服务使用（按部门；实物量与万元）"),
                note: l.pick("services without stated users are left out", "未给出使用者的服务不列"),
                headers: [l.pick("service / line", "服务／项目"), l.pick("unit", "单位")] + sectors.map { "\($0)" } + sectors.map { "\($0) 万元" } + [l.pick("source", "来源")],
                rows: use.map { row in ["\(row.service) / \(row.line)", row.unit] + sectors.map { formatNumber(row.quantityBySector[$0] ?? 0) }
                                   + sectors.map { String(format: "%.2f", (row.valueYuanBySector[$0] ?? 0) / 1e4) } + [row.source] },
                numeric: 2..<(2 + 2 * sectors.count)))
        }
        let yi = { (yuan: Double) in hundredMillionYuan(yuan) }
        sections.append(ReportSection(
            id: "asset", title: l.pick("Monetary asset account, 亿元", "生态系统资产价值账户（亿元）"),
            note: l.pick("NPV of each type's yearly flow over \(asset.assetLifeYears) years at \(formatNumber(asset.discountRate * 100)) % (annuity factor \(formatNumber(asset.annuityFactor))); "
                + "opening at \(asset.openingPriceYear) prices, closing at \(asset.closingPriceYear) prices; ",
                         "各类型年服务流量在\(asset.assetLifeYears)年内按\(formatNumber(asset.discountRate * 100)) %折现的净现值（年金系数\(formatNumber(asset.annuityFactor))）；"
                + "期初按\(asset.openingPriceYear)年价格，期末按\(asset.closingPriceYear)年价格；") + asset.source,
            headers: [l.pick("ecosystem type", "生态系统类型"), l.pick("opening", "期初"), l.pick("extent", "范围变化"), l.pick("condition", "状况变化"),
                      l.pick("prices", "价格变化"), l.pick("closing", "期末")],
            rows: asset.rows.map { [name[$0.type] ?? $0.type, yi($0.openingYuan), yi($0.extentEffectYuan), yi($0.conditionEffectYuan), yi($0.priceEffectYuan), yi($0.closingYuan)] }
                + [[l.pick("total", "合计"), yi(asset.rows.reduce(0) { $0 + $1.openingYuan }), yi(asset.rows.reduce(0) { $0 + $1.extentEffectYuan }),
                    yi(asset.rows.reduce(0) { $0 + $1.conditionEffectYuan }), yi(asset.rows.reduce(0) { $0 + $1.priceEffectYuan }),
                    yi(asset.rows.reduce(0) { $0 + $1.closingYuan })]],
            chart: SVGBarChart(title: l.pick("closing asset value by type, 亿元", "期末资产价值（亿元）"), groups: [SVGBarChart.Group(heading: nil, bars: asset.rows.map {
                .init(label: name[$0.type] ?? $0.type, value: $0.closingYuan, annotation: "\(yi($0.closingYuan)) 亿元")
            })])))
        sections.append(ReportSection(
            id: "discount-rate", title: l.pick("Asset value by discount rate, 亿元", "不同折现率下的资产价值（亿元）"),
            note: l.pick("the same flows valued at other rates over the same life", "同一流量、同一年限，按其他折现率计算"),
            headers: [l.pick("discount rate", "折现率"), l.pick("opening", "期初"), l.pick("closing", "期末")],
            rows: asset.sensitivity.map { ["\(formatNumber($0.discountRate * 100)) %", yi($0.openingYuan), yi($0.closingYuan)] }))
        return sections
    }
}
