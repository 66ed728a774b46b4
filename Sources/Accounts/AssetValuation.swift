import Foundation

/// How an annual flow of ecosystem services becomes an asset value: its net present value over the asset life.
///
/// NPV = Σ_{t=1}^{T} V ÷ (1 + r)^t = V · a(r, T), with the annuity factor a(r, T) = (1 − (1 + r)^−T) ÷ r (and T when
/// r = 0), for a flow V expected to continue at its current level (SEEA Ecosystem Accounting, UN 2021, §10.3 and
/// §12.3: the asset value is the NPV of expected service flows over the asset life, at a stated discount rate).
public struct AssetValuation: Sendable, Hashable {
    /// r, as a fraction (0.06 for 6 %).
    public let discountRate: Double
    /// T, in years.
    public let assetLife: Int
    /// Other rates the reports value the same flows at, as fractions.
    public let sensitivityRates: [Double]

    /// - Throws: ``AccountsError/invalidValuation(_:)`` for a rate outside 0–100 %, or a life outside 1–1000 years.
    public init(discountRate: Double, assetLife: Int, sensitivityRates: [Double] = []) throws {
        for rate in [discountRate] + sensitivityRates where !(rate >= 0 && rate <= 1) {
            throw AccountsError.invalidValuation("a discount rate of \(rate * 100) %; expected 0–100 %")
        }
        guard (1...1000).contains(assetLife) else {
            throw AccountsError.invalidValuation("an asset life of \(assetLife) years; expected 1–1000 years")
        }
        self.discountRate = discountRate
        self.assetLife = assetLife
        self.sensitivityRates = sensitivityRates
    }

    /// a(r, T) at the stated rate.
    public var annuityFactor: Double { Self.annuityFactor(rate: discountRate, years: assetLife) }

    /// a(r, T) = (1 − (1 + r)^−T) ÷ r, or T when r = 0: the present value of 1 a year for T years.
    public static func annuityFactor(rate: Double, years: Int) -> Double {
        rate == 0 ? Double(years) : (1 - pow(1 + rate, -Double(years))) / rate
    }

    /// The present value of a change that starts in full in year 1 and fades linearly to nothing over `recoveryYears`
    /// (an ecosystem that recovers: a burnt stand regrowing), per 元 of the first year's change:
    /// Σ_{t=1}^{min(N, T)} (1 − (t − 1) ÷ N) ÷ (1 + r)^t. Without a recovery period the change lasts the whole asset
    /// life, a(r, T).
    public func presentValueFactor(recoveryYears: Int?, rate: Double? = nil) -> Double {
        let r = rate ?? discountRate
        guard let n = recoveryYears else { return Self.annuityFactor(rate: r, years: assetLife) }
        return (1...min(n, assetLife)).reduce(0) { sum, t in sum + (1 - Double(t - 1) / Double(n)) / pow(1 + r, Double(t)) }
    }
}
