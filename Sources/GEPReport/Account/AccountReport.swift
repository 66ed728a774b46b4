import GEPCore

/// Everything an account report shows, computed once from an ``AccountRun`` so that every format (table, CSV,
/// JSON, Markdown, HTML) prints the same numbers.
///
/// Money is in 元 at `reportYear` prices throughout.
public struct AccountReport: Sendable, Codable, Equatable {
    /// The version of this structure as JSON; bump it when a field changes meaning.
    public static let schema = "gepkit.account/1"

    public struct RegionInfo: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let localName: String?
        public let areaSquareKilometres: Double
    }

    public struct ServiceRow: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let localName: String
        public let category: String
        public let method: String
        public let includedInTotal: Bool
        /// The physical amount summed over units, in `physicalUnit`.
        public let physicalAmount: Double
        public let physicalUnit: String
        public let valueYuan: Double
        /// The priced lines, summed over units.
        public let lines: [LineRow]
    }

    public struct LineRow: Sendable, Codable, Equatable {
        public let id: String
        public let label: String
        public let quantity: Double
        public let unit: String
        public let priceKey: String
        /// 元 per `unit` at report-year prices.
        public let priceYuan: Double
        public let valueYuan: Double
    }

    public struct UnitRow: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let localName: String?
        public let areaSquareKilometres: Double
        public let gepYuan: Double
        /// Each service's value in this unit, in service order, whether or not it counts towards GEP.
        public let serviceValuesYuan: [String: Double]
        /// Each service's physical amount in this unit.
        public let physicalAmounts: [String: Double]
    }

    /// A service the account leaves out, with the model's reason.
    public struct OmittedRow: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let localName: String
        public let reason: String
    }

    public struct Warning: Sendable, Codable, Equatable {
        public let service: String
        public let unit: String
        public let message: String
    }

    public let schema: String
    public let region: RegionInfo
    public let year: Int
    public let reportYear: Int
    public let priceBook: String
    public let deflator: String?
    public let gepYuan: Double
    public let byCategoryYuan: [String: Double]
    /// Absent for a region of no area.
    public let gepPerSquareKilometreYuan: Double?
    public let gepPerCapitaYuan: Double?
    public let gepToGDP: Double?
    public let services: [ServiceRow]
    public let units: [UnitRow]
    public let provenance: [ProvenanceRow]
    public let warnings: [Warning]
    /// The services not run and why; when any is listed the account is partial, and every total says so.
    public let servicesNotRun: [OmittedRow]
    /// A raster run's quick-look map per service; absent for a table model.
    public var maps: [QuickLookMap]? = nil
}

/// One sourced number in a report: what it is, its value as written, and its provenance.
public struct ProvenanceRow: Sendable, Codable, Equatable {
    /// Where the number applies ("region", a unit id, "prices", "deflator"); absent where the item says it.
    public let scope: String?
    public let item: String
    public let value: String
    public let source: String
    public let year: Int?
    public let status: String
    public let note: String?

    public init(scope: String? = nil, item: String, value: String, provenance: Provenance) {
        self.scope = scope
        self.item = item
        self.value = value
        source = provenance.source
        year = provenance.year
        status = provenance.status.rawValue
        note = provenance.note
    }
}
