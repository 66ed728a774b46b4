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

    /// One unit's figures. Its services' values and amounts are kept as arrays beside service ids that every row of
    /// a report shares, not as two dictionaries a unit: a report of 10⁵ units built and read 2·10⁵ dictionaries.
    public struct UnitRow: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let localName: String?
        public let areaSquareKilometres: Double
        public let gepYuan: Double
        /// The services of `values`, and of `amounts`.
        let valueServices: [String], amountServices: [String]
        let values: [Double], amounts: [Double]

        public init(id: String, name: String, localName: String?, areaSquareKilometres: Double, gepYuan: Double,
                    serviceValuesYuan: [String: Double], physicalAmounts: [String: Double]) {
            let values = serviceValuesYuan.sorted { $0.key < $1.key }, amounts = physicalAmounts.sorted { $0.key < $1.key }
            self.init(id: id, name: name, localName: localName, areaSquareKilometres: areaSquareKilometres, gepYuan: gepYuan,
                      services: values.map(\.key), values: values.map(\.value), amountServices: amounts.map(\.key), amounts: amounts.map(\.value))
        }

        /// A row whose values and amounts follow `services` (and `amountServices`), arrays the rows of one report share.
        init(id: String, name: String, localName: String?, areaSquareKilometres: Double, gepYuan: Double,
             services: [String], values: [Double], amountServices: [String], amounts: [Double]) {
            self.id = id
            self.name = name
            self.localName = localName
            self.areaSquareKilometres = areaSquareKilometres
            self.gepYuan = gepYuan
            valueServices = services
            self.values = values
            self.amountServices = amountServices
            self.amounts = amounts
        }

        /// Each service's value in this unit, whether or not it counts towards GEP.
        public var serviceValuesYuan: [String: Double] { Dictionary(zip(valueServices, values), uniquingKeysWith: { first, _ in first }) }
        /// Each service's physical amount in this unit.
        public var physicalAmounts: [String: Double] { Dictionary(zip(amountServices, amounts), uniquingKeysWith: { first, _ in first }) }

        /// The value of `service` in this unit; nil for a service the row does not hold.
        public func valueYuan(of service: String) -> Double? { valueServices.firstIndex(of: service).map { values[$0] } }
        /// The physical amount of `service` in this unit; nil for a service the row does not hold.
        public func physicalAmount(of service: String) -> Double? { amountServices.firstIndex(of: service).map { amounts[$0] } }

        private enum CodingKeys: String, CodingKey {
            case id, name, localName, areaSquareKilometres, gepYuan, serviceValuesYuan, physicalAmounts
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
                      localName: try container.decodeIfPresent(String.self, forKey: .localName),
                      areaSquareKilometres: try container.decode(Double.self, forKey: .areaSquareKilometres),
                      gepYuan: try container.decode(Double.self, forKey: .gepYuan),
                      serviceValuesYuan: try container.decode([String: Double].self, forKey: .serviceValuesYuan),
                      physicalAmounts: try container.decode([String: Double].self, forKey: .physicalAmounts))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encodeIfPresent(localName, forKey: .localName)
            try container.encode(areaSquareKilometres, forKey: .areaSquareKilometres)
            try container.encode(gepYuan, forKey: .gepYuan)
            try container.encode(serviceValuesYuan, forKey: .serviceValuesYuan)
            try container.encode(physicalAmounts, forKey: .physicalAmounts)
        }

        /// Rows are equal when their figures are, whatever order their services are kept in.
        public static func == (lhs: UnitRow, rhs: UnitRow) -> Bool {
            lhs.id == rhs.id && lhs.name == rhs.name && lhs.localName == rhs.localName
                && lhs.areaSquareKilometres == rhs.areaSquareKilometres && lhs.gepYuan == rhs.gepYuan
                && lhs.serviceValuesYuan == rhs.serviceValuesYuan && lhs.physicalAmounts == rhs.physicalAmounts
        }
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
