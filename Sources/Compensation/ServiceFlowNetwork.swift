import GEPCore
import LinearAlgebra

/// Where a service generated in one unit is used: the upstream–downstream flow model behind basin compensation.
///
/// Each unit i generates yᵢ (m³ of water conserved, say) and has xᵢ available: its own plus what flows in. It uses a
/// share uᵢ of what is available; a share Rⱼᵢ flows on to unit j; the rest leaves the region. So
///
///     x = y + R·x,  that is  (I − R)·x = y,
///
/// solved with LAPACK `dgesv`. Solving (I − R)·Z = diag(y) instead traces origins: Zⱼₖ is the service generated in k
/// that is available in j, and Uⱼₖ = uⱼ·Zⱼₖ the part of it that j uses. Unit k supplies Eₖ = Σ_{j≠k} Uⱼₖ to others
/// and takes Iⱼ = Σ_{k≠j} Uⱼₖ from them; a unit whose exports exceed its imports is a net receiver of compensation,
/// the others net payers. This generalises the basin and service-flow methods of formulas-and-prices.md §2.6–2.7.
public struct ServiceFlowNetwork: Sendable, Equatable {
    /// Rⱼᵢ (row j, column i): the share of what is available in unit i that flows on to unit j.
    public let routing: Matrix
    /// uᵢ: the share of what is available in unit i that unit i uses.
    public let useShares: [Double]

    /// - Throws: ``CompensationError/shapeMismatch(_:)`` for sizes that disagree, and
    ///   ``CompensationError/infeasible(_:)`` for shares outside [0, 1], a unit routing to itself, a unit that
    ///   uses and passes on more than it has, or a closed loop that keeps all of its flow.
    public init(routing: Matrix, useShares: [Double]) throws {
        let n = useShares.count
        guard routing.rows == n, routing.columns == n else {
            throw CompensationError.shapeMismatch("service flows: a \(routing.rows)×\(routing.columns) routing matrix for \(n) units")
        }
        for i in 0..<n {
            guard (0...1).contains(useShares[i]) else { throw CompensationError.infeasible("use share of unit \(i + 1) is \(useShares[i]); expected 0–1") }
            guard routing[i, i] == 0 else { throw CompensationError.infeasible("unit \(i + 1) routes to itself") }
            let outflow = (0..<n).reduce(0) { $0 + routing[$1, i] }
            guard (0..<n).allSatisfy({ routing[$0, i] >= 0 }), useShares[i] + outflow <= 1 + 1e-12 else {
                throw CompensationError.infeasible("unit \(i + 1) uses \(useShares[i]) and passes on \(outflow) of what it has; shares must be non-negative and sum to at most 1")
            }
        }
        // I − R is singular exactly when some units pass all of their flow round a closed loop, none of it used or
        // leaving: the flows would grow without bound. Found here, with the shares, rather than as a dgesv pivot.
        var system = Matrix.identity(n)
        for i in 0..<n { for j in 0..<n { system[i, j] -= routing[i, j] } }
        do { _ = try system.solve(Matrix.identity(n)) } catch LinearAlgebraError.singular {
            let closed = (0..<n).filter { useShares[$0] == 0 }.map { String($0 + 1) }.joined(separator: ", ")
            throw CompensationError.infeasible("the routing sends flow round a closed loop with none of it used or leaving (units with no use share: \(closed)); give a unit of the loop a use share or an outflow")
        }
        self.routing = routing
        self.useShares = useShares
    }

    /// U: `use[j, k]` is the service generated in unit k and used in unit j.
    ///
    /// - Throws: ``CompensationError/shapeMismatch(_:)`` for a list of amounts of the wrong length.
    public func use(generated: [Double]) throws -> Matrix {
        let n = useShares.count
        guard generated.count == n else { throw CompensationError.shapeMismatch("service flows: \(generated.count) amounts for \(n) units") }
        var system = Matrix.identity(n)
        var sources = Matrix(rows: n, columns: n)
        for i in 0..<n {
            sources[i, i] = generated[i]
            for j in 0..<n { system[i, j] -= routing[i, j] }
        }
        var available = try system.solve(sources)
        for j in 0..<n {
            for k in 0..<n { available[j, k] *= useShares[j] }
        }
        return available
    }

    /// Eₖ, what each unit supplies to others, and Iⱼ, what each takes from others.
    public func exchanges(generated: [Double]) throws -> (exports: [Double], imports: [Double]) {
        let used = try use(generated: generated)
        let n = useShares.count
        let exports = (0..<n).map { k in (0..<n).filter { $0 != k }.reduce(0) { $0 + used[$1, k] } }
        let imports = (0..<n).map { j in (0..<n).filter { $0 != j }.reduce(0) { $0 + used[j, $1] } }
        return (exports, imports)
    }
}

/// Budget split in proportion to the service each unit supplies to the others: Sₖ = B · Eₖ / Σ E, with net payers
/// (imports above exports) named in the explanations. See ``ServiceFlowNetwork``.
public struct ServiceFlowScheme: CompensationScheme {
    public let id = "service-flow"
    public let summary = "upstream–downstream: budget split by the service each unit supplies to others, (I − R)x = y"
    /// The indicator holding each unit's generated service.
    public let generated: String
    public let network: ServiceFlowNetwork

    public init(generated: String, network: ServiceFlowNetwork) {
        self.generated = generated
        self.network = network
    }

    public func allocate(_ problem: CompensationProblem) throws -> Allocation {
        let (exports, imports) = try network.exchanges(generated: try problem.values(of: generated))
        let amounts = try ProportionalSplit.split(problem.budget.yuan, by: exports, scheme: id)
        return Allocation(scheme: id, amounts: amounts, explanations: zip(exports, imports).map { e, i in
            "supplies \(sixFigures(e)) to others, uses \(sixFigures(i)) from them: net \(e >= i ? "receiver" : "payer") (\(sixFigures(e - i)))"
        }, budgetConstrained: true)
    }
}
