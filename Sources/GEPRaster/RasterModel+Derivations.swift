import Foundation
import GEPCore

extension RasterModel {
    /// This model with its whole-grid derivations (LS from a DEM) computed into GeoTIFFs in `scratch` and read as
    /// ordinary input grids; pixel derivations are left to the blocks.
    ///
    /// Without ``basins`` each derivation runs once over the whole grid. With them it runs basin by basin (see
    /// ``deriveByBasin(_:_:_:rows:grid:)``), over the basins whose boxes meet `rows` only: a tile's rows (nil for
    /// all) get the values a single run gives them, bit for bit, while reading only the basins they touch.
    ///
    /// - Throws: ``RasterError`` for an operand that cannot be read or does not lie on the land cover's grid, a
    ///   geographic grid (whose pixels have no single size in metres), or a pixel the derivation refuses.
    func computingWholeGridDerivations(in scratch: String, grid: RasterGrid, rows: Range<Int>? = nil) throws -> RasterModel {
        let wholeGrid = derivedGrids.filter { $0.derivation.reach == .wholeGrid }
        guard !wholeGrid.isEmpty else { return self }
        let boxes = try basins.map { try BasinBoxes($0, grid: grid, reference: landCover.path) }
        let computed = try wholeGrid.map { derived -> Grid in
            guard !PixelArea.isGeographic(grid.projection) else {
                throw RasterError(path: landCover.path, call: derived.derivation.id,
                                  message: "\(derived.key) is derived from neighbouring pixels, which needs a projected grid in metres; reproject the inputs with `gdalwarp -t_srs EPSG:<a projected code>`")
            }
            let operands = try DerivedOperands(derived, grid: grid, reference: landCover.path)
            let (window, output): (RasterBand.Window, [Double])
            if let boxes {
                (window, output) = try deriveByBasin(derived, operands, boxes, rows: rows ?? 0..<grid.height, grid: grid)
            } else {
                window = RasterBand.Window(x: 0, y: 0, width: grid.width, height: grid.height)
                output = try derive(derived, operands, over: window, grid: grid)
            }
            let path = (scratch as NSString).appendingPathComponent("\(derived.key).tif")
            let dataset = try RasterDataset.createGeoTIFF(path, grid: grid, options: .init(
                noData: Self.noData, unit: derived.derivation.outputUnit,
                metadata: ["GEPKIT_DERIVATION": derived.derivation.id, "GEPKIT_FORMULA": derived.derivation.formula]))
            try dataset.band(1).write(output, to: window)
            try dataset.flush()
            return Grid(key: derived.key, layer: Layer(path: path, provenance: derived.provenance), unit: derived.derivation.outputUnit)
        }
        return replacing(grids: grids + computed, derivedGrids: derivedGrids.filter { $0.derivation.reach == .pixel })
    }

    /// A whole-grid derivation basin by basin, in code order: for each basin whose box meets `rows`, the operands
    /// over its box with every pixel of another basin (or of none) missing, so that the basin is derived as if it
    /// were the whole grid; its own pixels are kept. The result covers `rows` and those boxes, the grid's full
    /// width, with nodata where no basin gave a value. A basin's values depend on its box alone, so any `rows` give
    /// each pixel the same bits.
    private func deriveByBasin(_ derived: DerivedGrid, _ operands: DerivedOperands, _ boxes: BasinBoxes, rows: Range<Int>,
                               grid: RasterGrid) throws -> (RasterBand.Window, [Double]) {
        let chosen = boxes.byCode.filter { $0.value.y < rows.upperBound && $0.value.y + $0.value.height > rows.lowerBound }
            .sorted { $0.key < $1.key }
        let first = chosen.map(\.value.y).reduce(rows.lowerBound, min)
        let end = chosen.map { $0.value.y + $0.value.height }.reduce(rows.upperBound, max)
        let window = RasterBand.Window(x: 0, y: first, width: grid.width, height: end - first)
        var output = [Double](repeating: Self.noData, count: window.pixelCount)
        for (code, box) in chosen {
            var codes: [Double] = []
            try boxes.band.read(box, into: &codes)
            let basinValues = try derive(derived, operands, over: box, grid: grid, excluding: codes.map { $0 != Double(code) })
            for i in 0..<box.pixelCount where codes[i] == Double(code) {
                output[(box.y + i / box.width - first) * window.width + box.x + i % box.width] = basinValues[i]
            }
        }
        return (window, output)
    }

    /// The derivation over `window`, its operands read there, with the `excluded` pixels (other basins') treated
    /// like pixels without data: the grid's edge to the derivation, nodata in the result.
    private func derive(_ derived: DerivedGrid, _ operands: DerivedOperands, over window: RasterBand.Window, grid: RasterGrid,
                        excluding excluded: [Bool]? = nil) throws -> [Double] {
        var missing = excluded ?? [Bool](repeating: false, count: window.pixelCount)
        let values = try operands.read(window, missing: &missing)
        var output = try derive(derived, values, window: window, grid: grid, missing: missing)
        for i in output.indices where missing[i] { output[i] = Self.noData }
        return output
    }

    /// This model with its grids replaced: whole-grid derivations become the rasters the run computed for them.
    func replacing(grids: [Grid], derivedGrids: [DerivedGrid]) -> RasterModel {
        RasterModel(
            regionID: regionID, regionName: regionName, regionLocalName: regionLocalName, year: year, reportYear: reportYear,
            services: services, regionInputs: regionInputs, facts: facts, prices: prices, deflator: deflator,
            extraServices: extraServices, servicesNotRun: servicesNotRun, landCover: landCover, alternativeLandCover: alternativeLandCover,
            classes: classes,
            zoneLayer: zoneLayer, zonePolygons: zonePolygons, zones: zones, grids: grids, derivedGrids: derivedGrids, basins: basins)
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

/// The basin raster of a model, checked against the land cover's grid, and each basin's bounding box, found in one
/// pass block by block (memory per basin, not per pixel).
struct BasinBoxes {
    let band: RasterBand
    /// The smallest window holding every pixel of each basin code.
    let byCode: [Int: RasterBand.Window]

    /// - Throws: ``RasterError`` naming the file for a raster on another grid, without a nodata value, or with a
    ///   code that is not a whole number.
    init(_ layer: RasterModel.Layer, grid: RasterGrid, reference: String) throws {
        let dataset = try RasterDataset.open(layer.path)
        try grid.requireAligned(try dataset.grid(), path: layer.path, reference: reference)
        band = try BlockReaders.band(dataset, layer: layer)
        var bounds: [Int: (minX: Int, minY: Int, maxX: Int, maxY: Int)] = [:]
        var values: [Double] = []
        for window in band.blocks() {
            try band.read(window, into: &values)
            // Codes run in stretches along a row: a stretch's box is widened once.
            var i = 0
            while i < values.count {
                let value = values[i]
                var end = i + 1
                while end < values.count, values[end] == value, end % window.width != 0 { end += 1 }
                defer { i = end }
                guard value != band.noData else { continue }
                guard let code = Int(exactly: value) else {
                    throw RasterError(path: layer.path, call: "basins",
                                      message: "basin code \(sixFigures(value)) at column \(window.x + i % window.width), row \(window.y + i / window.width) is not a whole number; expected an integer code per basin")
                }
                let (x0, x1, y) = (window.x + i % window.width, window.x + (end - 1) % window.width, window.y + i / window.width)
                let old = bounds[code] ?? (x0, y, x1, y)
                bounds[code] = (min(old.minX, x0), min(old.minY, y), max(old.maxX, x1), max(old.maxY, y))
            }
        }
        byCode = bounds.mapValues { RasterBand.Window(x: $0.minX, y: $0.minY, width: $0.maxX - $0.minX + 1, height: $0.maxY - $0.minY + 1) }
    }
}
