
/// A region model on a grid: land cover classified into ecosystem types by a lookup table, accounting units as a
/// zone raster, and inputs that may be rasters (one value per pixel) beside the region-wide ones. Run with
/// ``run(with:outputDirectory:)``; the zones' totals form the same ``AccountRun`` a table model gives, so every report,
/// uncertainty over prices and scheme comparison work on it unchanged.
public struct RasterModel: Sendable {
    /// A raster file and where it comes from.
    public struct Layer: Sendable {
        public let path: String
        public let provenance: Provenance

        public init(path: String, provenance: Provenance) {
            self.path = path
            self.provenance = provenance
        }
    }

    /// An input given per pixel: a raster whose values are in `unit`.
    public struct Grid: Sendable {
        public let key: String
        public let layer: Layer
        /// The unit of the pixel values as written ("mm", "t/ha"), declared in the model: rasters rarely say.
        public let unit: String

        public init(key: String, layer: Layer, unit: String) {
            self.key = key
            self.layer = layer
            self.unit = unit
        }
    }

    /// A row of the land-cover lookup table (InVEST's biophysical table): a class code, the ecosystem type it is,
    /// and parameters of that class (single values, overriding the region-wide inputs on its pixels).
    public struct LandCoverClass: Sendable {
        public let code: Int
        public let type: EcosystemType
        public let inputs: Inputs

        public init(code: Int, type: EcosystemType, inputs: Inputs = Inputs()) {
            self.code = code
            self.type = type
            self.inputs = inputs
        }
    }

    /// An input derived from other rasters before the services run (``GridDerivation``), with the operands the model
    /// file gave it: each a raster per period, or one value per period for the whole grid (a station's monthly series).
    public struct DerivedGrid: Sendable {
        /// One operand as given.
        public enum Operand: Sendable {
            /// A raster per period, each in `unit`.
            case rasters([Layer], unit: String)
            /// One value per period for every pixel, in `unit`.
            case values([Double], unit: String)

            /// The unit the operand is given in.
            public var unit: String {
                switch self {
                case let .rasters(_, unit), let .values(_, unit): unit
                }
            }

            /// How many periods it gives.
            public var periods: Int {
                switch self {
                case let .rasters(layers, _): layers.count
                case let .values(values, _): values.count
                }
            }

            /// The factor that converts its values into the unit `operand` reads: any unit of the same dimension
            /// when GEPKit knows the dimension, else exactly the operand's unit (°C, m/s); nil when the unit is neither.
            public func factor(to operand: GridOperand) -> Double? {
                if UnitCatalog.dimension(ofUnit: operand.unit) != nil { return try? UnitCatalog.conversionFactor(from: unit, to: operand.unit) }
                return UnitCatalog.normalise(unit) == UnitCatalog.normalise(operand.unit) ? 1 : nil
            }
        }

        public let derivation: any GridDerivation
        /// In the derivation's operand order.
        public let operands: [Operand]
        /// Where the operands come from (the model file's entry); the derived values inherit it.
        public let provenance: Provenance

        public init(derivation: any GridDerivation, operands: [Operand], provenance: Provenance) {
            self.derivation = derivation
            self.operands = operands
            self.provenance = provenance
        }

        /// The input the derivation gives.
        public var key: String { derivation.output }
    }

    /// Zones given as polygons (a GeoPackage or Shapefile of township boundaries) rather than as a raster: the
    /// layer to read (nil for the file's first) and the numeric attribute holding each polygon's zone code. The
    /// polygons are burnt onto the land cover's grid block by block as the run reads it.
    public struct ZonePolygons: Sendable {
        public let layer: String?
        public let field: String

        public init(layer: String? = nil, field: String) {
            self.layer = layer
            self.field = field
        }
    }

    /// An accounting unit: the pixels of the zone raster holding `code`.
    public struct Zone: Sendable {
        public let code: Int
        public let id: String
        public let name: String
        public let localName: String?

        public init(code: Int, id: String, name: String, localName: String? = nil) {
            self.code = code
            self.id = id
            self.name = name
            self.localName = localName
        }
    }

    public let regionID: String
    public let regionName: String
    public let regionLocalName: String?
    public let year: Int
    public let reportYear: Int
    public let services: [RegionModel.ServiceChoice]
    /// Inputs that apply to every pixel, unless its class or a grid gives its own.
    public let regionInputs: Inputs
    public let facts: Inputs
    public let prices: PriceBook
    public let deflator: Deflator?
    public let extraServices: [any EcosystemService]
    /// Services the account leaves out, and why (``RegionModel/servicesNotRun``).
    public let servicesNotRun: [RegionModel.OmittedService]
    public let landCover: Layer
    /// A second land-cover map on the same grid and with the same classes (InVEST's `lulc_alt_path`: a future or a
    /// scenario), through which services read inputs named `<key>-alternative` (``InputKey/alternative``): the
    /// value of the pixel's class in this map. Pixels where it has nodata are skipped.
    public let alternativeLandCover: Layer?
    public let classes: [LandCoverClass]
    /// The zone raster, or the vector file of ``zonePolygons``.
    public let zoneLayer: Layer
    /// Set when ``zoneLayer`` is a vector file.
    public let zonePolygons: ZonePolygons?
    public let zones: [Zone]
    public let grids: [Grid]
    public let derivedGrids: [DerivedGrid]
    /// Drainage basins: a raster of basin codes on the land cover's grid (nodata where there is none). When given,
    /// whole-grid derivations (LS from a DEM) run basin by basin, each basin's pixels alone with the rest as the
    /// grid's edge, so that a tile of the run needs only the basins its rows touch. Pixels in no basin then have no
    /// derived value and are skipped.
    public let basins: Layer?

    public init(regionID: String, regionName: String, regionLocalName: String? = nil, year: Int, reportYear: Int,
                services: [RegionModel.ServiceChoice], regionInputs: Inputs, facts: Inputs = Inputs(), prices: PriceBook,
                deflator: Deflator?, extraServices: [any EcosystemService] = [], servicesNotRun: [RegionModel.OmittedService] = [],
                landCover: Layer, alternativeLandCover: Layer? = nil,
                classes: [LandCoverClass],
                zoneLayer: Layer, zonePolygons: ZonePolygons? = nil, zones: [Zone], grids: [Grid], derivedGrids: [DerivedGrid] = [],
                basins: Layer? = nil) {
        self.regionID = regionID
        self.regionName = regionName
        self.regionLocalName = regionLocalName
        self.year = year
        self.reportYear = reportYear
        self.services = services
        self.regionInputs = regionInputs
        self.facts = facts
        self.prices = prices
        self.deflator = deflator
        self.extraServices = extraServices
        self.servicesNotRun = servicesNotRun
        self.landCover = landCover
        self.alternativeLandCover = alternativeLandCover
        self.classes = classes
        self.zoneLayer = zoneLayer
        self.zonePolygons = zonePolygons
        self.zones = zones
        self.grids = grids
        self.derivedGrids = derivedGrids
        self.basins = basins
    }

    /// Every raster or vector file the model reads, in model order: land cover, zones, the alternative land cover,
    /// basins, input grids and the rasters of derived grids' operands.
    public var layers: [Layer] {
        var layers = [landCover, zoneLayer] + [alternativeLandCover, basins].compactMap { $0 } + grids.map(\.layer)
        for derived in derivedGrids {
            for case let .rasters(periods, _) in derived.operands { layers += periods }
        }
        return layers
    }
}
