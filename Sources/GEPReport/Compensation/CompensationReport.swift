import Compensation
import GEPCore

/// A side-by-side comparison of compensation schemes, computed once for every output format.
/// Money is in 元 at the budget's price year.
public struct CompensationReport: Sendable, Codable, Equatable {
    public static let schema = "gepkit.compensation/1"

    public struct UnitInfo: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let localName: String?
        public let gepYuan: Double?
        public let areaSquareKilometres: Double
        public let population: Double?
    }

    public struct SchemeRow: Sendable, Codable, Equatable {
        public let id: String
        public let summary: String
        public let budgetConstrained: Bool
        public let totalYuan: Double
        /// In unit order.
        public let amountsYuan: [Double]
        public let explanations: Explanations
        public let notes: [String]
        public let gini: Double
        public let coefficientOfVariation: Double
        public let compensationToGEP: Double?
        public let compensationToOpportunityCost: Double?
        public let perCapitaYuan: [Double?]
        public let perSquareKilometreYuan: [Double?]
    }

    public struct Agreement: Sendable, Codable, Equatable {
        public let first: String
        public let second: String
        /// Spearman's ρ; absent where undefined (a scheme that gives every unit the same).
        public let spearman: Double?
    }

    public let schema: String
    public let name: String
    public let budgetYuan: Double
    public let priceYear: Int
    public let units: [UnitInfo]
    public let schemes: [SchemeRow]
    public let rankAgreement: [Agreement]
    public let provenance: [ProvenanceRow]

    /// The report of `comparison`, with the sourced numbers behind it.
    public init(name: String, comparison: SchemeComparison, provenance: [(item: String, value: String, provenance: Provenance)]) {
        let problem = comparison.problem
        schema = CompensationReport.schema
        self.name = name
        budgetYuan = problem.budget.yuan
        priceYear = problem.budget.priceYear
        let gep = problem.indicatorValues["gep"]
        units = problem.units.enumerated().map { i, unit in
            UnitInfo(id: unit.id, name: unit.name, localName: unit.localName, gepYuan: gep?[i],
                     areaSquareKilometres: unit.area.value(in: .squareKilometre), population: unit.population)
        }
        schemes = comparison.rows.map { row in
            SchemeRow(id: row.allocation.scheme, summary: row.summary, budgetConstrained: row.allocation.budgetConstrained,
                      totalYuan: row.allocation.total, amountsYuan: row.allocation.amounts, explanations: row.allocation.explanations,
                      notes: row.allocation.notes, gini: row.gini, coefficientOfVariation: row.coefficientOfVariation,
                      compensationToGEP: row.compensationToGEP, compensationToOpportunityCost: row.compensationToOpportunityCost,
                      perCapitaYuan: row.perCapita, perSquareKilometreYuan: row.perSquareKilometre)
        }
        rankAgreement = comparison.rankAgreement.map { Agreement(first: $0.first, second: $0.second, spearman: $0.rho) }
        self.provenance = provenance.map { ProvenanceRow(item: $0.item, value: $0.value, provenance: $0.provenance) }
    }
}
