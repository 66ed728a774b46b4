/// A GEP appraisal scorecard (GEP 考核): each unit's GEP at constant prices in an assessed year against a base year,
/// its real growth, GEP per km², GEP/GDP, the share of each service, whether GEP and GDP grew together
/// ("GDP 和 GEP 双增长", the goal the Lishui pilots appraise), and a weighted score with ranks and bands.
///
/// The score is Σₖ wₖ · zₖ / Σₖ wₖ, where zₖ is the unit's value of indicator k rescaled over the units to 0–1
/// (min–max, (x − min)/(max − min)); an indicator on which every unit is equal (to 10⁻⁹ of its size, or of 1) gives every unit 1, so it neither
/// ranks nor penalises. Ranks follow the score, highest first, ties in unit order. A unit's band is the first band,
/// in the order given (highest minimum first), whose minimum score it reaches.
///
/// `scoredServices` restricts GEP to the services a local standard makes mandatory: every figure (growth, per km²,
/// GEP/GDP, shares) is then of that partial GEP, and reports say so.
public struct Scorecard: Sendable {
    /// One unit's figures for both years, in 元 at the same constant prices.
    public struct UnitYears: Sendable {
        public let id: String
        public let area: Quantity<Area>
        public let gepByService: [String: Double]
        public let previousGEPByService: [String: Double]
        public let gdp: Money?
        public let previousGDP: Money?

        public init(id: String, area: Quantity<Area>, gepByService: [String: Double], previousGEPByService: [String: Double],
                    gdp: Money? = nil, previousGDP: Money? = nil) {
            self.id = id
            self.area = area
            self.gepByService = gepByService
            self.previousGEPByService = previousGEPByService
            self.gdp = gdp
            self.previousGDP = previousGDP
        }
    }

    /// What a score can weigh.
    public enum Indicator: Sendable, Hashable, CustomStringConvertible {
        case realGrowth
        case gepPerSquareKilometre
        case gepToGDP
        /// One service's share of the unit's GEP.
        case serviceShare(String)

        /// The indicator a name means, the inverse of ``description``: real-growth, gep-per-km2, gep-to-gdp,
        /// share:SERVICE; nil for any other name.
        public init?(_ name: String) {
            switch name {
            case "real-growth": self = .realGrowth
            case "gep-per-km2": self = .gepPerSquareKilometre
            case "gep-to-gdp": self = .gepToGDP
            case let share where share.hasPrefix("share:") && share.count > 6: self = .serviceShare(String(share.dropFirst(6)))
            default: return nil
            }
        }

        public var description: String {
            switch self {
            case .realGrowth: return "real-growth"
            case .gepPerSquareKilometre: return "gep-per-km2"
            case .gepToGDP: return "gep-to-gdp"
            case let .serviceShare(id): return "share:\(id)"
            }
        }
    }

    public struct Band: Sendable, Hashable {
        public let name: String
        public let minimumScore: Double
        public init(name: String, minimumScore: Double) {
            self.name = name
            self.minimumScore = minimumScore
        }
    }

    /// One unit's line of the scorecard.
    public struct Row: Sendable, Codable, Equatable {
        public let id: String
        public let gepYuan: Double
        public let previousGEPYuan: Double
        /// (GEP − GEP_previous) / GEP_previous · 100, at constant prices.
        public let realGrowthPercent: Double
        /// 元 per km².
        public let gepPerSquareKilometre: Double
        public let gepToGDP: Double?
        /// Each scored service's share of the unit's GEP, 0–1.
        public let shares: [String: Double]
        /// Whether GEP and GDP both grew; nil when the unit's GDP is not known for both years.
        public let bothGrew: Bool?
        public let score: Double
        public let rank: Int
        public let band: String?
    }

    public let rows: [Row]

    /// - Throws: ``AppraisalError`` for no units, no weights, a negative or non-finite weight, a previous GEP that is
    ///   not positive, an indicator some unit lacks (GEP/GDP without GDP), or bands out of order.
    public init(units: [UnitYears], weights: [(Indicator, Double)], bands: [Band] = [], scoredServices: Set<String>? = nil) throws {
        guard !units.isEmpty else { throw AppraisalError.invalid("a scorecard needs at least one unit") }
        guard !weights.isEmpty, weights.allSatisfy({ $0.1 >= 0 && $0.1.isFinite }), weights.contains(where: { $0.1 > 0 }) else {
            throw AppraisalError.invalid("weights must be non-negative finite numbers, at least one positive")
        }
        guard zip(bands, bands.dropFirst()).allSatisfy({ $0.minimumScore > $1.minimumScore }) else {
            throw AppraisalError.invalid("bands must be listed from the highest minimum score down")
        }
        func scored(_ byService: [String: Double]) -> [String: Double] {
            scoredServices.map { kept in byService.filter { kept.contains($0.key) } } ?? byService
        }
        let gep = units.map { scored($0.gepByService).values.reduce(0, +) }
        let previous = units.map { scored($0.previousGEPByService).values.reduce(0, +) }
        for (unit, value) in zip(units, previous) where !(value > 0 && value.isFinite) {
            throw AppraisalError.invalid("unit \(unit.id): the base year's GEP is \(value) 元; growth needs a positive GEP")
        }
        let shares = units.indices.map { i in scored(units[i].gepByService).mapValues { gep[i] > 0 ? $0 / gep[i] : 0 } }
        let growth = units.indices.map { realGrowthPercent(gep[$0], over: previous[$0]) }
        let perKm2 = units.indices.map { i in units[i].area.value(in: .squareKilometre) > 0 ? gep[i] / units[i].area.value(in: .squareKilometre) : 0 }
        let toGDP = units.indices.map { i in units[i].gdp.flatMap { $0.yuan > 0 ? gep[i] / $0.yuan : nil } }

        func column(_ indicator: Indicator) throws -> [Double] {
            switch indicator {
            case .realGrowth: return growth
            case .gepPerSquareKilometre: return perKm2
            case .gepToGDP:
                return try units.indices.map { i in
                    guard let value = toGDP[i] else { throw AppraisalError.invalid("unit \(units[i].id) has no GDP, so gep-to-gdp cannot be scored") }
                    return value
                }
            case let .serviceShare(id): return shares.map { $0[id] ?? 0 }
            }
        }
        var score = [Double](repeating: 0, count: units.count)
        let totalWeight = weights.reduce(0) { $0 + $1.1 }
        for (indicator, weight) in weights where weight > 0 {
            let values = try column(indicator)
            let low = values.min() ?? 0, high = values.max() ?? 0
            // Equal to rounding (units whose GEP is proportional to area give per-km² figures a few ulps apart):
            // rescaling that noise to 0–1 would rank units on nothing.
            let spread = high - low > 1e-9 * max(abs(high), abs(low), 1)
            for i in values.indices { score[i] += weight * (spread ? (values[i] - low) / (high - low) : 1) / totalWeight }
        }
        let order = score.indices.sorted { score[$0] > score[$1] || (score[$0] == score[$1] && $0 < $1) }
        var rank = [Int](repeating: 0, count: units.count)
        for (position, i) in order.enumerated() { rank[i] = position + 1 }
        rows = units.indices.map { i in
            let unit = units[i]
            let bothGrew: Bool? = unit.gdp.flatMap { now in unit.previousGDP.map { now.yuan > $0.yuan && growth[i] > 0 } }
            return Row(id: unit.id, gepYuan: gep[i], previousGEPYuan: previous[i], realGrowthPercent: growth[i], gepPerSquareKilometre: perKm2[i],
                       gepToGDP: toGDP[i], shares: shares[i], bothGrew: bothGrew, score: score[i], rank: rank[i],
                       band: bands.first { score[i] >= $0.minimumScore }?.name)
        }
    }
}

/// An appraisal that cannot be made from its inputs.
public enum AppraisalError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self { case let .invalid(detail): return "scorecard: \(detail)" }
    }
}

extension Scorecard.UnitYears {
    /// Each unit of a region's accounts for two years at the same constant prices, by service (the lines counted in
    /// GEP only). The region's GDP is not split by unit, so units carry none: GEP/GDP and "both grew" are then not
    /// assessed for them.
    ///
    /// - Throws: ``AppraisalError`` when the two accounts are at different prices or of different units.
    public static func pairs(assessed: AccountRun, base: AccountRun) throws -> [Scorecard.UnitYears] {
        guard assessed.account.reportYear == base.account.reportYear else {
            throw AppraisalError.invalid("the two years are at \(assessed.account.reportYear) and \(base.account.reportYear) prices; a scorecard compares constant prices")
        }
        guard assessed.account.units == base.account.units else {
            throw AppraisalError.invalid("the two years have different units")
        }
        func byService(_ account: Account, row: Int) -> [String: Double] {
            var result: [String: Double] = [:]
            for (l, line) in account.lines.enumerated() where line.includedInTotal { result[line.service.rawValue, default: 0] += account.values[row, l] }
            return result
        }
        return assessed.model.region.units.enumerated().map { row, unit in
            Scorecard.UnitYears(id: unit.id, area: unit.totalArea, gepByService: byService(assessed.account, row: row),
                                previousGEPByService: byService(base.account, row: row))
        }
    }
}
