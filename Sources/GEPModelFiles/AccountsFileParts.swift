import Accounts
import GEPCore

/// The parts that ecosystem-accounts and scenario files share: land conversions and the asset valuation.
enum AccountsFileParts {
    /// `conversions:`, a list of `{unit, from, to, area: {value, unit, source, status, …}}`, each unit one of the model's.
    static func conversions(_ field: YAMLField?, model: RegionModel, values: ValueReader) throws -> [LandConversion] {
        try field?.sequence().map { entry in
            try entry.allowOnly(["unit", "from", "to", "area"])
            let unitField = try entry.required("unit")
            let unit = try unitField.string()
            guard model.region.units.contains(where: { $0.id == unit }) else {
                throw unitField.error("no accounting unit \"\(unit)\" in the model; it has \(model.region.units.map(\.id).joined(separator: ", "))")
            }
            let areaField = try entry.required("area")
            if let value = try areaField.optional("value"), try value.double() < 0 {
                throw value.error("area is \(try value.double()); expected a positive area")
            }
            let input = try values.input("area", areaField)
            let area = try Measure.quantity(input, Area.self, field: areaField)
            do {
                return try LandConversion(unit: unit, from: try ecosystemType(try entry.required("from")),
                                          to: try ecosystemType(try entry.required("to")), area: area, provenance: input.provenance)
            } catch let error as AccountsError {
                throw entry.error(String(describing: error))
            }
        } ?? []
    }

    /// An ecosystem type id.
    static func ecosystemType(_ field: YAMLField) throws -> EcosystemType {
        let text = try field.string()
        guard let type = EcosystemType(rawValue: text) else {
            throw field.error("unknown ecosystem type \"\(text)\"; expected one of \(EcosystemType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }

    /// `valuation: {discount-rate: 6, asset-life-years: 100, sensitivity-rates: [2, 4, 8], unit: "%", source, status, note}`:
    /// rates in `unit` (% or a plain fraction), with the provenance of the choice.
    static func valuation(_ field: YAMLField, values: ValueReader) throws -> (AssetValuation, Provenance) {
        try field.allowOnly(["discount-rate", "asset-life-years", "sensitivity-rates", "unit", "source", "year", "status", "note"])
        let scale = try fractionScale(try field.required("unit"), of: "discount rates")
        let rateField = try field.required("discount-rate")
        let sensitivity = try field.optional("sensitivity-rates")?.sequence().map { try $0.double() * scale } ?? []
        do {
            return (try AssetValuation(discountRate: try rateField.double() * scale, assetLife: try field.required("asset-life-years").int(in: 1...1000),
                                       sensitivityRates: sensitivity), try values.provenance(field))
        } catch let error as AccountsError {
            throw rateField.error(String(describing: error))
        }
    }

    /// What numbers in `unit` are multiplied by to give fractions: 0.01 for "%", 1 for "" (fractions already).
    static func fractionScale(_ unit: YAMLField, of what: String) throws -> Double {
        switch try unit.string(allowEmpty: true) {
        case "%": return 0.01
        case "": return 1
        case let other: throw unit.error("unit \"\(other)\" for \(what); expected \"%\" or \"\" (fractions)")
        }
    }

    /// The region model a file names under `key`, read for `year`.
    static func model(_ root: YAMLField, key: String, directory: String, registry: ServiceRegistry, year: Int?) throws -> (RegionModel, path: String) {
        let path = try root.required(key).filePath(in: directory)
        return (try RegionModelFile.read(path, registry: registry, year: year), path)
    }
}
