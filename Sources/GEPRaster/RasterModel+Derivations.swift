import Foundation
import GEPCore

extension RasterModel {
    /// This model with its whole-grid derivations (LS from a DEM) computed into GeoTIFFs in `scratch` and read as
    /// ordinary input grids; pixel derivations are left to the blocks.
    ///
    /// - Throws: ``RasterError`` for an operand that cannot be read or does not lie on the land cover's grid, a
    ///   geographic grid (whose pixels have no single size in metres), or a pixel the derivation refuses.
    func computingWholeGridDerivations(in scratch: String, grid: RasterGrid) throws -> RasterModel {
        let wholeGrid = derivedGrids.filter { $0.derivation.reach == .wholeGrid }
        guard !wholeGrid.isEmpty else { return self }
        let computed = try wholeGrid.map { derived -> Grid in
            guard !PixelArea.isGeographic(grid.projection) else {
                throw RasterError(path: landCover.path, call: derived.derivation.id,
                                  message: "\(derived.key) is derived from neighbouring pixels, which needs a projected grid in metres; reproject the inputs with `gdalwarp -t_srs EPSG:<a projected code>`")
            }
            let whole = RasterBand.Window(x: 0, y: 0, width: grid.width, height: grid.height)
            let operands = try DerivedOperands(derived, grid: grid, reference: landCover.path)
            var missing = [Bool](repeating: false, count: whole.pixelCount)
            let values = try operands.read(whole, missing: &missing)
            var output = try derive(derived, values, window: whole, grid: grid, missing: missing)
            for i in output.indices where missing[i] { output[i] = Self.noData }
            let path = (scratch as NSString).appendingPathComponent("\(derived.key).tif")
            let dataset = try RasterDataset.createGeoTIFF(path, grid: grid, options: .init(
                noData: Self.noData, unit: derived.derivation.outputUnit,
                metadata: ["GEPKIT_DERIVATION": derived.derivation.id, "GEPKIT_FORMULA": derived.derivation.formula]))
            try dataset.band(1).write(output, to: whole)
            try dataset.flush()
            return Grid(key: derived.key, layer: Layer(path: path, provenance: derived.provenance), unit: derived.derivation.outputUnit)
        }
        return replacing(grids: grids + computed, derivedGrids: derivedGrids.filter { $0.derivation.reach == .pixel })
    }

    /// This model with its grids replaced: whole-grid derivations become the rasters the run computed for them.
    func replacing(grids: [Grid], derivedGrids: [DerivedGrid]) -> RasterModel {
        RasterModel(
            regionID: regionID, regionName: regionName, regionLocalName: regionLocalName, year: year, reportYear: reportYear,
            services: services, regionInputs: regionInputs, facts: facts, prices: prices, deflator: deflator,
            extraServices: extraServices, servicesNotRun: servicesNotRun, landCover: landCover, alternativeLandCover: alternativeLandCover,
            classes: classes,
            zoneLayer: zoneLayer, zonePolygons: zonePolygons, zones: zones, grids: grids, derivedGrids: derivedGrids)
    }

    /// The derivation's values over `window`, with a refused pixel reported by its column and row.
    func derive(_ derived: DerivedGrid, _ operands: [[[Double]]], window: RasterBand.Window, grid: RasterGrid,
                missing: [Bool]) throws -> [Double] {
        let input = GridDerivationInput(operands: operands, width: window.width, height: window.height,
                                        pixelSize: (abs(grid.pixelSize.x), abs(grid.pixelSize.y)), year: year, missing: missing)
        let values: [Double]
        do {
            values = try derived.derivation.derive(input)
        } catch {
            let place = "column \(window.x + error.pixel % window.width), row \(window.y + error.pixel / window.width)"
            throw RasterError(path: landCover.path, call: derived.derivation.id,
                              message: "deriving \(derived.key) at \(place): \(error.rejection.input) is \(sixFigures(error.rejection.value)); expected \(error.rejection.expected)")
        }
        if let bad = values.indices.first(where: { !missing[$0] && !values[$0].isFinite }) {
            throw RasterError(path: landCover.path, call: derived.derivation.id,
                              message: "deriving \(derived.key) at column \(window.x + bad % window.width), row \(window.y + bad / window.width) gave \(values[bad]); expected a finite value")
        }
        return values
    }
}

/// A derived grid's operands opened for reading: each a band per period with the factor to the derivation's unit,
/// or one value per period for every pixel. One set per thread, like ``BlockReaders``.
struct DerivedOperands {
    enum Source {
        case bands([RasterBand], factor: Double)
        case values([Double])
    }

    let sources: [Source]

    /// - Throws: ``RasterError`` for an operand raster that cannot be opened, has no nodata value or lies on
    ///   another grid, or a unit the derivation cannot read.
    init(_ derived: RasterModel.DerivedGrid, grid: RasterGrid, reference: String) throws {
        sources = try zip(derived.derivation.operands, derived.operands).map { operand, given in
            guard let factor = given.factor(to: operand) else {
                throw RasterError(path: reference, call: derived.derivation.id,
                                  message: "\(derived.key): operand \(operand.name) is in \"\(given.unit)\"; expected \"\(operand.unit)\"")
            }
            switch given {
            case let .rasters(layers, _):
                return .bands(try layers.map { layer in
                    let dataset = try RasterDataset.open(layer.path)
                    try grid.requireAligned(try dataset.grid(), path: layer.path, reference: reference)
                    return try BlockReaders.band(dataset, layer: layer)
                }, factor: factor)
            case let .values(values, _):
                return .values(values.map { $0 * factor })
            }
        }
    }

    /// Each operand's values over `window`, per period, in the derivation's units; pixels where an operand
    /// raster has nodata (or a non-finite value) are marked in `missing`.
    func read(_ window: RasterBand.Window, missing: inout [Bool]) throws -> [[[Double]]] {
        try sources.map { source in
            switch source {
            case let .bands(bands, factor):
                return try bands.map { band in
                    var values: [Double] = []
                    try band.read(window, into: &values)
                    BlockReaders.markMissing(values, noData: band.noData, in: &missing)
                    if factor != 1 { values = values.map { $0 * factor } }
                    return values
                }
            case let .values(values):
                return values.map { [Double](repeating: $0, count: window.pixelCount) }
            }
        }
    }
}
