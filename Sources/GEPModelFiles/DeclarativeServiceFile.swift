import GEPCore

/// Reads a declarative service file:
///
/// ```yaml
/// id: water-conservation-formula
/// name: water conservation (formula)
/// local-name: 水源涵养
/// category: regulating                 # provisioning | regulating | cultural
/// unit: m³                             # unit of the physical amount
/// source: "GEP technical guideline (2020), water conservation"
/// ecosystem-groups: [forest, grassland] # optional: the types sum(...) runs over (default: all)
/// inputs:                              # formula name → model input
///   P: {key: precipitation, dimension: length, per-ecosystem-type: true, domain: non-negative, summary: annual precipitation}
/// prices:
///   C_res: {key: reservoir-construction-cost, per: volume}
/// physical: sum(area * max(P - P * alpha - ET, 0))
/// value: physical * C_res
/// ```
///
/// Dimensions are named as `gep services show` prints them (area, volume, mass, length, energy, count, ratio, money,
/// mass per area, volume per area, density, mass per length, time, energy per volume). Domains: any, non-negative,
/// positive, fraction.
public enum DeclarativeServiceFile {
    static let keys: Set<String> = ["id", "name", "local-name", "category", "unit", "source", "ecosystem-groups", "inputs", "prices", "physical", "value"]

    /// - Throws: ``ModelFileError`` naming the file, line and field (and the column inside a formula) of the first
    ///   problem: a formula that does not parse, names an unknown input or price, or whose units do not come out as
    ///   declared.
    public static func read(_ path: String) throws -> DeclarativeService {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.service, root)
        try root.allowOnly(keys.union(["kind"]))
        let idField = try root.required("id")
        let id = ServiceID(try idField.string())
        guard id.isWellFormed else { throw idField.error(String(describing: RegistryError.malformedID(id.rawValue))) }
        let categoryField = try root.required("category")
        guard let category = ServiceCategory(rawValue: try categoryField.string()) else {
            throw categoryField.error("expected provisioning, regulating or cultural")
        }
        let unitField = try root.required("unit")
        let unitText = try unitField.string()
        guard let physicalUnit = AnyUnit(unitText), let physicalVector = DimensionVector.of(physicalUnit.dimension) else {
            throw unitField.error("unknown or unsupported unit \"\(unitText)\"")
        }

        var symbols = FormulaSymbols()
        symbols.declare("area", DimensionVector(length: 2), scope: .perEcosystemType)
        var inputs: [DeclarativeService.NamedInput] = []
        for (name, field) in try root.optional("inputs")?.mapping() ?? [] {
            try field.allowOnly(["key", "dimension", "per-ecosystem-type", "domain", "summary", "optional"])
            let dimension = try readDimension(try field.required("dimension"))
            let perType = try field.optional("per-ecosystem-type")?.bool() ?? false
            let requirement = InputRequirement(try field.optional("key")?.string() ?? name, try field.optional("summary")?.string() ?? name,
                                               dimension: dimension.type, scope: perType ? .perEcosystemType : .single,
                                               domain: try readDomain(try field.optional("domain")),
                                               presence: try field.optional("optional")?.bool() == true ? .optional : .required)
            inputs.append(.init(name: name, requirement: requirement))
            symbols.declare(name, dimension.vector, scope: perType ? .perEcosystemType : .single)
        }
        var prices: [DeclarativeService.NamedPrice] = []
        for (name, field) in try root.optional("prices")?.mapping() ?? [] {
            try field.allowOnly(["key", "per", "summary"])
            let dimension = try readDimension(try field.required("per"))
            prices.append(.init(name: name, requirement: PriceRequirement(try field.optional("key")?.string() ?? name,
                                                                          try field.optional("summary")?.string() ?? name, per: dimension.type)))
            symbols.declare(name, DimensionVector(money: 1) / dimension.vector, scope: .single)
        }

        let physicalField = try root.required("physical")
        let physical = try parse(physicalField)
        let physicalDimensionFound = try check(physical, symbols, physicalField)
        guard physicalDimensionFound == physicalVector else {
            throw physicalField.error("the formula gives \(physicalDimensionFound), but the declared unit \(unitText) is \(physicalVector)")
        }
        symbols.declare("physical", physicalVector, scope: .single)
        let valueField = try root.required("value")
        let value = try parse(valueField)
        let valueDimension = try check(value, symbols, valueField)
        guard valueDimension == DimensionVector(money: 1) else {
            throw valueField.error("the value formula gives \(valueDimension); expected money (元)")
        }

        let groups = try root.optional("ecosystem-groups").map { field in
            Set(try field.sequence().map { entry in
                guard let group = EcosystemGroup(rawValue: try entry.string()) else {
                    throw entry.error("unknown ecosystem group; expected one of \(EcosystemGroup.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return group
            })
        }
        let source = try root.required("source").string()
        let method = ServiceMethod(id: "formula", formula: "physical = \(try physicalField.string()); value = \(try valueField.string())",
                                   source: source, inputs: inputs.map(\.requirement), prices: prices.map(\.requirement))
        return DeclarativeService(id: id, name: try root.required("name").string(),
                                  localName: try root.optional("local-name")?.string() ?? (try root.required("name").string()),
                                  category: category, physicalUnit: unitText, methods: [method], inputs: inputs, prices: prices,
                                  physical: physical, value: value, physicalAnyUnit: physicalUnit, groups: groups)
    }

    private static func parse(_ field: YAMLField) throws -> Expression {
        do { return try ExpressionParser.parse(try field.string()) } catch let error as ExpressionError {
            throw field.error("formula \(error)")
        }
    }

    private static func check(_ expression: Expression, _ symbols: FormulaSymbols, _ field: YAMLField) throws -> DimensionVector {
        do { return try symbols.dimension(of: expression) } catch let error as ExpressionError {
            throw field.error("formula \(error)")
        }
    }

    /// A dimension named in the file, with its vector.
    struct NamedDimension {
        let type: any PhysicalDimension.Type
        let vector: DimensionVector
    }

    private static func readDimension(_ field: YAMLField) throws -> NamedDimension {
        let name = try field.string()
        guard let dimension = UnitCatalog.dimension(named: name) else {
            throw field.error("unknown dimension \"\(name)\"; expected one of \(UnitCatalog.dimensions.map { $0.name }.joined(separator: ", "))")
        }
        guard let vector = DimensionVector.of(dimension) else {
            throw field.error("dimension \"\(name)\" cannot be used in formulas: its units are not coherent with m, t, 元 and kWh")
        }
        return NamedDimension(type: dimension, vector: vector)
    }

    private static func readDomain(_ field: YAMLField?) throws -> ValueDomain {
        guard let field else { return .nonNegative }
        switch try field.string() {
        case "any": return .any
        case "non-negative": return .nonNegative
        case "positive": return .positive
        case "fraction": return .fraction
        default: throw field.error("expected any, non-negative, positive or fraction")
        }
    }
}
