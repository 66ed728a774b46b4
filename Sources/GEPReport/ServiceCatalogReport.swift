import GEPCore

/// Renders the registered services and grid derivations for `gep services list`, and one service's or
/// derivation's documentation for `gep services show`.
public enum ServiceCatalogReport {
    /// One row per service: id, names, category, physical unit and methods; then one row per grid derivation.
    public static func list(_ registry: ServiceRegistry) -> String {
        guard !registry.services.isEmpty else { return "No services are registered.\n" }
        var table = TextTable(headers: ["id", "name", "名称", "category", "unit", "methods"])
        for service in registry.services {
            table.append([service.id.rawValue, service.name, service.localName, service.category.rawValue,
                          service.physicalUnit, service.methods.map(\.id).joined(separator: ", ")])
        }
        guard !registry.derivations.isEmpty else { return table.render() }
        var derivations = TextTable(headers: ["derivation", "gives", "unit", "reach", "operands"])
        for derivation in registry.derivations {
            derivations.append([derivation.id, derivation.output, derivation.outputUnit.isEmpty ? "1" : derivation.outputUnit, reach(derivation.reach),
                                derivation.operands.map(\.name).joined(separator: ", ")])
        }
        return table.render() + "\nGrid derivations (raster models: `derive: <id>` under `grids:`):\n" + derivations.render()
    }

    /// The derivation's output, formula, source and operands.
    public static func show(_ derivation: any GridDerivation) -> String {
        var text = "\(derivation.id)  grid derivation giving \(derivation.output) (\(derivation.outputUnit.isEmpty ? "a pure number" : derivation.outputUnit))\n"
        text += "reach: \(reach(derivation.reach))\n"
        text += "  formula: \(derivation.formula)\n"
        text += "  source:  \(derivation.source)\n"
        var operands = TextTable(headers: ["operand", "unit", "periods", "default", "meaning"])
        for operand in derivation.operands {
            operands.append([operand.name, operand.unit.isEmpty ? "1" : operand.unit, String(operand.periods),
                             operand.defaultValue.map { "\($0)" } ?? "required", operand.description])
        }
        return text + indent(operands.render())
    }

    private static func reach(_ reach: GridDerivationReach) -> String {
        switch reach {
        case .pixel: "per pixel (block by block)"
        case .wholeGrid: "whole grid (computed before the blocks)"
        }
    }

    /// The service's names and category, and for each method its formula, source, inputs and prices.
    public static func show(_ service: any EcosystemService) -> String {
        var text = "\(service.id)  \(service.name) (\(service.localName))\n"
        text += "category: \(service.category.rawValue) (\(service.category.localName)); physical unit: \(service.physicalUnit)\n"
        for (index, method) in service.methods.enumerated() {
            text += "\nmethod \(method.id)\(index == 0 ? " (default)" : "")\n"
            text += "  formula: \(method.formula.replacingOccurrences(of: "\n", with: "\n           "))\n"
            text += "  source:  \(method.source)\n"
            if !method.inputs.isEmpty {
                var inputs = TextTable(headers: ["input", "needed", "dimension", "scope", "allowed", "meaning"])
                for input in method.inputs {
                    inputs.append([input.key, input.presence.description, input.dimension.name,
                                   input.scope == .single ? "single" : "by ecosystem type",
                                   input.domain.expectation(input.dimension), input.summary])
                }
                text += indent(inputs.render())
            }
            if !method.prices.isEmpty {
                var prices = TextTable(headers: ["price", "per", "meaning"])
                for price in method.prices {
                    prices.append([price.key, price.dimension.baseSymbol, price.summary])
                }
                text += indent(prices.render())
            }
        }
        return text
    }

    private static func indent(_ block: String) -> String {
        block.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }
}
