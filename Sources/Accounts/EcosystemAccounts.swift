import GEPCore

/// The SEEA ecosystem accounts of a region between two years: extent, condition, physical and monetary supply and use,
/// and the monetary asset account (SEEA Ecosystem Accounting, UN 2021, chapters 4, 5, 7 and 10).
///
/// Both years are full GEP accounts of the same region model: the closing year's at closing-year prices, the opening
/// year's at opening-year prices. Where the model gives each year its own areas (two land surveys), those are the two
/// extents, and listed conversions must explain every unit's change. Where both years have the same areas (one survey,
/// the closing year's), the opening extent is the closing extent less the listed conversions (see ``openingModel(_:closingModel:conversions:)``).
public struct EcosystemAccounts: Sendable {
    public let openingYear: Int
    public let closingYear: Int
    public let extent: ExtentAccount
    public let conversions: [LandConversion]
    public let condition: [ConditionIndicator]
    /// Supply (and the GEP account) of each year.
    public let opening: ServiceSupply
    public let closing: ServiceSupply
    /// The stated users of services, in the order given.
    public let users: [ServiceUsers]
    public let asset: AssetAccount

    /// - Parameters:
    ///   - openingModel: the region model read for the opening year.
    ///   - closingModel: the same model read for the closing year.
    ///   - conversions: the land converted between the two dates.
    /// - Throws: ``AccountsError`` for a conversion that does not fit the units, a user table of a service the model
    ///   does not run, or a valuation out of range; and any error of the two accounts.
    public init(openingModel: RegionModel, closingModel: RegionModel, conversions: [LandConversion],
                condition: [ConditionIndicator], users: [ServiceUsers], valuation: AssetValuation,
                registry: ServiceRegistry) throws {
        let openingModel = try Self.openingModel(openingModel, closingModel: closingModel, conversions: conversions)
        let run = { (model: RegionModel) in
            try ServiceSupply(model: model.with(region: model.region, reportYear: model.year), registry: registry)
        }
        opening = try run(openingModel)
        closing = try run(closingModel)
        let services = Set(closingModel.services.map(\.id))
        if let stray = users.first(where: { !services.contains($0.service) }) {
            throw AccountsError.invalidUserShares(service: stray.service.rawValue, detail: "the model does not run this service")
        }
        extent = try ExtentAccount(opening: openingModel.region.units, closing: closingModel.region.units, conversions: conversions)
        let areas = { (rows: [ExtentAccount.Row], pick: KeyPath<ExtentAccount.Row, Quantity<Area>>) in
            Dictionary(uniqueKeysWithValues: rows.map { ($0.type, $0[keyPath: pick]) })
        }
        asset = try AssetAccount(opening: opening, closing: closing, openingAreas: areas(extent.rows, \.opening),
                                 closingAreas: areas(extent.rows, \.closing), valuation: valuation)
        openingYear = openingModel.year
        closingYear = closingModel.year
        self.conversions = conversions
        self.condition = condition
        self.users = users
    }

    /// The opening year's model with the opening extent: as read when its areas differ from the closing year's, else
    /// the closing areas less `conversions`.
    ///
    /// - Throws: the errors of ``RegionModel/applying(_:reversed:)``.
    public static func openingModel(_ opening: RegionModel, closingModel closing: RegionModel, conversions: [LandConversion]) throws -> RegionModel {
        let sameExtent = opening.region.units.count == closing.region.units.count
            && zip(opening.region.units, closing.region.units).allSatisfy { $0.id == $1.id && $0.ecosystemAreas == $1.ecosystemAreas }
        return sameExtent ? try opening.applying(conversions, reversed: true) : opening
    }

    /// The use of each service's lines in the closing year by sector: the line's quantity times the sector's share,
    /// for the services with stated users; the others are left out (their use is not stated).
    public func use(of line: ServiceSupply.Line) -> [UserSector: Double]? {
        guard let users = users.first(where: { $0.service == line.column.service }) else { return nil }
        return users.shares.mapValues { $0 * line.quantity }
    }
}
