import GEPCore

/// Flood regulation (洪水调蓄): the flood water that lakes, reservoirs and marshes can hold, valued at what the
/// same reservoir storage would cost to build.
///
/// The formula, its variables and sources are documented once, on ``FloodRegulationKernel``. Inputs for a water
/// body are needed only when the unit has that water body (``Presence/requiredWhen(_:)``).
///
/// Double counting: the guideline reports flood regulation beside water conservation; where a model's rule
/// forbids summing them, leave this service out of the total with `Account(excludedFromTotal:)`.
public struct FloodRegulation: EcosystemService {
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

    public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
        let lakeArea = unit.area(of: .lake)
        var lake = Quantity<Volume>.zero
        if lakeArea.baseValue > 0 {
            lake = FloodRegulationKernel.lakeStorage(area: lakeArea, coefficient: try inputs.ratio(Keys.lakeStorageCoefficient),
                                                     exponent: try inputs.ratio(Keys.lakeStorageExponent),
                                                     turnover: try inputs.ratio(Keys.lakeTurnover))
        }
        var reservoir = Quantity<Volume>.zero
        if unit.area(of: .reservoir).baseValue > 0 || inputs.has(Keys.reservoirTotalStorage) {
            reservoir = FloodRegulationKernel.reservoirStorage(totalStorage: try inputs.quantity(Keys.reservoirTotalStorage),
                                                               floodShare: try inputs.ratio(Keys.reservoirFloodShare))
        }
        var marsh = Quantity<Volume>.zero
        if unit.area(of: .marsh).baseValue > 0 {
            marsh = FloodRegulationKernel.marshStorage(retentionDepth: try inputs.quantity(Keys.marshRetentionDepth),
                                                       area: unit.area(of: .marsh))
        }
        let priceKey = WaterConservation.Keys.reservoirConstructionCost
        let price = try prices.unitPrice(priceKey)
        let lines = [("lake-storage", "lake flood storage", lake), ("reservoir-storage", "reservoir flood storage", reservoir),
                     ("marsh-storage", "marsh flood storage", marsh)].map { id, label, volume in
            ValuedLine(id: id, label: label, quantity: volume, price: price, priceKey: priceKey.name)
        }
        let total = lake + reservoir + marsh
        let byType = [EcosystemType.lake: lake, .reservoir: reservoir, .marsh: marsh].filter { $0.value.baseValue > 0 }
        return result(for: unit, method: method, physical: PhysicalAmount(total, in: .cubicMetre, byEcosystemType: byType),
                      lines: lines)
    }
}
