import GEPCore

/// Checks that an ``EcosystemService`` keeps the protocol's contract, for authors of new modules to run in their tests:
///
/// ```swift
/// @Test func keepsTheContract() throws {
///     let problems = ServiceConformance.problems(of: ReindeerPasture(), unit: aoluguya, inputs: inputs, prices: prices)
///     #expect(problems.isEmpty, "\(problems)")
/// }
/// ```
///
/// With inputs and prices that make the service run, it checks: the id is well formed and every method documents
/// its formula and source; the result names the service, unit, method and category and has finite amounts and at
/// least one line; the same call gives the same result; removing any required input is reported as missing by name;
/// and a value outside an input's declared domain is reported as out of range by name. Returns the problems found,
/// empty when the module conforms; it never throws.
public enum ServiceConformance {
    public static func problems(of service: any EcosystemService, unit: AccountingUnit, method methodID: String? = nil,
                                inputs: Inputs, prices: PriceBook) -> [String] {
        var problems: [String] = []
        if !service.id.isWellFormed { problems.append("id \"\(service.id)\" is not lower-case words joined by hyphens") }
        if service.methods.isEmpty { problems.append("the service offers no method") }
        for method in service.methods where method.formula.isEmpty || method.source.isEmpty {
            problems.append("method \(method.id) does not state its formula and source")
        }
        guard !service.methods.isEmpty, let method = try? service.method(methodID) else {
            return problems + ["method \(methodID ?? "(default)") is not offered"]
        }
        let first: ServiceResult
        do { first = try service.evaluate(unit, method: methodID, inputs: inputs, prices: prices) } catch {
            return problems + ["evaluation with the given inputs failed: \(error)"]
        }
        if first.service != service.id { problems.append("result names service \(first.service), not \(service.id)") }
        if first.unit != unit.id { problems.append("result names unit \(first.unit), not \(unit.id)") }
        if first.method != method.id { problems.append("result names method \(first.method), not \(method.id)") }
        if first.category != service.category { problems.append("result category \(first.category) differs from the service's \(service.category)") }
        if first.lines.isEmpty { problems.append("the result has no valued line") }
        if !first.physical.amount.isFinite || first.lines.contains(where: { !$0.value.yuan.isFinite }) {
            problems.append("the result holds a non-finite amount")
        }
        if (try? service.evaluate(unit, method: methodID, inputs: inputs, prices: prices)) != first {
            problems.append("two evaluations of the same inputs differ: the service is not deterministic")
        }
        for requirement in method.inputs where !requirement.isOptional && inputs[requirement.key] != nil {
            let without = Inputs(inputs.all.filter { $0.key != requirement.key })
            do {
                _ = try service.evaluate(unit, method: methodID, inputs: without, prices: prices)
                problems.append("removing required input \"\(requirement.key)\" was not reported")
            } catch let error as InputError {
                if !String(describing: error).contains("\"\(requirement.key)\"") {
                    problems.append("removing \"\(requirement.key)\" gave a message that does not name it: \(error)")
                }
            } catch {
                problems.append("removing \"\(requirement.key)\" gave \(error) instead of an InputError")
            }
        }
        for requirement in method.inputs {
            guard let input = inputs[requirement.key], let bad = outOfDomain(input, requirement) else { continue }
            var changed = inputs
            changed.set(bad)
            do {
                _ = try service.evaluate(unit, method: methodID, inputs: changed, prices: prices)
                problems.append("an out-of-range \"\(requirement.key)\" was accepted")
            } catch let error as InputError {
                if !String(describing: error).contains(requirement.key) {
                    problems.append("an out-of-range \"\(requirement.key)\" gave a message that does not name it: \(error)")
                }
            } catch {
                problems.append("an out-of-range \"\(requirement.key)\" gave \(error) instead of an InputError")
            }
        }
        return problems
    }

    /// The input with every value moved outside its domain (−1 base units below zero, or 2 for a fraction), keeping
    /// its unit; nil for a domain that every finite value satisfies.
    static func outOfDomain(_ input: Input, _ requirement: InputRequirement) -> Input? {
        let outside: (Measure) -> Measure
        switch requirement.domain {
        case .any: return nil
        case .nonNegative, .positive: outside = { Measure(-1, $0.unit) }
        case .fraction: outside = { Measure($0.unit == "%" ? 200 : 2, $0.unit) }
        case let .range(range):
            // The bound is in the base unit; the value is written in the input's unit (a rate in %).
            outside = { Measure((range.lowerBound - 1 - abs(range.lowerBound)) / ($0.parsedUnit?.baseUnitsPerUnit ?? 1), $0.unit) }
        }
        switch input.value {
        case let .single(measure): return Input(input.key, .single(outside(measure)), provenance: input.provenance)
        case let .byEcosystemType(values): return Input(input.key, .byEcosystemType(values.mapValues(outside)), provenance: input.provenance)
        }
    }
}
