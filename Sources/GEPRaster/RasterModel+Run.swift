import Foundation
import GEPCore

/// What a raster run gives: the zones' account, the pixels left out, and the per-service rasters written.
public struct RasterAccount: Sendable {
    /// The account of the zones, as a table model's run gives it.
    public let run: AccountRun
    /// Pixels with a land-cover class and a zone that were left out because an input grid had no value there.
    public let skippedPixels: Int
    /// The GeoTIFFs written, one per service: its physical amount per hectare.
    public let outputs: [String]
}

extension RasterModel {
    /// Runs every service on every pixel, block by block at the land cover's natural block size, and sums the pixels
    /// into their zones. Pixels where the land cover or the zone raster has nodata are outside the region; a pixel
    /// where an input grid has nodata is skipped and counted.
    ///
    /// Everything is checked before any output: the grids share the land cover's size, geotransform and projection
    /// (no resampling is done), each declares a nodata value, every class met has a lookup row and every zone code a
    /// zone. Outputs are written to a temporary folder beside `outputDirectory` and moved in at the end, so a failed
    /// run leaves no partial file.
    ///
    /// - Parameter outputDirectory: where to write one GeoTIFF per service (physical amount per ha); nil for none.
    /// - Throws: ``RasterError`` for a file that cannot be read or does not fit, and the errors of the services and
    ///   the account (``InputError`` naming the pixel as "zone …, column …, row …").
    public func run(with registry: ServiceRegistry, outputDirectory: String? = nil) throws -> RasterAccount {
        var extended = registry
        for service in extraServices { try extended.register(service) }
        let modules = try services.map { try extended.service($0.id) }

        let cover = try RasterDataset.open(landCover.path)
        let grid = try cover.grid()
        let coverBand = try Self.band(cover, layer: landCover)
        let zoneSet = try RasterDataset.open(zoneLayer.path)
        try grid.requireAligned(try zoneSet.grid(), path: zoneLayer.path, reference: landCover.path)
        let zoneBand = try Self.band(zoneSet, layer: zoneLayer)
        let gridSets = try grids.map { input -> (RasterDataset, RasterBand) in
            let dataset = try RasterDataset.open(input.layer.path)
            try grid.requireAligned(try dataset.grid(), path: input.layer.path, reference: landCover.path)
            return (dataset, try Self.band(dataset, layer: input.layer))
        }
        let rowArea = try PixelArea.byRow(grid, path: landCover.path)
        let classOf = Dictionary(classes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let zoneOf = Dictionary(zones.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let blocks = coverBand.blocks()
        try checkCodes(blocks, coverBand, zoneBand, classOf: classOf, zoneOf: zoneOf)

        let staging = try outputDirectory.map { try Self.stagingFolder(for: $0) }
        defer { if let staging { try? FileManager.default.removeItem(atPath: staging) } }
        var outputs = try staging.map { folder in
            try zip(services, modules).map { choice, module in
                try RasterDataset.createGeoTIFF((folder as NSString).appendingPathComponent("\(choice.id).tif"), grid: grid, options: .init(
                    noData: Self.noData, unit: "\(module.physicalUnit)/ha",
                    metadata: ["GEPKIT_SERVICE": choice.id.rawValue, "GEPKIT_METHOD": try module.method(choice.method).id,
                               "GEPKIT_QUANTITY": "physical amount per hectare of pixel, \(module.physicalUnit)/ha"]))
            }
        } ?? []

        var zonal = ZonalAccount(services: services, modules: modules, zones: zones.count, reportYear: reportYear, deflator: deflator)
        var zoneAreas = [[EcosystemType: Double]](repeating: [:], count: zones.count)
        var skipped = 0
        var coverValues: [Double] = [], zoneValues: [Double] = []
        var gridValues = [[Double]](repeating: [], count: grids.count)
        let coverNoData = coverBand.noData, zoneNoData = zoneBand.noData
        for window in blocks {
            try coverBand.read(window, into: &coverValues)
            try zoneBand.read(window, into: &zoneValues)
            for (g, (_, band)) in gridSets.enumerated() { try band.read(window, into: &gridValues[g]) }
            var pixelsOf: [Int: [Int]] = [:]
            for i in 0..<window.pixelCount where coverValues[i] != coverNoData && zoneValues[i] != zoneNoData {
                if zip(gridValues, gridSets).contains(where: { $0[i] == $1.1.noData || !$0[i].isFinite }) {
                    skipped += 1
                    continue
                }
                pixelsOf[Int(coverValues[i]), default: []].append(i)
            }
            var perHectare = [[Double]](repeating: [Double](repeating: Self.noData, count: window.pixelCount), count: services.count)
            for code in pixelsOf.keys.sorted() {
                guard let pixels = pixelsOf[code], let landClass = classOf[code] else { continue }
                let areas = pixels.map { rowArea[window.y + $0 / window.width] }
                let zone = pixels.map { zoneOf[Int(zoneValues[$0])] ?? 0 }
                for (cell, z) in zone.enumerated() { zoneAreas[z][landClass.type, default: 0] += areas[cell] }
                let columns = Dictionary(uniqueKeysWithValues: grids.enumerated().map { g, input in
                    (input.key, CellColumn(input.key, values: pixels.map { gridValues[g][$0] }, unit: input.unit, provenance: input.layer.provenance))
                })
                let names = zones.map(\.id)
                let batch = try CellBatch(pixels: landClass.type, areas: areas, shared: regionInputs.merging(landClass.inputs), columns: columns) { cell in
                    let i = pixels[cell]
                    return "zone \(names[zone[cell]]), column \(window.x + i % window.width), row \(window.y + i / window.width)"
                }
                let outcomes = try zip(services, modules).map { choice, module in
                    try module.evaluate(batch, method: choice.method, prices: prices)
                }
                try zonal.add(outcomes, zone: zone)
                for (s, outcome) in outcomes.enumerated() {
                    for (cell, i) in pixels.enumerated() { perHectare[s][i] = Self.physical(outcome, cell: cell) / (areas[cell] / 1e4) }
                }
            }
            for (s, dataset) in outputs.enumerated() { try dataset.band(1).write(perHectare[s], to: window) }
        }
        for dataset in outputs { try dataset.flush() }
        let outputPaths = outputs.map(\.path)
        outputs = []  // closes the files before they are moved

        let units = try zones.enumerated().map { z, zone in
            try AccountingUnit(id: zone.id, name: zone.name, localName: zone.localName,
                               ecosystemAreas: zoneAreas[z].mapValues { Quantity(baseValue: $0) })
        }
        let model = RegionModel(
            region: try Region(id: regionID, name: regionName, localName: regionLocalName, units: units), year: year, reportYear: reportYear,
            services: services, regionInputs: regionInputs,
            areaProvenance: Dictionary(uniqueKeysWithValues: zones.map { ($0.id, landCover.provenance) }), facts: facts,
            prices: prices, deflator: deflator, extraServices: extraServices)
        let account = try zonal.run(model: model)
        let written = try outputDirectory.map { directory in try Self.publish(outputPaths, to: directory) } ?? []
        return RasterAccount(run: account, skippedPixels: skipped, outputs: written)
    }

    /// Written where a pixel is outside the region or was skipped.
    static let noData = -9999.0

    private static func band(_ dataset: RasterDataset, layer: Layer) throws -> RasterBand {
        let band = try dataset.band(1)
        guard band.noData != nil else {
            throw RasterError(path: layer.path, call: "GDALGetRasterNoDataValue",
                              message: "the raster declares no nodata value; expected one (set it with `gdal_edit.py -a_nodata VALUE`)")
        }
        return band
    }

    private static func physical(_ outcome: BatchOutcome, cell: Int) -> Double {
        switch outcome {
        case let .batch(result): return result.physical[cell]
        case let .perCell(results): return results[cell].physical.amount
        }
    }

    /// Every class code in the land cover has a lookup row and every zone code a zone, checked over the whole grid
    /// before anything is computed or written.
    private func checkCodes(_ blocks: [RasterBand.Window], _ coverBand: RasterBand, _ zoneBand: RasterBand,
                            classOf: [Int: LandCoverClass], zoneOf: [Int: Int]) throws {
        var coverValues: [Double] = [], zoneValues: [Double] = []
        for window in blocks {
            try coverBand.read(window, into: &coverValues)
            try zoneBand.read(window, into: &zoneValues)
            for i in 0..<window.pixelCount {
                let place = "column \(window.x + i % window.width), row \(window.y + i / window.width)"
                if coverValues[i] != coverBand.noData, classOf[Int(coverValues[i])] == nil || coverValues[i] != coverValues[i].rounded() {
                    throw RasterError(path: landCover.path, call: "lookup table",
                                      message: "class \(sixFigures(coverValues[i])) at \(place) has no row in the lookup table; expected one of \(classOf.keys.sorted().map(String.init).joined(separator: ", "))")
                }
                if zoneValues[i] != zoneBand.noData, zoneOf[Int(zoneValues[i])] == nil || zoneValues[i] != zoneValues[i].rounded() {
                    throw RasterError(path: zoneLayer.path, call: "zones",
                                      message: "zone code \(sixFigures(zoneValues[i])) at \(place) names no zone; expected one of \(zones.map { String($0.code) }.joined(separator: ", "))")
                }
            }
        }
    }

    private static func stagingFolder(for directory: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let staging = (directory as NSString).appendingPathComponent(".gep-raster-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            return staging
        } catch {
            throw RasterError(path: directory, call: "create folder", message: "cannot create the output folder: \(error.localizedDescription)")
        }
    }

    /// Moves the finished files from the staging folder into `directory`, replacing earlier runs' files.
    private static func publish(_ files: [String], to directory: String) throws -> [String] {
        try files.map { file in
            let target = (directory as NSString).appendingPathComponent((file as NSString).lastPathComponent)
            do {
                if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
                try FileManager.default.moveItem(atPath: file, toPath: target)
            } catch {
                throw RasterError(path: target, call: "move", message: "cannot write the output: \(error.localizedDescription)")
            }
            return target
        }
    }
}
