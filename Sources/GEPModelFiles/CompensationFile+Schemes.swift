import Compensation
import GEPCore
import LinearAlgebra

extension CompensationFile {
    /// The `schemes:` block: each key is a scheme id with its parameters.
    ///
    /// ```yaml
    /// schemes:
    ///   gep-share: {}
    ///   gep-increment: {}                 # needs previous-year: (or a gep-previous indicator)
    ///   growth-reward: {threshold-percent: 5}
    ///   banded-reward: {bands: [{units: 2, amount: {value: 500, unit: 万元}}, {units: 2, amount: {value: 200, unit: 万元}}]}
    ///   banded-reward: {scorecard: {real-growth: 0.6, gep-per-km2: 0.4}, bands: [...]}   # rank by the scorecard's score
    ///   decline-penalty: {base: gep-share, penalty-percent-per-point: 4}
    ///   opportunity-cost: {}
    ///   area-rates: {rates: {grazing-ban: {value: 7.5, unit: 元/亩, year: 2021, source: ..., status: published}}}
    ///   ahp: {indicators: [gep, opportunity-cost, area], pairwise: [[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]], source: ..., status: ..., note: ...}
    ///   entropy-topsis: {indicators: [gep, opportunity-cost]}
    ///   service-flow: {generated: service:water-conservation, use: {unit-id: 0.2, ...}, routing: {from-id: {to-id: 0.5}}, source: ..., status: ..., note: ...}
    ///   shapley: {}                       # the service-flow game; needs service-flow
    ///   shapley: {game: {rule: power, indicator: gep, exponent: 1.2, source: ..., status: ...}}   # or rule: synergy, rate: 0.05
    ///   optimised: {target: gep-share, floors: {unit-id: {value: 500, unit: 万元}}, caps: {...}, weights: {unit-id: 2}}
    /// ```
    static func readSchemes(_ field: YAMLField, problem: CompensationProblem, values: ValueReader,
                            provenance: inout [(String, String, Provenance)]) throws -> [(id: String, scheme: any CompensationScheme)] {
        var schemes: [(id: String, scheme: any CompensationScheme)] = []
        var network: ServiceFlowNetwork?
        var flowIndicator: String?
        let entries = try field.mapping()
        for (id, entry) in entries {
            switch id {
            case "gep-share":
                schemes.append((id, IndicatorShareScheme.gepShare))
            case "opportunity-cost":
                schemes.append((id, IndicatorShareScheme.opportunityCost))
            case "gep-increment":
                try requirePreviousGEP(entry, problem)
                schemes.append((id, GEPIncrementScheme()))
            case "growth-reward":
                try entry.allowOnly(["threshold-percent"])
                try requirePreviousGEP(entry, problem)
                let field = try entry.required("threshold-percent")
                let percent = try field.double()
                guard percent > -100, percent <= 1000 else { throw field.error("expected a growth threshold above −100 % and at most 1000 %, found \(percent)") }
                schemes.append((id, GrowthRewardScheme(threshold: percent / 100)))
            case "banded-reward":
                try entry.allowOnly(["bands", "scorecard"])
                try requirePreviousGEP(entry, problem)
                var ranking = BandedRewardScheme.Ranking.realGrowth
                if let card = try entry.optional("scorecard") {
                    try card.allowOnly(["real-growth", "gep-per-km2"])
                    let weights = try card.mapping().map { key, field -> (Scorecard.Indicator, Double) in
                        let weight = try field.double()
                        guard weight >= 0 else { throw field.error("a weight cannot be negative (found \(weight))") }
                        guard let indicator = Scorecard.Indicator(key) else { throw field.error("not an indicator: expected real-growth or gep-per-km2") }
                        return (indicator, weight)
                    }
                    guard weights.contains(where: { $0.1 > 0 }) else { throw card.error("expected at least one positive weight: real-growth, gep-per-km2") }
                    ranking = .scorecard(weights)
                }
                let bands = try entry.required("bands").sequence().map { band in
                    try band.allowOnly(["units", "amount"])
                    let amount = try money(try band.required("amount"))
                    return BandedRewardScheme.Band(count: try band.required("units").int(in: 1...1_000_000), amount: amount)
                }
                guard !bands.isEmpty else { throw try entry.required("bands").error("expected at least one band") }
                schemes.append((id, BandedRewardScheme(bands: bands, ranking: ranking)))
            case "decline-penalty":
                try entry.allowOnly(["base", "penalty-percent-per-point"])
                try requirePreviousGEP(entry, problem)
                let baseField = try entry.required("base")
                let baseID = try baseField.string()
                guard let base = schemes.first(where: { $0.id == baseID })?.scheme else {
                    throw baseField.error("base \"\(baseID)\" must be a scheme defined above it")
                }
                let rateField = try entry.required("penalty-percent-per-point")
                let rate = try rateField.double()
                guard rate > 0, rate <= 100 else { throw rateField.error("expected a penalty above 0 and at most 100 % of the base amount per point of decline, found \(rate)") }
                schemes.append((id, DeclinePenaltyScheme(base: base, penaltyPerPoint: rate / 100)))
            case "area-rates":
                try entry.allowOnly(["rates"])
                var rates: [String: UnitPrice<Area>] = [:]
                for (regime, rateField) in try entry.required("rates").mapping() {
                    try rateField.allowOnly(ValueReader.singleKeys)
                    let unitField = try rateField.required("unit")
                    let text = try unitField.string()
                    guard let slash = text.firstIndex(of: "/"), let money = MoneyUnit(parsing: String(text[..<slash])),
                          let area = Area.unit(named: String(text[text.index(after: slash)...])) else {
                        throw unitField.error("expected money per area, such as 元/亩 or 元/ha")
                    }
                    let record = try values.provenance(rateField)
                    guard let year = record.year else { throw rateField.error("a rate needs a `year:` (its price year)") }
                    guard problem.regimeAreas[regime]?.contains(where: { $0 != nil }) == true else {
                        let held = problem.regimeAreas.filter { $0.value.contains { $0 != nil } }.keys.sorted().joined(separator: ", ")
                        throw rateField.error("no unit holds regime \"\(regime)\", so its rate would pay nothing; the units' regimes are \(held.isEmpty ? "none" : held)")
                    }
                    let rateValue = try rateField.required("value").double()
                    guard rateValue >= 0 else { throw rateField.error("a rate cannot be negative (found \(rateValue))") }
                    rates[regime] = UnitPrice(rateValue, money, per: area, priceYear: year)
                    provenance.append(("area-rates \(regime)", "\(try rateField.required("value").double()) \(text)", record))
                }
                schemes.append((id, AreaRateScheme(rates: rates)))
            case "ahp":
                try entry.allowOnly(["indicators", "pairwise", "allow-inconsistent", "source", "year", "status", "note"])
                let indicators = try entry.required("indicators").sequence().map { try $0.string() }
                let rows = try entry.required("pairwise").sequence().map { row in try row.sequence().map(judgement) }
                guard rows.allSatisfy({ $0.count == rows.count }), rows.count == indicators.count else {
                    throw try entry.required("pairwise").error("expected a \(indicators.count)×\(indicators.count) matrix, one row per indicator")
                }
                provenance.append(("ahp judgements", indicators.joined(separator: ", "), try values.provenance(entry)))
                let scheme = AHPScheme(indicators: indicators, pairwise: Matrix(rows),
                                       allowInconsistent: try entry.optional("allow-inconsistent")?.bool() ?? false)
                do { _ = try AHP(pairwise: scheme.pairwise, allowInconsistent: scheme.allowInconsistent) } catch let error as CompensationError {
                    throw try entry.required("pairwise").error(String(describing: error))
                }
                schemes.append((id, scheme))
            case "entropy-topsis":
                try entry.allowOnly(["indicators"])
                schemes.append((id, EntropyTOPSISScheme(indicators: try entry.required("indicators").sequence().map { try $0.string() })))
            case "service-flow":
                try entry.allowOnly(["generated", "use", "routing", "source", "year", "status", "note"])
                let generated = try entry.required("generated").string()
                let flows = try readNetwork(entry, units: problem.units)
                provenance.append(("service-flow routing and use", generated, try values.provenance(entry)))
                network = flows
                flowIndicator = generated
                schemes.append((id, ServiceFlowScheme(generated: generated, network: flows)))
            case "shapley":
                try entry.allowOnly(["permutations", "seed", "game"])
                guard problem.units.count <= ShapleyScheme.unitLimit else {
                    throw entry.error("shapley supports at most \(ShapleyScheme.unitLimit) units (coalitions are 32-bit masks); the file has \(problem.units.count)")
                }
                let game: CoalitionGame
                if let gameField = try entry.optional("game") {
                    game = try coalitionGame(gameField, problem: problem)
                    provenance.append(("shapley coalition rule", game.summary, try values.provenance(gameField)))
                } else {
                    guard let network, let flowIndicator else {
                        throw entry.error("shapley plays the service-flow game unless it states a `game:`: define `service-flow` before it")
                    }
                    game = .serviceFlow(generated: flowIndicator, network: network)
                }
                schemes.append((id, ShapleyScheme(game: game,
                                                  permutations: try entry.optional("permutations")?.int(in: ShapleyScheme.permutationRange) ?? 20_000,
                                                  seed: UInt64(try entry.optional("seed")?.int(in: 0...Int.max) ?? 1))))
            case "optimised":
                try entry.allowOnly(["target", "floors", "caps", "weights"])
                let targetField = try entry.required("target")
                let targetID = try targetField.string()
                guard let target = schemes.first(where: { $0.id == targetID })?.scheme else {
                    throw targetField.error("target \"\(targetID)\" must be a scheme defined above it")
                }
                let units = problem.units.map(\.id)
                schemes.append((id, OptimisedScheme(target: target, floors: try bounds(entry.optional("floors"), units: units),
                                                    caps: try bounds(entry.optional("caps"), units: units),
                                                    weights: try unitWeights(entry.optional("weights"), units: units))))
            default:
                throw entry.error("unknown scheme; expected gep-share, gep-increment, growth-reward, banded-reward, decline-penalty, opportunity-cost, area-rates, ahp, entropy-topsis, service-flow, shapley or optimised")
            }
        }
        return schemes
    }

    /// The growth schemes compare with last year's GEP: from `previous-year:` or a `gep-previous` indicator on every unit.
    private static func requirePreviousGEP(_ entry: YAMLField, _ problem: CompensationProblem) throws {
        guard problem.holds("gep-previous") else {
            throw entry.error("needs each unit's previous GEP: set `previous-year:` to a year the region model holds, or give every unit a `gep-previous` indicator")
        }
    }

    /// A stated coalition rule: `{rule: power, indicator: gep, exponent: 1.2}` or `{rule: synergy, indicator: gep, rate: 0.05}`,
    /// with its source. The bounds (α ≥ 1, r ≥ 0) are what make the rule superadditive.
    private static func coalitionGame(_ field: YAMLField, problem: CompensationProblem) throws -> CoalitionGame {
        try field.allowOnly(["rule", "indicator", "exponent", "rate", "source", "year", "status", "note"])
        let indicatorField = try field.required("indicator")
        let indicator = try indicatorField.string()
        guard problem.holds(indicator) else {
            throw indicatorField.error("indicator \"\(indicator)\" is not held by every unit; known: \(problem.heldIndicators.joined(separator: ", "))")
        }
        let ruleField = try field.required("rule")
        switch try ruleField.string() {
        case "power":
            let exponentField = try field.required("exponent")
            let exponent = try exponentField.double()
            guard exponent >= 1, exponent <= 10 else { throw exponentField.error("expected an exponent from 1 to 10 (v(S) = X_S^α is superadditive for α ≥ 1), found \(exponent)") }
            return .power(indicator: indicator, exponent: exponent)
        case "synergy":
            let rateField = try field.required("rate")
            let rate = try rateField.double()
            guard rate >= 0, rate <= 10 else { throw rateField.error("expected a rate from 0 to 10 (each extra member adds rate × the coalition's worth), found \(rate)") }
            return .synergy(indicator: indicator, rate: rate)
        case let other:
            throw ruleField.error("unknown coalition rule \"\(other)\"; expected power or synergy (or no `game:` for the service-flow game)")
        }
    }

    /// Per-unit weights of the optimised allocation's squared distance, `{unit-id: 2}`: positive, finite, by known id.
    private static func unitWeights(_ field: YAMLField?, units: [String]) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for (id, entry) in try field?.mapping() ?? [] {
            guard units.contains(id) else { throw entry.error("no unit \"\(id)\"; units are \(units.joined(separator: ", "))") }
            let weight = try entry.double()
            guard weight > 0, weight <= 1e6 else { throw entry.error("a weight must be positive and at most 10⁶ (found \(weight))") }
            result[id] = weight
        }
        return result
    }

    /// A pairwise judgement: a number or a fraction written "1/3".
    private static func judgement(_ field: YAMLField) throws -> Double {
        if let number = try? field.double() { return number }
        let text = try field.string()
        let parts = text.split(separator: "/").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let numerator = parts[0], let denominator = parts[1], denominator != 0 else {
            throw field.error("expected a number or a fraction like 1/3, found \"\(text)\"")
        }
        return numerator / denominator
    }

    private static func readNetwork(_ entry: YAMLField, units: [CompensationUnit]) throws -> ServiceFlowNetwork {
        let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.id, $0) })
        func position(_ id: String, _ field: YAMLField) throws -> Int {
            guard let i = index[id] else { throw field.error("unknown unit \"\(id)\"") }
            return i
        }
        var use = [Double](repeating: 0, count: units.count)
        for (id, field) in try entry.required("use").mapping() { use[try position(id, field)] = try field.double() }
        var routing = Matrix(rows: units.count, columns: units.count)
        for (from, targets) in try entry.optional("routing")?.mapping() ?? [] {
            let i = try position(from, targets)
            for (to, share) in try targets.mapping() { routing[try position(to, share), i] = try share.double() }
        }
        do { return try ServiceFlowNetwork(routing: routing, useShares: use) } catch let error as CompensationError {
            throw entry.error(String(describing: error))
        }
    }

    /// Per-unit money bounds in 元: `{unit-id: {value: 500, unit: 万元}}`.
    /// Floors or caps by unit id, in 元; an id that names no unit is an error, not a bound silently dropped.
    private static func bounds(_ field: YAMLField?, units: [String]) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for (id, entry) in try field?.mapping() ?? [] {
            guard units.contains(id) else { throw entry.error("no unit \"\(id)\"; units are \(units.joined(separator: ", "))") }
            result[id] = try money(entry)
        }
        return result
    }

    /// An amount `{value: 500, unit: 万元}` in 元: not negative.
    private static func money(_ entry: YAMLField) throws -> Double {
        try entry.allowOnly(["value", "unit"])
        let unit = try entry.required("unit")
        guard let money = MoneyUnit(parsing: try unit.string()) else { throw unit.error("expected 元, 万元 or 亿元") }
        let value = try entry.required("value").double()
        guard value >= 0 else { throw entry.error("an amount cannot be negative (found \(value))") }
        return value * money.yuanPerUnit
    }
}
