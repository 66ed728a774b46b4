import Foundation
import GEPCore

/// Shapley values of a cooperative game: each player's average marginal contribution over all orders of joining.
///
///     φᵢ = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · [v(S ∪ {i}) − v(S)]
///
/// Efficiency (Σ φᵢ = v(N)) and symmetry (interchangeable players get equal values) make it a fair split of what a
/// coalition gains together (formulas-and-prices.md §2.5). Coalitions are bit masks: player i is bit i.
public enum Shapley {
    /// The largest game solved exactly: 2¹⁵ coalition values.
    public static let exactLimit = 15

    /// Exact values by enumerating every coalition once.
    ///
    /// - Complexity: 2ⁿ evaluations of `value` and O(n · 2ⁿ) arithmetic.
    /// - Precondition: 1 ≤ n ≤ ``exactLimit``.
    public static func exact(players n: Int, value: (UInt32) -> Double) -> [Double] {
        precondition(n >= 1 && n <= exactLimit, "Shapley.exact: \(n) players; use sampled(players:permutations:seed:value:) above \(exactLimit)")
        let count = 1 << n
        let values = (0..<count).map { value(UInt32($0)) }
        // weight[s] = s! (n − s − 1)! / n!, built by recurrence to avoid factorial overflow.
        var weight = [Double](repeating: 0, count: n)
        weight[0] = 1 / Double(n)
        for s in 1..<max(n, 1) { weight[s] = weight[s - 1] * Double(s) / Double(n - s) }
        var phi = [Double](repeating: 0, count: n)
        for coalition in 0..<count {
            let size = coalition.nonzeroBitCount
            for i in 0..<n where coalition & (1 << i) == 0 {
                phi[i] += weight[size] * (values[coalition | (1 << i)] - values[coalition])
            }
        }
        return phi
    }

    /// An estimate from random orders of joining, with its standard error per player.
    public struct Estimate: Sendable, Equatable {
        public let values: [Double]
        /// Sample standard deviation of the marginal contributions divided by √permutations.
        public let standardErrors: [Double]
        /// The stated error: three standard errors (a 99.7 % interval under the central limit theorem).
        public var errorBounds: [Double] { standardErrors.map { 3 * $0 } }
    }

    /// Monte Carlo values over `permutations` random orders (Castro, Gómez & Tejada 2009, Computers & Operations
    /// Research 36: 1726–1730), reproducible for a given `seed`.
    public static func sampled(players n: Int, permutations: Int, seed: UInt64, value: (UInt32) -> Double) -> Estimate {
        precondition(n >= 1 && n <= 32 && permutations >= 2, "Shapley.sampled: 1–32 players and at least 2 permutations")
        var generator = SeededGenerator(seed: seed)
        var sum = [Double](repeating: 0, count: n)
        var sumOfSquares = [Double](repeating: 0, count: n)
        var order = Array(0..<n)
        for _ in 0..<permutations {
            order.shuffle(using: &generator)
            var coalition: UInt32 = 0
            var previous = value(0)
            for player in order {
                coalition |= 1 << player
                let current = value(coalition)
                let marginal = current - previous
                sum[player] += marginal
                sumOfSquares[player] += marginal * marginal
                previous = current
            }
        }
        let m = Double(permutations)
        let means = sum.map { $0 / m }
        let errors = zip(sum, sumOfSquares).map { s, ss in (max(ss - s * s / m, 0) / (m - 1) / m).squareRoot() }
        return Estimate(values: means, standardErrors: errors)
    }
}

/// The worth of a coalition of units: what the Shapley scheme splits.
///
/// The service-flow game prices cooperation by the flows members exchange; the two stated rules let a user write the
/// superadditive game they study on any non-negative indicator xᵢ (members' GEP, say), with X_S = Σ_{i∈S} xᵢ:
/// - power: v(S) = X_S^α with α ≥ 1, superadditive because (a + b)^α ≥ a^α + b^α for a, b ≥ 0;
/// - synergy: v(S) = (1 + r(|S| − 1)) · X_S with r ≥ 0, each extra member adding r of the coalition's worth.
///
/// For synergy the Shapley value has a closed form (the tests use it): a player joining s others before it adds
/// (1 + rs)xᵢ + rX_S; averaged over orders, E[s] = (n − 1)/2 and each other player precedes i half the time, so
/// φᵢ = (1 + r(n − 1)/2)xᵢ + (r/2)(X − xᵢ).
public enum CoalitionGame: Sendable {
    /// v(S) = Σ_{j,k∈S} Uⱼₖ (``ServiceFlowNetwork/use(generated:)``).
    case serviceFlow(generated: String, network: ServiceFlowNetwork)
    /// v(S) = (Σ_{i∈S} xᵢ)^exponent.
    case power(indicator: String, exponent: Double)
    /// v(S) = (1 + rate · (|S| − 1)) · Σ_{i∈S} xᵢ.
    case synergy(indicator: String, rate: Double)

    /// How reports name the game.
    public var summary: String {
        switch self {
        case let .serviceFlow(generated, _): return "service-flow game on \(generated): v(S) = Σ_{j,k∈S} Uⱼₖ"
        case let .power(indicator, exponent): return "v(S) = (Σ_{i∈S} \(indicator))^\(sixFigures(exponent))"
        case let .synergy(indicator, rate): return "v(S) = (1 + \(sixFigures(rate))·(|S| − 1)) · Σ_{i∈S} \(indicator)"
        }
    }

    /// The game's worth function over bit-mask coalitions of `problem`'s units.
    ///
    /// - Throws: ``CompensationError`` for a missing indicator, or a negative or non-finite value in a stated rule
    ///   (the rules are superadditive only on non-negative values).
    func worth(for problem: CompensationProblem) throws -> (UInt32) -> Double {
        let n = problem.units.count
        switch self {
        case let .serviceFlow(generated, network):
            let used = try network.use(generated: try problem.values(of: generated))
            return { coalition in
                var total = 0.0
                for j in 0..<n where coalition & (1 << j) != 0 {
                    for k in 0..<n where coalition & (1 << k) != 0 { total += used[j, k] }
                }
                return total
            }
        case let .power(indicator, exponent):
            let x = try Self.nonNegative(indicator, problem)
            return { coalition in pow(Self.members(coalition, x).sum, exponent) }
        case let .synergy(indicator, rate):
            let x = try Self.nonNegative(indicator, problem)
            return { coalition in
                let (sum, count) = Self.members(coalition, x)
                return count == 0 ? 0 : (1 + rate * Double(count - 1)) * sum
            }
        }
    }

    private static func nonNegative(_ indicator: String, _ problem: CompensationProblem) throws -> [Double] {
        let x = try problem.values(of: indicator)
        for (unit, value) in zip(problem.units, x) where !(value >= 0 && value.isFinite) {
            throw CompensationError.invalidIndicator(indicator, unit: unit.id, value: value, expected: "a non-negative finite value (the coalition rule is superadditive only on those)")
        }
        return x
    }

    private static func members(_ coalition: UInt32, _ x: [Double]) -> (sum: Double, count: Int) {
        var sum = 0.0
        for i in x.indices where coalition & (1 << i) != 0 { sum += x[i] }
        return (sum, coalition.nonzeroBitCount)
    }
}

/// A horizontal cooperative scheme: the budget split by Shapley values of a coalition game, Sᵢ = B · φᵢ / v(N).
///
/// By default the game is the service flow: the worth of a coalition S is the service its members generate and use
/// among themselves, v(S) = Σ_{j∈S} Σ_{k∈S} Uⱼₖ, so cooperating turns flows between members into shared gains; a
/// ``CoalitionGame`` states another. Exact up to 15 units; sampled beyond, with the error stated in the notes.
public struct ShapleyScheme: CompensationScheme {
    public let id = "shapley"
    public let summary: String
    public let game: CoalitionGame
    public let permutations: Int
    public let seed: UInt64

    /// The most units a game may have: coalitions are 32-bit masks.
    public static let unitLimit = 32
    /// Permutations accepted for a sampled game: two for a standard error at all, and a bound on the work.
    public static let permutationRange = 2...10_000_000

    /// - Precondition: `permutations` within ``permutationRange`` (model files check it when they load).
    public init(game: CoalitionGame, permutations: Int = 20_000, seed: UInt64 = 1) {
        precondition(Self.permutationRange.contains(permutations), "ShapleyScheme: permutations \(permutations) outside \(Self.permutationRange)")
        self.game = game
        self.permutations = permutations
        self.seed = seed
        self.summary = "Shapley value of the cooperative game \(game.summary) (exact ≤ 15 units, sampled beyond)"
    }

    /// The service-flow game.
    public init(generated: String, network: ServiceFlowNetwork, permutations: Int = 20_000, seed: UInt64 = 1) {
        self.init(game: .serviceFlow(generated: generated, network: network), permutations: permutations, seed: seed)
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        let n = problem.units.count
        guard n <= Self.unitLimit else {
            throw CompensationError.shapeMismatch("shapley: at most \(Self.unitLimit) units (coalitions are 32-bit masks), not \(n)")
        }
        let worth = try game.worth(for: problem)
        var notes = ["game: \(game.summary)"]
        let phi: [Double]
        if n <= Shapley.exactLimit {
            phi = Shapley.exact(players: n, value: worth)
            notes.append("exact over \(1 << n) coalitions")
        } else {
            let estimate = Shapley.sampled(players: n, permutations: permutations, seed: seed, value: worth)
            phi = estimate.values
            notes.append("sampled over \(permutations) orders (seed \(seed)); largest stated error ±\(sixFigures(estimate.errorBounds.max() ?? 0)) (3 standard errors)")
        }
        let amounts = try ProportionalSplit.split(problem.budget.yuan, by: phi.map { max($0, 0) }, scheme: id)
        return Allocation(scheme: id, amounts: amounts, explanations: phi.map { "Shapley value \(sixFigures($0)) of v(N) = \(sixFigures(worth(UInt32((1 << n) - 1))))" },
                          budgetConstrained: true, notes: notes)
    }
}
