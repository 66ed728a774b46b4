import GEPCore

/// The economic sectors that use ecosystem services in the SEEA use table (SEEA Ecosystem Accounting, UN 2021,
/// §7.3): households, industries, government (collective consumption) and the rest of the world (users outside the
/// region: downstream water users, the global climate).
public enum UserSector: String, Sendable, CaseIterable, Codable {
    case households
    case industry
    case government
    case restOfWorld = "rest-of-world"

    public var localName: String {
        switch self {
        case .households: "住户"
        case .industry: "产业"
        case .government: "政府"
        case .restOfWorld: "区域外"
        }
    }
}

/// Who uses one service, as shares of its supply by sector, with the source of the shares.
public struct ServiceUsers: Sendable {
    public let service: ServiceID
    public let shares: [UserSector: Double]
    public let provenance: Provenance

    /// - Throws: ``AccountsError/invalidUserShares(service:detail:)`` for a share outside 0–1 or shares that do not
    ///   sum to 1 (to 10⁻⁶).
    public init(service: ServiceID, shares: [UserSector: Double], provenance: Provenance) throws {
        for (sector, share) in shares.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !(share >= 0 && share <= 1) {
            throw AccountsError.invalidUserShares(service: service.rawValue, detail: "the share of \(sector.rawValue) is \(share * 100) %; expected 0–100 %")
        }
        let sum = UserSector.allCases.reduce(0) { $0 + (shares[$1] ?? 0) }
        guard abs(sum - 1) <= 1e-6 else {
            throw AccountsError.invalidUserShares(service: service.rawValue, detail: "the shares sum to \(sum * 100) %; expected 100 %")
        }
        self.service = service
        self.shares = shares
        self.provenance = provenance
    }
}
