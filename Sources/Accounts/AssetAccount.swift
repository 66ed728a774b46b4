import GEPCore

/// The SEEA monetary ecosystem asset account: each ecosystem type's asset value at the opening and closing dates,
/// the NPV of its yearly service flow (``AssetValuation``), and the change between them split into three effects.
///
/// With A the type's area, q its flow per hectare (line by line) and p the prices, a year's flow is V = A·Σ q·p and
/// the asset is a·V. The change a·(A₁q₁p₁ − A₀q₀p₀) splits exactly, in this order, into
/// - extent (conversions): a·(A₁ − A₀)·Σ q₀p₀, the opening flow per hectare over the area gained or lost;
/// - condition (enhancement or degradation): a·A₁·Σ (q₁ − q₀)·p₀, the change of flow per hectare at opening prices;
/// - prices (revaluation): a·A₁·Σ q₁·(p₁ − p₀).
/// (SEEA Ecosystem Accounting, UN 2021, §10.4, Table 10.2: additions and reductions from ecosystem enhancement,
/// degradation and conversions, and revaluations.) A type that is new in the closing year has no opening flow per
/// hectare, so its whole closing flow at opening prices is counted as extent. Lines not attributed to a type form a
/// row of their own, with no extent effect. Values are nominal, as the SEEA asset account's are: the opening at
/// opening-year prices, the closing at closing-year prices, and the price effect between them.
public struct AssetAccount: Sendable {
    public struct Row: Sendable, Hashable {
        /// nil for the flows not attributed to one ecosystem type.
        public let type: EcosystemType?
        /// The yearly flows valued, 元 at the opening and at the closing year's prices.
        public let openingFlowYuan: Double
        public let closingFlowYuan: Double
        public let openingYuan: Double
        public let extentEffectYuan: Double
        public let conditionEffectYuan: Double
        public let priceEffectYuan: Double
        public let closingYuan: Double
    }

    /// One other discount rate: the same flows' asset values at it.
    public struct Sensitivity: Sendable, Hashable {
        public let discountRate: Double
        public let openingYuan: Double
        public let closingYuan: Double
    }

    public let valuation: AssetValuation
    public let openingPriceYear: Int
    public let closingPriceYear: Int
    /// Types in declaration order, then the unattributed row when there is one.
    public let rows: [Row]
    /// The stated rate first, then the sensitivity rates.
    public let sensitivity: [Sensitivity]

    /// - Parameters:
    ///   - opening, closing: the supply tables of the two years, each at its own year's prices (its model's report year).
    ///   - openingAreas, closingAreas: each type's area over the region.
    public init(opening: ServiceSupply, closing: ServiceSupply, openingAreas: [EcosystemType: Quantity<Area>],
                closingAreas: [EcosystemType: Quantity<Area>], valuation: AssetValuation) throws {
        let p0 = opening.model.reportYear, p1 = closing.model.reportYear
        let atOpening = try opening.valueByType(atPricesOf: p0)
        let closingAtOpeningPrices = try closing.valueByType(atPricesOf: p0)
        let atClosing = try closing.valueByType(atPricesOf: p1)
        let a = valuation.annuityFactor
        let types = Set(atOpening.keys).union(atClosing.keys).sorted { lhs, rhs in
            switch (lhs, rhs) {
            case let (l?, r?): l < r
            case (_?, nil): true
            case (nil, _): false
            }
        }
        rows = types.map { type in
            let v0 = atOpening[type] ?? 0, v1p0 = closingAtOpeningPrices[type] ?? 0, v1 = atClosing[type] ?? 0
            // V₀·A₁/A₀: the opening flow per hectare over the closing area (the whole closing flow for a new type).
            let openingPerAreaAtClosingExtent: Double
            if let type, let a0 = openingAreas[type], a0.baseValue > 0 {
                openingPerAreaAtClosingExtent = v0 * ((closingAreas[type] ?? .zero) / a0)
            } else {
                openingPerAreaAtClosingExtent = type == nil ? v0 : v1p0
            }
            return Row(type: type, openingFlowYuan: v0, closingFlowYuan: v1, openingYuan: a * v0,
                       extentEffectYuan: a * (openingPerAreaAtClosingExtent - v0),
                       conditionEffectYuan: a * (v1p0 - openingPerAreaAtClosingExtent),
                       priceEffectYuan: a * (v1 - v1p0), closingYuan: a * v1)
        }
        self.valuation = valuation
        openingPriceYear = p0
        closingPriceYear = p1
        let flows = (opening: rows.reduce(0) { $0 + $1.openingFlowYuan }, closing: rows.reduce(0) { $0 + $1.closingFlowYuan })
        sensitivity = ([valuation.discountRate] + valuation.sensitivityRates).map { rate in
            let factor = AssetValuation.annuityFactor(rate: rate, years: valuation.assetLife)
            return Sensitivity(discountRate: rate, openingYuan: factor * flows.opening, closingYuan: factor * flows.closing)
        }
    }

    /// The sum of a column over the rows.
    public func total(_ column: KeyPath<Row, Double>) -> Double { rows.reduce(0) { $0 + $1[keyPath: column] } }
}
