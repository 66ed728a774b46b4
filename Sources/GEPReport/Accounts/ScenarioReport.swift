import Accounts
import Foundation
import GEPCore

/// A scenario against its base model: the output of `gep scenario`, schema `gepkit.scenario/1`
/// (schemas/gepkit.scenario-1.schema.json). Money in 元 at the report year's prices.
public struct ScenarioReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.scenario/1"

    public struct ServiceRow: Sendable, Codable, Equatable {
        public let service: String, category: String, includedInTotal: Bool
        public let physicalUnit: String
        public let basePhysical: Double, scenarioPhysical: Double
        public let baseYuan: Double, scenarioYuan: Double, changeYuan: Double
    }
    public struct UnitRow: Sendable, Codable, Equatable {
        public let unit: String
        /// Each service's change of value, 元.
        public let changeYuanByService: [String: Double]
        public let gepChangeYuan: Double
    }
    /// A changed input or converted area, with its source: what a damage claim must name.
    public struct Change: Sendable, Codable, Equatable {
        public let item: String, value: String, source: String
    }
    public struct AssetLine: Sendable, Codable, Equatable {
        public let discountRate: Double, changeYuan: Double
    }

    public let schema: String
    public let name: String
    public let region: String
    public let year: Int, priceYear: Int
    public let baseGEPYuan: Double, scenarioGEPYuan: Double, gepChangeYuan: Double
    public let assetLifeYears: Int, recoveryYears: Int?, valuationSource: String
    /// The stated rate first, then the sensitivity rates.
    public let assetChange: [AssetLine]
    public let services: [ServiceRow]
    public let units: [UnitRow]
    public let changes: [Change]
    /// The services whose value changed.
    public let servicesChanged: [String]
    public let servicesNotRun: [String]

    public init(_ comparison: ScenarioComparison, valuationSource source: Provenance) {
        let model = comparison.base.model
        let scenario = comparison.scenario
        schema = Self.schema
        name = scenario.name
        region = model.region.localName.map { "\(model.region.name) (\($0))" } ?? model.region.name
        year = model.year
        priceYear = comparison.base.account.reportYear
        baseGEPYuan = comparison.base.account.gep.yuan
        scenarioGEPYuan = comparison.changed.account.gep.yuan
        gepChangeYuan = comparison.gepChangeYuan
        assetLifeYears = scenario.valuation.assetLife
        recoveryYears = scenario.recoveryYears
        valuationSource = EcosystemAccountsReport.cite(source)
        assetChange = ([scenario.valuation.discountRate] + scenario.valuation.sensitivityRates).map {
            AssetLine(discountRate: $0, changeYuan: comparison.assetChangeYuan(rate: $0))
        }
        let total = { (run: AccountRun, service: ServiceRun) in run.model.region.units.indices.reduce(0) { $0 + service.physical[$1] } }
        services = zip(comparison.base.services, comparison.changed.services).map { base, changed in
            let included = comparison.base.model.services.first { $0.id == base.id }?.includedInTotal ?? true
            return ServiceRow(service: base.id.rawValue, category: base.category.rawValue, includedInTotal: included,
                              physicalUnit: base.physicalUnit, basePhysical: total(comparison.base, base), scenarioPhysical: total(comparison.changed, changed),
                              baseYuan: comparison.base.account.value(of: base.id).yuan, scenarioYuan: comparison.changed.account.value(of: base.id).yuan,
                              changeYuan: comparison.valueChangeYuan(of: base.id))
        }
        units = comparison.base.account.units.enumerated().map { row, unit in
            UnitRow(unit: unit, changeYuanByService: Dictionary(uniqueKeysWithValues: comparison.base.services.map {
                ($0.id.rawValue, comparison.valueChangeYuan(of: $0.id, unit: unit))
            }), gepChangeYuan: comparison.changed.account.gepByUnit[row] - comparison.base.account.gepByUnit[row])
        }
        changes = scenario.conversions.map {
            Change(item: "unit \($0.unit): \($0.from.rawValue) → \($0.to.rawValue)", value: "\(formatNumber($0.area.value(in: .hectare))) ha",
                   source: EcosystemAccountsReport.cite($0.provenance))
        } + scenario.inputs.map { input in
            let value: String
            switch input.value {
            case let .single(measure): value = "\(measure)"
            case let .byEcosystemType(values): value = values.keys.sorted().map { "\($0.rawValue): \(values[$0].map { "\($0)" } ?? "")" }.joined(separator: ", ")
            }
            return Change(item: "input \(input.key)", value: value, source: EcosystemAccountsReport.cite(input.provenance))
        }
        servicesChanged = services.filter { $0.changeYuan != 0 || $0.basePhysical != $0.scenarioPhysical }.map(\.service)
        servicesNotRun = model.servicesNotRun.map { "\($0.id): \($0.reason)" }
    }

    public func render(_ format: ReportFormat, language: ReportLanguage = .en) throws -> String {
        if format == .json { return try jsonText(self) }
        let l = language
        let yi = { (yuan: Double) in hundredMillionYuan(yuan) }
        let wan = { (yuan: Double) in String(format: "%.2f", yuan / 1e4) }
        let title = l.pick("\(region), scenario \"\(name)\" against the base account, \(year), at \(priceYear) prices",
                           "\(region)情景“\(name)”与基准核算的比较，\(year)年，按\(priceYear)年价格")
        let stated: AssetLine = assetChange[0]
        let duration: String = recoveryYears.map { l.pick("recovering linearly over \($0) years", "在\($0)年内线性恢复") } ?? l.pick("lasting the asset life", "持续整个资产年限")
        let asset: String = l.pick("Asset value changed by \(wan(stated.changeYuan)) 万元 (\(duration) of \(assetLifeYears) years at \(formatNumber(stated.discountRate * 100)) %; ",
                                   "资产价值变化\(wan(stated.changeYuan))万元（\(duration)，资产年限\(assetLifeYears)年，折现率\(formatNumber(stated.discountRate * 100)) %；")
            + valuationSource + l.pick(").", "）。")
        let changed: String = servicesChanged.isEmpty ? l.pick("none", "无") : servicesChanged.joined(separator: ", ")
        var lead: [String] = [l.pick("GEP \(yi(baseGEPYuan)) → \(yi(scenarioGEPYuan)) 亿元: a change of \(wan(gepChangeYuan)) 万元 a year.",
                                     "GEP：\(yi(baseGEPYuan)) → \(yi(scenarioGEPYuan))亿元，每年变化\(wan(gepChangeYuan))万元。"), asset,
                              l.pick("Services that changed: \(changed).", "发生变化的服务：\(changed)。")]
        if !servicesNotRun.isEmpty {
            lead.append(l.pick("Services not run (the difference leaves them out): ", "未核算的服务（差值不含）：") + servicesNotRun.joined(separator: "; "))
        }
        let serviceIDs = services.map(\.service)
        let sections = [
            ReportSection(id: "services", title: l.pick("By service", "按服务"),
                          note: l.pick("value in 万元; physical amounts in each service's unit; * reported but not summed into GEP",
                                       "价值量单位为万元；功能量为各服务的单位；* 只报告、不计入GEP"),
                          headers: [l.pick("service", "服务"), l.pick("unit", "单位"), l.pick("base", "基准"), l.pick("scenario", "情景"),
                                    l.pick("base 万元", "基准（万元）"), l.pick("scenario 万元", "情景（万元）"), l.pick("change 万元", "变化（万元）")],
                          rows: services.map { ["\($0.service)\($0.includedInTotal ? "" : " *")", $0.physicalUnit, formatNumber($0.basePhysical), formatNumber($0.scenarioPhysical),
                                                wan($0.baseYuan), wan($0.scenarioYuan), wan($0.changeYuan)] },
                          numeric: 2..<Int.max,
                          chart: SVGBarChart(title: l.pick("change of value by service, 万元", "各服务价值变化（万元）"), groups: [SVGBarChart.Group(heading: nil, bars: services.map {
                              .init(label: $0.service, value: $0.changeYuan, annotation: "\(wan($0.changeYuan)) 万元")
                          })])),
            ReportSection(id: "units", title: l.pick("By unit, change of value (万元)", "各单元价值变化（万元）"), note: nil,
                          headers: [l.pick("unit", "单元")] + serviceIDs + ["GEP"],
                          rows: units.map { row in [row.unit] + serviceIDs.map { wan(row.changeYuanByService[$0] ?? 0) } + [wan(row.gepChangeYuan)] }),
            ReportSection(id: "asset", title: l.pick("Asset value change by discount rate (万元)", "不同折现率下的资产价值变化（万元）"), note: nil,
                          headers: [l.pick("discount rate", "折现率"), l.pick("change", "变化")],
                          rows: assetChange.map { ["\(formatNumber($0.discountRate * 100)) %", wan($0.changeYuan)] }),
            ReportSection(id: "changes", title: l.pick("What the scenario changes, with sources", "情景改变的内容及其来源"), note: nil,
                          headers: [l.pick("item", "项目"), l.pick("value", "数值"), l.pick("source", "来源")],
                          rows: changes.map { [$0.item, $0.value, $0.source] }, numeric: 0..<0),
        ]
        return ReportSection.render(title: title, lead: lead, sections: sections, as: format)
    }
}
