/// An ex-ante estimate of a forest carbon project's creditable removals, in the shape of the CCER afforestation
/// methodology (造林碳汇项目方法学, CCER-14-001-V01, in force since 2023-10-24) and of forest management projects.
///
/// For each stratum the tree biomass carbon stock, in t CO₂e, is (the biomass-expansion method of the methodology and
/// of IPCC 2006 Vol. 4 Eq. 2.8 with 44/12 for CO₂):
///
///     C(t) = A · V(t) · WD · BEF · (1 + R) · CF · 44/12
///
/// with A the area (ha), V(t) the stand volume at age t from the growth table (m³ ha⁻¹), WD the basic wood density
/// (t m⁻³), BEF the biomass expansion factor (stem to above-ground), R the root-to-shoot ratio and CF the carbon
/// fraction. A forest-management project states its stratum's growth under the project and under the baseline
/// (business-as-usual management) as two tables; afforestation on land without trees has a baseline of zero, or
/// the stated removals of the shrubs and scattered trees that were there.
///
/// Every year y of the crediting period:
///
///     ΔC_P = Σ strata [C_P(a + y) − C_P(a + y − 1)],   ΔC_B likewise from the baseline tables (or the stated rate)
///     net  = ΔC_P − ΔC_B − E                 (E: project emissions, e.g. site-preparation burning, t CO₂e a⁻¹)
///     LK   = leakage · (ΔC_P − ΔC_B)         (activity displaced outside the boundary)
///     DR   = max(0, U − 10 %)                (uncertainty deduction: U, the 90 % half-width of the stock estimate)
///     credits = net · (1 − DR) − LK
///
/// Simplifications, said in every report: only living tree biomass is counted (dead wood, litter and soil organic
/// carbon are conservatively left out, as the methodology allows when they are not expected to decrease); the
/// ex-ante stock comes from growth tables, not from monitored sample plots; the uncertainty deduction is the
/// commonly used "uncertainty above 10 %" rule, which has not been checked against the methodology's own text; a
/// year's credits are never negative in the methodology's verification, but here a negative year is reported as
/// such (a stand that loses stock) and counted in the total.
public struct ForestCarbonProject: Sendable {
    /// One stratum: an area of one species and age class, with its growth under the project and the baseline.
    public struct Stratum: Sendable {
        public let id: String
        public let area: Quantity<Area>
        /// Stand age at the start of the crediting period, years (0 for planting in the first year).
        public let startAge: Double
        public let project: GrowthTable
        /// The baseline's growth table (forest management), or nil for afforestation with the baseline as a rate.
        public let baseline: GrowthTable?
        public let woodDensity: Double
        public let biomassExpansionFactor: Double
        public let rootToShootRatio: Double
        public let carbonFraction: Double

        /// - Throws: ``CarbonProjectError/invalidParameter(_:value:expected:)`` for a factor out of its range.
        public init(id: String, area: Quantity<Area>, startAge: Double, project: GrowthTable, baseline: GrowthTable? = nil,
                    woodDensity: Double, biomassExpansionFactor: Double, rootToShootRatio: Double, carbonFraction: Double) throws {
            try Self.check("\(id) area (ha)", area.value(in: .hectare), 0...1e9, "a non-negative area of at most 10⁹ ha")
            try Self.check("\(id) start age", startAge, project.ages[0]...1000, "an age from the growth table's first age")
            try Self.check("\(id) wood density (t/m³)", woodDensity, 0.05...1.5, "0.05–1.5 t/m³")
            try Self.check("\(id) biomass expansion factor", biomassExpansionFactor, 1...5, "1–5")
            try Self.check("\(id) root-to-shoot ratio", rootToShootRatio, 0...2, "0–2")
            try Self.check("\(id) carbon fraction", carbonFraction, 0.3...0.7, "0.3–0.7")
            if let baseline, startAge < baseline.ages[0] {
                throw CarbonProjectError.invalidParameter("\(id) start age", value: startAge, expected: "an age from the baseline table's first age \(baseline.ages[0])")
            }
            self.id = id
            self.area = area
            self.startAge = startAge
            self.project = project
            self.baseline = baseline
            self.woodDensity = woodDensity
            self.biomassExpansionFactor = biomassExpansionFactor
            self.rootToShootRatio = rootToShootRatio
            self.carbonFraction = carbonFraction
        }

        /// t CO₂e per m³ of stand volume: WD · BEF · (1 + R) · CF · 44/12.
        public var tonnesCO2PerCubicMetre: Double {
            woodDensity * biomassExpansionFactor * (1 + rootToShootRatio) * carbonFraction * Stoichiometry.co2PerCarbon
        }

        /// Tree biomass stock at `age` under `table`, t CO₂e.
        func stock(_ table: GrowthTable, age: Double) -> Double {
            area.value(in: .hectare) * table.volume(atAge: age) * tonnesCO2PerCubicMetre
        }

        private static func check(_ name: String, _ value: Double, _ range: ClosedRange<Double>, _ expected: String) throws {
            guard value.isFinite, range.contains(value) else { throw CarbonProjectError.invalidParameter(name, value: value, expected: expected) }
        }
    }

    /// One year of the crediting period, t CO₂e, and its revenue in 元 at the price's year.
    public struct Year: Sendable, Codable, Equatable {
        public let year: Int
        public let projectStockChange: Double
        public let baselineStockChange: Double
        public let projectEmissions: Double
        public let uncertaintyDeduction: Double
        public let leakage: Double
        public let credits: Double
        public let revenueYuan: Double
    }

    public let strata: [Stratum]
    public let firstYear: Int
    public let years: Int
    /// Baseline removals stated as a rate (afforestation), t CO₂e a⁻¹, added to any baseline tables.
    public let baselineRemovalsPerYear: Double
    public let projectEmissionsPerYear: Double
    /// Leakage as a fraction of the net stock change.
    public let leakageFraction: Double
    /// U, the 90 % confidence half-width of the stock estimate as a fraction of it.
    public let uncertainty: Double
    /// The price credits are valued at, 元 per t CO₂e, with its price year.
    public let price: Money

    /// - Throws: ``CarbonProjectError/invalidParameter(_:value:expected:)`` for a period, rate or fraction out of range.
    public init(strata: [Stratum], firstYear: Int, years: Int, baselineRemovalsPerYear: Double = 0, projectEmissionsPerYear: Double = 0,
                leakageFraction: Double = 0, uncertainty: Double, price: Money) throws {
        guard !strata.isEmpty else { throw CarbonProjectError.invalidParameter("strata", value: 0, expected: "at least one stratum") }
        guard (1...100).contains(years) else { throw CarbonProjectError.invalidParameter("crediting years", value: Double(years), expected: "1–100 years") }
        for (name, value, range) in [("baseline removals (t CO₂e/a)", baselineRemovalsPerYear, -1e9...1e9), ("project emissions (t CO₂e/a)", projectEmissionsPerYear, 0...1e9),
                                     ("leakage fraction", leakageFraction, 0...1), ("uncertainty", uncertainty, 0...1), ("price (元/t CO₂e)", price.yuan, 0...1e6)] {
            guard value.isFinite, range.contains(value) else {
                throw CarbonProjectError.invalidParameter(name, value: value, expected: "a finite value in \(range.lowerBound)…\(range.upperBound)")
            }
        }
        self.strata = strata
        self.firstYear = firstYear
        self.years = years
        self.baselineRemovalsPerYear = baselineRemovalsPerYear
        self.projectEmissionsPerYear = projectEmissionsPerYear
        self.leakageFraction = leakageFraction
        self.uncertainty = uncertainty
        self.price = price
    }

    /// Where the estimate simplifies the methodology, for every report.
    public static let simplifications = [
        "only living tree biomass is counted: dead wood, litter and soil organic carbon are left out, conservatively, as the methodology allows when they are not expected to decrease",
        "the stock is projected ex ante from growth tables, not measured on monitored sample plots",
        "the uncertainty deduction DR = max(0, U − 10 %) is the commonly used rule for uncertainty above 10 %, not checked against the methodology's own text",
        "a year that loses stock is reported with negative credits and counted in the total; verification would carry the loss forward instead",
    ]

    /// DR = max(0, U − 10 %).
    public var deductionRate: Double { max(0, uncertainty - 0.10) }

    /// The crediting period year by year.
    public func estimate() -> [Year] {
        (1...years).map { y in
            let offset = Double(y)
            var project = 0.0, baseline = baselineRemovalsPerYear
            for stratum in strata {
                project += stratum.stock(stratum.project, age: stratum.startAge + offset) - stratum.stock(stratum.project, age: stratum.startAge + offset - 1)
                if let table = stratum.baseline {
                    baseline += stratum.stock(table, age: stratum.startAge + offset) - stratum.stock(table, age: stratum.startAge + offset - 1)
                }
            }
            let net = project - baseline - projectEmissionsPerYear
            let deduction = net * deductionRate
            let leakage = leakageFraction * (project - baseline)
            let credits = net - deduction - leakage
            return Year(year: firstYear + y - 1, projectStockChange: project, baselineStockChange: baseline, projectEmissions: projectEmissionsPerYear,
                        uncertaintyDeduction: deduction, leakage: leakage, credits: credits,
                        revenueYuan: credits * price.yuan)
        }
    }
}
