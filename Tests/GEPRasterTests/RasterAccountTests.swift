import Foundation
import GEPCore
import GEPModelFiles
import GEPRaster
import GEPServices
import Testing

/// A small Genhe-like grid (larch, meadow, a river and a marsh; three zones; precipitation per zone) run per pixel
/// gives the account of the same zones run as a table, and refuses grids that do not fit.
@Suite("Raster accounts")
struct RasterAccountTests {
    static let width = 60, height = 45
    static let provenance = try! Provenance(source: "test fixture", status: .assumed, note: "generated grid")

    /// Class codes: 1 larch, 2 meadow, 3 river, 4 marsh; 0 is nodata (three corner pixels).
    static func landCover(x: Int, y: Int) -> Double {
        if x + y < 2 { return 0 }
        if (25...27).contains(x) { return 3 }
        if y > 35 && x > 40 { return 4 }
        return (x * 7 + y * 3) % 10 < 7 ? 1 : 2
    }

    /// Zones 1–3 in vertical strips; the bottom row is outside the region (0).
    static func zone(x: Int, y: Int) -> Double { y == height - 1 ? 0 : Double(1 + x / 20) }

    /// Precipitation is uniform within a zone, with one nodata pixel (−1) at (10, 10).
    static func precipitation(x: Int, y: Int) -> Double { x == 10 && y == 10 ? -1 : 480 + 20 * Double(x / 20) }

    struct Fixture {
        let folder: URL
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    }

    static func fixture(precipitationGrid: RasterGrid? = nil, precipitationNoData: Double? = -1) throws -> Fixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-raster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let grid = RasterGrid(width: width, height: height, geoTransform: [500_000, 30, 0, 5_600_000, 0, -30],
                              projection: try RasterGrid.projection(epsg: 32651))
        func write(_ name: String, _ grid: RasterGrid, noData: Double?, _ value: (Int, Int) -> Double) throws {
            var options = RasterDataset.GeoTIFFOptions(noData: noData, unit: "")
            options.tileSize = 16  // 4 × 3 blocks, the last column and row clipped
            let dataset = try RasterDataset.createGeoTIFF(folder.appendingPathComponent(name).path, grid: grid, options: options)
            let values = (0..<grid.height).flatMap { y in (0..<grid.width).map { x in value(x, y) } }
            try dataset.band(1).write(values, to: .init(x: 0, y: 0, width: grid.width, height: grid.height))
        }
        try write("landcover.tif", grid, noData: 0, landCover)
        try write("zones.tif", grid, noData: 0, zone)
        try write("precipitation.tif", precipitationGrid ?? grid, noData: precipitationNoData) { x, y in
            x < (precipitationGrid ?? grid).width ? precipitation(x: x, y: y) : 500
        }
        return Fixture(folder: folder)
    }

    static let services: [RegionModel.ServiceChoice] = [.init("water-conservation"), .init("soil-retention"),
                                                         .init("flood-regulation"), .init("carbon-sink", method: "nep")]
    static let types: [Int: EcosystemType] = [1: .deciduousNeedleleafForest, 2: .meadow, 3: .river, 4: .marsh]
    static let classInputs: [EcosystemType: (et: Double, nep: Double, cover: Double)] = [
        .deciduousNeedleleafForest: (300, 2, 0.006), .meadow: (320, 0.5, 0.04), .river: (700, 0, 0), .marsh: (420, 1, 0.01),
    ]

    static func single(_ key: String, _ value: Double, _ unit: String) -> Input {
        Input(key, .single(Measure(value, unit)), provenance: provenance)
    }

    static let regionInputs = Inputs([
        single("precipitation", 500, "mm"), single("runoff-coefficient", 10, "%"), single("rainfall-erosivity", 1000, "MJ·mm/(ha·h·a)"),
        single("soil-erodibility", 0.03, "t·ha·h/(ha·MJ·mm)"), single("slope-length-steepness", 2, ""), single("support-practice", 1, ""),
        single("sediment-deposition-ratio", 0.24, ""), single("soil-bulk-density", 1.2, "t/m³"), single("soil-nitrogen-content", 0.1, "%"),
        single("soil-phosphorus-content", 0.05, "%"), single("marsh-retention-depth", 0.3, "m"),
    ])

    static let prices = PriceBook(name: "test", prices: [
        Price("reservoir-construction-cost", 7.06, per: "m³", priceYear: 2010, provenance: provenance),
        Price("dredging-cost", 12.6, per: "m³", priceYear: 2010, provenance: provenance),
        Price("nitrogen-removal-cost", 1500, per: "t", priceYear: 2010, provenance: provenance),
        Price("phosphorus-removal-cost", 1500, per: "t", priceYear: 2010, provenance: provenance),
        Price("carbon-price", 55.3, per: "t", priceYear: 2010, provenance: provenance),
    ])

    static let zones = [RasterModel.Zone(code: 1, id: "west", name: "West"), .init(code: 2, id: "middle", name: "Middle"),
                        .init(code: 3, id: "east", name: "East")]

    static func rasterModel(_ fixture: Fixture) -> RasterModel {
        RasterModel(
            regionID: "fixture", regionName: "Fixture", year: 2022, reportYear: 2010, services: services, regionInputs: regionInputs,
            prices: prices, deflator: nil, landCover: .init(path: fixture.path("landcover.tif"), provenance: provenance),
            classes: types.sorted { $0.key < $1.key }.map { code, type in
                let parameters = classInputs[type]!
                return RasterModel.LandCoverClass(code: code, type: type, inputs: Inputs([
                    single("evapotranspiration", parameters.et, "mm"), single("nep", parameters.nep, "t/ha"),
                    single("cover-management", parameters.cover, ""),
                ]))
            },
            zoneLayer: .init(path: fixture.path("zones.tif"), provenance: provenance), zones: zones,
            grids: [.init(key: "precipitation", layer: .init(path: fixture.path("precipitation.tif"), provenance: provenance), unit: "mm")])
    }

    /// The same zones as a table: each zone's area by type is its pixel count × 900 m² (pixels with a class, a zone
    /// and a precipitation), its precipitation the zone's value, and each class's parameters a by-type input.
    static func tableModel() throws -> RegionModel {
        var counts = [[EcosystemType: Int]](repeating: [:], count: 3)
        for y in 0..<height {
            for x in 0..<width where landCover(x: x, y: y) != 0 && zone(x: x, y: y) != 0 && precipitation(x: x, y: y) != -1 {
                counts[Int(zone(x: x, y: y)) - 1][types[Int(landCover(x: x, y: y))]!, default: 0] += 1
            }
        }
        let units = try zones.enumerated().map { z, zone in
            try AccountingUnit(id: zone.id, name: zone.name, ecosystemAreas: counts[z].mapValues { Quantity(Double($0) * 900, .squareMetre) })
        }
        func byType(_ key: String, _ unit: String, _ value: ((et: Double, nep: Double, cover: Double)) -> Double) -> Input {
            Input(key, .byEcosystemType(classInputs.mapValues { Measure(value($0), unit) }), provenance: provenance)
        }
        var inputs = regionInputs
        inputs.set(byType("evapotranspiration", "mm", \.et))
        inputs.set(byType("nep", "t/ha", \.nep))
        inputs.set(byType("cover-management", "", \.cover))
        return RegionModel(region: try Region(id: "fixture", name: "Fixture", units: units), year: 2022, reportYear: 2010, services: services,
                           regionInputs: inputs,
                           unitInputs: Dictionary(uniqueKeysWithValues: zones.enumerated().map { z, zone in
                               (zone.id, Inputs([single("precipitation", 480 + 20 * Double(z), "mm")]))
                           }),
                           prices: prices, deflator: nil)
    }

    @Test("uniform zones: the raster account equals the table account to 1e-9, and per-pixel rasters are written")
    func sameAsTable() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let out = fixture.path("out")
        let raster = try Self.rasterModel(fixture).run(with: BuiltInServices.registry(), outputDirectory: out)
        let table = try Self.tableModel().run(with: BuiltInServices.registry())
        #expect(raster.skippedPixels == 1)
        #expect(raster.run.account.lines == table.account.lines)
        #expect(raster.run.account.units == ["west", "middle", "east"])
        for l in table.account.lines.indices {
            for u in 0..<3 {
                let a = raster.run.account.physical[u, l], b = table.account.physical[u, l]
                #expect(abs(a - b) <= 1e-9 * max(abs(b), 1e-300), "\(table.account.lines[l].line) in \(u): \(a) vs \(b)")
            }
        }
        for u in 0..<3 {
            let a = raster.run.account.gepByUnit[u], b = table.account.gepByUnit[u]
            #expect(abs(a - b) <= 1e-9 * abs(b))
        }
        #expect(raster.run.model.region.units.map(\.totalArea) == table.model.region.units.map(\.totalArea))
        // The river's ET above P − R warns on every river pixel, summarised once per zone.
        let riverWarnings = raster.run.warnings.filter { $0.message.contains("river") }
        #expect(riverWarnings.map(\.unit) == ["middle"] && riverWarnings[0].message.hasPrefix("\(3 * 44) pixels; the first: river: ET 700 mm"))

        #expect(raster.outputs.map { ($0 as NSString).lastPathComponent } == ["water-conservation.tif", "soil-retention.tif",
                                                                               "flood-regulation.tif", "carbon-sink.tif"])
        let water = try RasterDataset.open(raster.outputs[0])
        let waterBand = try water.band(1)
        #expect(water.metadata("GEPKIT_METHOD") == "water-balance" && waterBand.unit == "m³/ha")
        var values: [Double] = []
        try waterBand.read(.init(x: 30, y: 5, width: 1, height: 1), into: &values)
        // Zone 2 (x 20–39) gets 500 mm; (30, 5) is larch or meadow: per ha, 10⁴ m² × (0.5 × 0.9 − ET) m.
        let et = Self.landCover(x: 30, y: 5) == 1 ? 0.300 : 0.320
        expectClose(values[0], 1e4 * (0.45 - et))
        try waterBand.read(.init(x: 0, y: 0, width: 1, height: 1), into: &values)
        #expect(values[0] == -9999, "outside the land cover")
        let staged = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        #expect(staged.isEmpty, "the staging folder is removed")
    }

    func expectClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(a - b) <= tolerance * abs(b), "\(a) vs \(b)", sourceLocation: sourceLocation)
    }

    @Test("a misaligned grid, a missing nodata value, a class without a lookup row and an unknown zone: one message each, no output")
    func refusals() throws {
        let shifted = RasterGrid(width: Self.width - 1, height: Self.height, geoTransform: [500_000, 30, 0, 5_600_000, 0, -30],
                                 projection: try RasterGrid.projection(epsg: 32651))
        let cases: [(Fixture, (RasterModel) -> RasterModel, String, String)] = [
            (try Self.fixture(precipitationGrid: shifted), { $0 }, "precipitation.tif", "59×45 pixels; expected 60×45"),
            (try Self.fixture(precipitationNoData: nil), { $0 }, "precipitation.tif", "declares no nodata value"),
            (try Self.fixture(), { model in Self.replacing(model, classes: model.classes.filter { $0.code != 4 }) }, "landcover.tif",
             "class 4 at column 41, row 36 has no row in the lookup table; expected one of 1, 2, 3"),
            (try Self.fixture(), { model in Self.replacing(model, zones: Array(model.zones.prefix(2))) }, "zones.tif",
             "zone code 3 at column 40, row 0 names no zone"),
        ]
        for (fixture, change, file, expected) in cases {
            defer { try? FileManager.default.removeItem(at: fixture.folder) }
            let out = fixture.path("out")
            let error = #expect(throws: RasterError.self) {
                try change(Self.rasterModel(fixture)).run(with: BuiltInServices.registry(), outputDirectory: out)
            }
            #expect(error?.path == fixture.path(file) && error?.message.contains(expected) == true, "\(String(describing: error))")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty, "no output for \(expected)")
        }
    }

    @Test("a land-cover pixel that is not a number is refused with the pixel named, not trapped")
    func notANumberClass() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let grid = try RasterDataset.open(fixture.path("landcover.tif")).grid()
        do {
            let cover = try RasterDataset.createGeoTIFF(fixture.path("landcover.tif"), grid: grid, options: .init(noData: 0, unit: ""))
            let values = (0..<Self.height).flatMap { y in (0..<Self.width).map { x in x == 7 && y == 3 ? .nan : Self.landCover(x: x, y: y) } }
            try cover.band(1).write(values, to: .init(x: 0, y: 0, width: Self.width, height: Self.height))
        }
        let error = #expect(throws: RasterError.self) { try Self.rasterModel(fixture).run(with: BuiltInServices.registry()) }
        #expect(error?.message.hasPrefix("class nan at column 7, row 3 has no row in the lookup table") == true, "\(String(describing: error))")
    }

    @Test("one and two threads write the same account and the same rasters, bit for bit")
    func threadsAgree() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let one = try Self.rasterModel(fixture).run(with: BuiltInServices.registry(), outputDirectory: fixture.path("one"), threads: 1)
        let two = try Self.rasterModel(fixture).run(with: BuiltInServices.registry(), outputDirectory: fixture.path("two"), threads: 2)
        #expect(one.run.account.physical == two.run.account.physical && one.run.account.gepByUnit == two.run.account.gepByUnit)
        #expect(one.run.warnings == two.run.warnings && one.skippedPixels == two.skippedPixels)
        #expect(try RasterDataset.open(fixture.path("landcover.tif")).band(1).blocks().count == 12, "several blocks to share out")
        for (a, b) in zip(one.outputs, two.outputs) {
            var first: [Double] = [], second: [Double] = []
            let window = RasterBand.Window(x: 0, y: 0, width: Self.width, height: Self.height)
            try RasterDataset.open(a).band(1).read(window, into: &first)
            try RasterDataset.open(b).band(1).read(window, into: &second)
            #expect(first == second, "\(a)")
        }
        #expect(throws: RasterError.self) { try Self.rasterModel(fixture).run(with: BuiltInServices.registry(), threads: 0) }
    }

    /// A declarative service (the bundled water balance written as formulas) runs per pixel with no raster code of
    /// its own, unit by unit inside each pixel batch, and agrees with the built-in module on every zone.
    @Test("a declarative service runs per pixel and matches the built-in water balance")
    func declarativeServicePerPixel() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let formula = try DeclarativeServiceFile.read(root.appendingPathComponent("models/services/water-conservation-formula.yaml").path)
        let base = Self.rasterModel(fixture)
        let model = RasterModel(regionID: base.regionID, regionName: base.regionName, year: base.year, reportYear: base.reportYear,
                                services: [.init("water-conservation"), .init("water-conservation-formula", includedInTotal: false)],
                                regionInputs: base.regionInputs, prices: base.prices, deflator: nil, extraServices: [formula],
                                landCover: base.landCover, classes: base.classes, zoneLayer: base.zoneLayer, zones: base.zones, grids: base.grids)
        let run = try model.run(with: BuiltInServices.registry()).run
        #expect(!(formula is any BatchAssessable))
        for zone in 0..<3 {
            expectClose(run.services[1].physical[zone], run.services[0].physical[zone], 1e-12)
        }
    }

    /// An output folder where a service's GeoTIFF would replace an input raster is refused, and the input kept.
    @Test("outputs never replace the run's own rasters")
    func outputsSpareInputs() throws {
        let fixture = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let cover = fixture.path("water-conservation.tif")
        try FileManager.default.moveItem(atPath: fixture.path("landcover.tif"), toPath: cover)
        let base = Self.rasterModel(fixture)
        let model = Self.replacing(base, landCover: .init(path: cover, provenance: Self.provenance))
        let before = try Data(contentsOf: URL(fileURLWithPath: cover))
        let error = #expect(throws: RasterError.self) { try model.run(with: BuiltInServices.registry(), outputDirectory: fixture.folder.path) }
        #expect(error?.message.contains("would replace \(cover), an input of this run") == true, "\(String(describing: error))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cover)) == before)
    }

    static func replacing(_ model: RasterModel, landCover: RasterModel.Layer? = nil, classes: [RasterModel.LandCoverClass]? = nil,
                          zones: [RasterModel.Zone]? = nil) -> RasterModel {
        RasterModel(regionID: model.regionID, regionName: model.regionName, year: model.year, reportYear: model.reportYear,
                    services: model.services, regionInputs: model.regionInputs, prices: model.prices, deflator: model.deflator,
                    landCover: landCover ?? model.landCover, classes: classes ?? model.classes, zoneLayer: model.zoneLayer,
                    zones: zones ?? model.zones, grids: model.grids)
    }
}
