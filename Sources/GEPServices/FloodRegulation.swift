import GEPCore

/// Flood regulation (洪水调蓄): the flood water that lakes, reservoirs and marshes can hold, valued at what the
/// same reservoir storage would cost to build.
///
/// The formula, its variables and sources are documented once, on ``FloodRegulationKernel``. Inputs for a water
/// body are needed only when the unit has that water body (``Presence/requiredWhen(_:)``).
///
/// Double counting: the guideline reports flood regulation beside water conservation; where a model's rule
/// forbids summing them, leave this service out of the total with `Account(excludedFromTotal:)`.
public struct FloodRegulation: BatchAssessable {
    /// The inputs, each named once with its dimension; the price is water conservation's.
    public enum Keys {
        public static let lakeStorageCoefficient = InputKey<Ratio>("lake-storage-coefficient")
        public static let lakeStorageExponent = InputKey<Ratio>("lake-storage-exponent")
        public static let lakeTurnover = InputKey<Ratio>("lake-turnover")
        public static let reservoirTotalStorage = InputKey<Volume>("reservoir-total-storage")
        public static let reservoirFloodShare = InputKey<Ratio>("reservoir-flood-share")
        public static let marshRetentionDepth = InputKey<Length>("marsh-retention-depth")
    }

    public enum Method: String, CaseIterable, Sendable {
        case storageCapacity = "storage-capacity"
    }

    public let id: ServiceID = "flood-regulation"
    public let name = "flood regulation"
    public let localName = "洪水调蓄"
    public let category = ServiceCategory.regulating
    public let physicalUnit = "m³"
    public let methods: [ServiceMethod]

    public init() {
        let withLake = Presence.requiredWhen(.hasArea(of: [.lake]))
        let withReservoir = Presence.Condition.hasArea(of: [.reservoir])
        let withMarsh = Presence.requiredWhen(.hasArea(of: [.marsh]))
        methods = [ServiceMethod(
            id: Method.storageCapacity.rawValue,
            formula: FloodRegulationKernel.formula,
            source: "GEP technical guideline (2020), flood regulation; Garzê (生态学报 2017, 37(19)) §2.4.4; 饶恩明 et al., 生态学报 2014, 34(21)",
            inputs: [
                InputRequirement(Keys.lakeStorageCoefficient, "lake model coefficient a (ln of 10⁴ m³)", domain: .any, presence: withLake),
                InputRequirement(Keys.lakeStorageExponent, "lake model exponent b on area in km²", domain: .positive, presence: withLake),
                InputRequirement(Keys.lakeTurnover, "lake water turnover T (times per year)", presence: withLake),
                InputRequirement(Keys.reservoirTotalStorage, "total reservoir storage C_t", presence: .requiredWhen(withReservoir)),
                InputRequirement(Keys.reservoirFloodShare, "flood-control share of reservoir storage f", domain: .fraction,
                                 presence: .requiredWhen(.either(withReservoir, .given(Keys.reservoirTotalStorage.name)))),
                InputRequirement(Keys.marshRetentionDepth, "surface-retention depth of marshes h (m)", presence: withMarsh),
            ],
            prices: [PriceRequirement(WaterConservation.Keys.reservoirConstructionCost, "reservoir construction cost per m³ of storage")]
        )]
    }

    public func assess(_ batch: CellBatch, method: ServiceMethod, inputs: BatchReader, prices: PriceBook) throws -> BatchResult {
        let storages: [(type: EcosystemType, applies: Bool)] = [
            (.lake, batch.has(.lake)), (.reservoir, batch.has(.reservoir) || inputs.has(Keys.reservoirTotalStorage)), (.marsh, batch.has(.marsh)),
        ]
        var storage = BatchBreakdown<Volume>(cells: batch.count, types: storages.filter(\.applies).map(\.type))
        for (column, type) in storage.types.enumerated() {
            switch type {
            case .lake:
                let coefficient = try inputs.ratios(Keys.lakeStorageCoefficient), exponent = try inputs.ratios(Keys.lakeStorageExponent)
                let turnover = try inputs.ratios(Keys.lakeTurnover)
                let t = batch.types.firstIndex(of: .lake) ?? 0
                for cell in 0..<batch.count {
                    storage[cell, column] = FloodRegulationKernel.lakeStorage(area: batch.area(cell: cell, type: t), coefficient: coefficient[cell],
                                                                              exponent: exponent[cell], turnover: turnover[cell])
                }
            case .reservoir:
                let totalStorage = try inputs.column(Keys.reservoirTotalStorage), floodShare = try inputs.ratios(Keys.reservoirFloodShare)
                for cell in 0..<batch.count {
                    storage[cell, column] = FloodRegulationKernel.reservoirStorage(totalStorage: totalStorage[cell], floodShare: floodShare[cell])
                }
            case .marsh:
                let depth = try inputs.column(Keys.marshRetentionDepth)
                let t = batch.types.firstIndex(of: .marsh) ?? 0
                for cell in 0..<batch.count {
                    storage[cell, column] = FloodRegulationKernel.marshStorage(retentionDepth: depth[cell], area: batch.area(cell: cell, type: t))
                }
            default:
                break  // only the three storages above are in `storage.types`
            }
        }
        let priceKey = WaterConservation.Keys.reservoirConstructionCost
        let price = try prices.unitPrice(priceKey)
        let lines = [(EcosystemType.lake, "lake-storage", "lake flood storage"), (.reservoir, "reservoir-storage", "reservoir flood storage"),
                     (.marsh, "marsh-storage", "marsh flood storage")].map { type, id, label in
            let column = storage.types.firstIndex(of: type)
            let volumes = (0..<batch.count).map { cell in column.map { storage[cell, $0] } ?? .zero }
            // Each storage is its ecosystem type's, where the cells have that type's area (a reservoir's storage given
            // without its area is left unattributed), for the accounts that attribute value to types.
            var split = BatchBreakdown<Volume>(cells: batch.count, types: [type])
            for cell in 0..<batch.count { split[cell, 0] = volumes[cell] }
            return BatchLine(id: id, label: label, quantities: volumes, breakdown: batch.has(type) ? split : nil, price: price, priceKey: priceKey.name)
        }
        return BatchResult(physical: storage, in: .cubicMetre, lines: lines)
    }
}
