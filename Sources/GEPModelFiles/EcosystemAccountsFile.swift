import Accounts
import Foundation
import GEPCore

/// An ecosystem-accounts file read: the two years' models and everything the accounts need besides.
public struct EcosystemAccountsModel: Sendable {
    public let modelPath: String
    public let openingModel: RegionModel
    public let closingModel: RegionModel
    public let conversions: [LandConversion]
    public let condition: [ConditionIndicator]
    public let users: [ServiceUsers]
    public let valuation: AssetValuation
    public let valuationProvenance: Provenance

    /// The accounts these inputs give.
    ///
    /// - Throws: the errors of ``EcosystemAccounts/init(openingModel:closingModel:conversions:condition:users:valuation:registry:)``.
    public func accounts(registry: ServiceRegistry) throws -> EcosystemAccounts {
        try EcosystemAccounts(openingModel: openingModel, closingModel: closingModel, conversions: conversions, condition: condition,
                              users: users, valuation: valuation, registry: registry)
    }
}

/// Reads ecosystem-accounts files (`kind: ecosystem-accounts`; see `models/README.md`, "Ecosystem accounts").
public enum EcosystemAccountsFile {
    static let topKeys: Set<String> = ["kind", "sources", "model", "opening-year", "closing-year", "conversions", "condition", "users", "valuation"]

    /// - Throws: ``ModelFileError`` naming the file (or the region model's), the field and what was expected.
    public static func read(_ path: String, registry: ServiceRegistry) throws -> EcosystemAccountsModel {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.ecosystemAccounts, root)
        try root.allowOnly(topKeys)
        let values = ValueReader(sources: try SourceCatalog(root))
        let directory = (path as NSString).deletingLastPathComponent
        let openingField = try root.required("opening-year"), closingField = try root.required("closing-year")
        let (openingYear, closingYear) = (try openingField.year(), try closingField.year())
        guard openingYear < closingYear else {
            throw closingField.error("closing year \(closingYear) is not after the opening year \(openingYear)")
        }
        let (closing, modelPath) = try AccountsFileParts.model(root, key: "model", directory: directory, registry: registry, year: closingYear)
        let (opening, _) = try AccountsFileParts.model(root, key: "model", directory: directory, registry: registry, year: openingYear)
        let conversions = try AccountsFileParts.conversions(try root.optional("conversions"), model: closing, values: values)
        do { _ = try EcosystemAccounts.openingModel(opening, closingModel: closing, conversions: conversions) } catch let error as AccountsError {
            throw try root.required("conversions").error("\(error); the model gives both years the same areas, so the opening extent is the closing one less the conversions")
        }
        let (valuation, valuationProvenance) = try AccountsFileParts.valuation(try root.required("valuation"), values: values)
        return EcosystemAccountsModel(modelPath: modelPath, openingModel: opening, closingModel: closing, conversions: conversions,
                                      condition: try readCondition(try root.optional("condition"), values: values),
                                      users: try readUsers(try root.optional("users"), services: Set(closing.services.map(\.id)), values: values),
                                      valuation: valuation, valuationProvenance: valuationProvenance)
    }

    /// `condition:`, a list of indicators: `{id, name, ecosystem-type, unit, opening, closing, source, status, note,
    /// reference: {upper, lower, source, status, note}}`, every level in `unit`.
    static func readCondition(_ field: YAMLField?, values: ValueReader) throws -> [ConditionIndicator] {
        var seen = Set<String>()
        return try field?.sequence().map { entry in
            try entry.allowOnly(["id", "name", "ecosystem-type", "unit", "opening", "closing", "source", "year", "status", "note", "reference"])
            let idField = try entry.required("id")
            let id = try idField.string()
            guard seen.insert(id).inserted else { throw idField.error("indicator \(id) is listed twice") }
            let unitField = try entry.required("unit")
            let unitText = try unitField.string(allowEmpty: true)
            guard let unit = AnyUnit(unitText) else { throw unitField.error("unknown unit \"\(unitText)\"") }
            let reference = try entry.required("reference")
            try reference.allowOnly(["upper", "lower", "source", "year", "status", "note"])
            do {
                return try ConditionIndicator(
                    id: id, name: try entry.required("name").string(), ecosystemType: try AccountsFileParts.ecosystemType(try entry.required("ecosystem-type")),
                    unit: unit, upperReference: try reference.required("upper").double(), lowerReference: try reference.required("lower").double(),
                    opening: try entry.required("opening").double(), closing: try entry.required("closing").double(),
                    provenance: [try values.provenance(entry), try values.provenance(reference)])
            } catch let error as AccountsError {
                throw entry.error(String(describing: error))
            }
        } ?? []
    }

    /// `users:`, by service id: `{households: 10, industry: 20, government: 0, rest-of-world: 70, unit: "%", source, status, note}`.
    static func readUsers(_ field: YAMLField?, services: Set<ServiceID>, values: ValueReader) throws -> [ServiceUsers] {
        let sectorKeys = Set(UserSector.allCases.map(\.rawValue))
        return try field?.mapping().map { key, entry in
            guard services.contains(ServiceID(key)) else {
                throw entry.error("the model does not run \(key); it runs \(services.map(\.rawValue).sorted().joined(separator: ", "))")
            }
            try entry.allowOnly(sectorKeys.union(["unit", "source", "year", "status", "note"]))
            let scale = try AccountsFileParts.fractionScale(try entry.required("unit"), of: "user shares")
            var shares: [UserSector: Double] = [:]
            for sector in UserSector.allCases {
                if let share = try entry.optional(sector.rawValue) { shares[sector] = try share.double() * scale }
            }
            do { return try ServiceUsers(service: ServiceID(key), shares: shares, provenance: try values.provenance(entry)) } catch let error as AccountsError {
                throw entry.error(String(describing: error))
            }
        } ?? []
    }
}
