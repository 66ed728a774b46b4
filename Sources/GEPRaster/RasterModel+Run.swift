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
    /// Threads a run may use.
    public static let threadRange = 1...64

    /// Runs every service on every pixel, block by block at the land cover's natural block size, and sums the pixels
    /// into their zones. Pixels where the land cover or the zone raster has nodata are outside the region; a pixel
    /// where an input grid has nodata is skipped and counted.
    ///
    /// Zones given as polygons are checked first and burnt onto each block as it is read; whole-grid derivations (LS
    /// from a DEM) are computed into a scratch folder removed at the end; pixel derivations run in each block.
    ///
    /// Everything is checked before any output: the grids share the land cover's size, geotransform and projection
    /// (no resampling is done) and each declares a nodata value before any block runs; every class met has a lookup
    /// row and every zone code a zone, checked by each block before it computes. Outputs are written to a temporary
    /// folder beside `outputDirectory` and moved in at the end, so a failed run leaves no partial file.
    ///
    /// Blocks are computed `threads` at a time, each thread reading through its own GDAL datasets, and each block's
    /// sums are kept apart and merged in block order into exact sums (``ExactSum``), so any thread count, and tiles
    /// run apart and merged (``runTile(_:modelFile:fingerprint:with:outputDirectory:threads:)``), give the same bits.
    /// Memory is a few blocks per thread, whatever the raster's size.
    ///
    /// - Parameters:
    ///   - outputDirectory: where to write one GeoTIFF per service (physical amount per ha); nil for none.
    ///   - threads: blocks computed at once, in ``threadRange``.
    /// - Throws: ``RasterError`` for a file that cannot be read or does not fit, and the errors of the services and
    ///   the account (``InputError`` naming the pixel as "zone …, column …, row …").
    public func run(with registry: ServiceRegistry, outputDirectory: String? = nil, threads: Int = 1) throws -> RasterAccount {
        try requireThreads(threads)
        let modules = try modules(with: registry)
        let wholeGrid = derivedGrids.contains { $0.derivation.reach == .wholeGrid }
        guard zonePolygons != nil || wholeGrid else {
            return try runBlocks(modules: modules, outputDirectory: outputDirectory, threads: threads)
        }
        let grid = try RasterDataset.open(landCover.path).grid()
        try checkZonePolygons(grid: grid)
        guard wholeGrid else { return try runBlocks(modules: modules, outputDirectory: outputDirectory, threads: threads) }
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        return try computingWholeGridDerivations(in: scratch, grid: grid)
            .runBlocks(modules: modules, outputDirectory: outputDirectory, threads: threads)
    }

    /// The chosen services' modules, from `registry` with the model's own services added.
    ///
    /// - Throws: ``RegistryError`` for an unknown or doubly registered service.
    func modules(with registry: ServiceRegistry) throws -> [any EcosystemService] {
        let extended = try registry.adding(extraServices)
        return try services.map { try extended.service($0.id) }
    }

    /// - Throws: ``RasterError`` for a thread count outside ``threadRange``.
    func requireThreads(_ threads: Int) throws {
        guard Self.threadRange.contains(threads) else {
            throw RasterError(path: landCover.path, call: "threads", message: "--threads is \(threads); expected \(Self.threadRange.lowerBound) to \(Self.threadRange.upperBound)")
        }
    }

    /// ``run(with:outputDirectory:threads:)`` once every whole-grid derivation has become an input grid.
    private func runBlocks(modules: [any EcosystemService], outputDirectory: String?, threads: Int) throws -> RasterAccount {
        try sumBlocks(modules: modules, outputDirectory: outputDirectory, threads: threads, rows: nil) { totals, staged, _ in
            let account = try self.account(totals, modules: modules)
            let written = try outputDirectory.map { directory in try Self.publish(staged, to: directory) } ?? []
            return RasterAccount(run: account, skippedPixels: totals.skipped, outputs: written)
        }
    }

    /// The zones' account from the sums of every block.
    ///
    /// - Throws: the errors of ``AccountingUnit`` and of ``ZonalAccount/run(model:)``.
    func account(_ totals: BlockTotals, modules: [any EcosystemService]) throws -> AccountRun {
        let units = try zones.enumerated().map { z, zone in
            try AccountingUnit(id: zone.id, name: zone.name, localName: zone.localName,
                               ecosystemAreas: totals.zoneAreas[z].mapValues { Quantity(baseValue: $0.value) })
        }
        let model = RegionModel(
            region: try Region(id: regionID, name: regionName, localName: regionLocalName, units: units), year: year, reportYear: reportYear,
            services: services, regionInputs: regionInputs,
            areaProvenance: .shared(landCover.provenance), facts: facts,
            prices: prices, deflator: deflator, extraServices: extraServices, servicesNotRun: servicesNotRun)
        return try totals.zonal.run(model: model).with(maps: zip(services, modules).enumerated().map { s, pair in
            totals.maps.map(s, service: pair.0.id.rawValue, unit: Self.perHectareUnit(pair.1))
        })
    }

    /// Computes the blocks of `rows` (all of them when nil), writing each service's GeoTIFF over those rows into a
    /// staging folder, and hands their sums, the staged files and the staging folder (nil without `outputDirectory`)
    /// to `finish` before the staging folder is removed.
    func sumBlocks<T>(modules: [any EcosystemService], outputDirectory: String?, threads: Int, rows: Range<Int>?,
                      finish: (BlockTotals, _ staged: [String], _ staging: String?) throws -> T) throws -> T {
        let readers = try BlockReaders(self)
        let grid = readers.grid
        let rowArea = try PixelArea.byRow(grid, path: landCover.path)
        let zoneOf = Dictionary(zones.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = rows ?? 0..<grid.height
        let blocks = readers.cover.blocks().filter { rows.contains($0.y) }
        let outputGrid = grid.window(RasterBand.Window(x: 0, y: rows.lowerBound, width: grid.width, height: rows.count))

        if let outputDirectory { try requireOutputsSpareInputs(outputDirectory) }
        let staging = try outputDirectory.map { try Self.stagingFolder(for: $0) }
        defer { if let staging { try? FileManager.default.removeItem(atPath: staging) } }
        var outputs = try staging.map { folder in
            try zip(services, modules).map { choice, module -> RasterDataset in
                try RasterDataset.createGeoTIFF((folder as NSString).appendingPathComponent("\(choice.id).tif"), grid: outputGrid,
                                                options: try Self.outputOptions(choice, module, threads: threads))
            }
        } ?? []

        let context = try BlockContext(model: self, grid: grid, modules: modules, rowArea: rowArea, zoneOf: zoneOf)
        let merger = BlockMerger(BlockTotals(self, modules: modules, grid: grid), outputs: outputs, firstRow: rows.lowerBound)
        outputs = []
        let pool = ReaderPool(first: readers, model: self)
        // Each chunk is computed while the one before it is merged and written, so the threads do not wait for the writes.
        do {
            for chunk in stride(from: 0, to: blocks.count, by: threads * 4).map({ Array(blocks[$0..<min($0 + threads * 4, blocks.count)]) }) {
                let computed = try pool.compute(chunk, threads: threads, context: context)
                try merger.finish()
                merger.start(computed)
            }
            try merger.finish()
        } catch {
            _ = try? merger.finish()
            throw error
        }
        return try finish(merger.totals, try merger.closeOutputs(), staging)
    }

    /// The unit of a service's per-pixel output and quick-look map: its physical unit per hectare.
    static func perHectareUnit(_ module: any EcosystemService) -> String { "\(module.physicalUnit)/ha" }

    /// How a service's GeoTIFF is written: Float32, compressed, nodata set, its unit (the physical amount per hectare,
    /// as InVEST writes since 3.15) and the service, method and quantity in its metadata.
    static func outputOptions(_ choice: RegionModel.ServiceChoice, _ module: any EcosystemService, threads: Int) throws -> RasterDataset.GeoTIFFOptions {
        let unit = perHectareUnit(module)
        var options = RasterDataset.GeoTIFFOptions(
            noData: noData, unit: unit,
            metadata: ["GEPKIT_SERVICE": choice.id.rawValue, "GEPKIT_METHOD": try module.method(choice.method).id,
                       "GEPKIT_QUANTITY": "physical amount per hectare of pixel, \(unit)"])
        options.sampleType = .float32
        options.floatingPointPredictor = false  // 4× the file size (still 6× under raw), a fifth of the run time
        options.compressionThreads = threads
        return options
    }

    /// One block computed: its zones' sums, areas and skipped pixels, and each service's physical amount per ha.
    fileprivate struct BlockResult {
        let window: RasterBand.Window
        let zonal: ZonalAccount
        let zoneAreas: [[EcosystemType: ExactSum]]
        let skipped: Int
        let perHectare: [[Double]]
    }

    /// What every block needs besides its pixels.
    fileprivate struct BlockContext: Sendable {
        let model: RasterModel
        let grid: RasterGrid
        let modules: [any EcosystemService]
        let rowArea: [Double]
        /// The classes in code order, each class's position by code, and its inputs over the region-wide ones.
        let classes: [LandCoverClass]
        let classIndex: [Int: Int]
        let classInputs: [Inputs]
        let zoneOf: [Int: Int]
        /// The inputs read through the alternative land cover, each as a column of one value per class.
        let alternatives: [AlternativeColumn]

        /// An input `<key>-alternative`: the value of `key` of each class (by class position), in `unit`.
        struct AlternativeColumn: Sendable {
            let key: String
            let unit: String
            let byClass: [Double]
            let provenance: Provenance
        }

        init(model: RasterModel, grid: RasterGrid, modules: [any EcosystemService], rowArea: [Double], zoneOf: [Int: Int]) throws {
            self.model = model
            self.grid = grid
            self.modules = modules
            self.rowArea = rowArea
            classes = model.classes.sorted { $0.code < $1.code }
            classIndex = Dictionary(classes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
            classInputs = classes.map { model.regionInputs.merging($0.inputs) }
            self.zoneOf = zoneOf
            alternatives = try Self.alternativeColumns(model, modules: modules, classes: classes, classInputs: classInputs)
        }

        /// For every input a chosen service reads as `<key>-alternative`, each class's value of `key` (its own, or
        /// the region's for its type) in the unit the first class gives it in.
        private static func alternativeColumns(_ model: RasterModel, modules: [any EcosystemService], classes: [LandCoverClass],
                                               classInputs: [Inputs]) throws -> [AlternativeColumn] {
            guard let alternative = model.alternativeLandCover else { return [] }
            var keys: [String] = []
            for (choice, module) in zip(model.services, modules) {
                for requirement in try module.method(choice.method).inputs where !keys.contains(requirement.key) {
                    if AlternativeLandCover.baseKey(of: requirement.key) != nil { keys.append(requirement.key) }
                }
            }
            return try keys.map { key in
                let base = AlternativeLandCover.baseKey(of: key) ?? key
                var unit: String?, provenance: Provenance?
                let values = try zip(classes, classInputs).map { landClass, inputs -> Double in
                    let measure: Measure?
                    switch inputs[base]?.value {
                    case let .single(value)?: measure = value
                    case let .byEcosystemType(values)?: measure = values[landClass.type]
                    case nil: measure = nil
                    }
                    guard let measure else {
                        throw RasterError(path: alternative.path, call: "lookup table",
                                          message: "class \(landClass.code) has no \(base), which \(key) reads through the alternative land cover; expected it in the class table or for \(landClass.type.rawValue) under `inputs:`")
                    }
                    let target = unit ?? measure.unit
                    unit = target
                    provenance = provenance ?? inputs[base]?.provenance
                    do {
                        return measure.value * (try UnitCatalog.conversionFactor(from: measure.unit, to: target))
                    } catch {
                        throw RasterError(path: alternative.path, call: "lookup table",
                                          message: "\(base) of class \(landClass.code) is in \(measure.unit), which does not convert to \(target), the unit of the other classes")
                    }
                }
                return AlternativeColumn(key: key, unit: unit ?? "", byClass: values, provenance: provenance ?? alternative.provenance)
            }
        }
    }

    /// Reads a block's pixels, assesses each land-cover class in it as one pixel batch, and sums them by zone.
    fileprivate static func compute(_ window: RasterBand.Window, _ readers: BlockReaders, _ context: BlockContext) throws -> BlockResult {
        let model = context.model
        var coverValues: [Double] = [], zoneValues: [Double] = [], alternativeValues: [Double] = []
        var gridValues = [[Double]](repeating: [], count: readers.grids.count)
        try readers.cover.read(window, into: &coverValues)
        try readers.zones.read(window, into: &zoneValues)
        if let alternative = readers.alternative { try alternative.read(window, into: &alternativeValues) }
        for (g, band) in readers.grids.enumerated() { try band.read(window, into: &gridValues[g]) }
        let coverNoData = readers.cover.noData, zoneNoData = readers.zones.noData, gridNoData = readers.grids.map(\.noData)
        try checkCodes(window, cover: coverValues, noData: coverNoData, zones: zoneValues, noData: zoneNoData, context)
        var missing = (0..<window.pixelCount).map { coverValues[$0] == coverNoData || zoneValues[$0] == zoneNoData }
        let outside = missing
        if let alternative = readers.alternative, let path = model.alternativeLandCover?.path {
            try checkClasses(window, alternativeValues, noData: alternative.noData, path: path, classIndex: context.classIndex)
            BlockReaders.markMissing(alternativeValues, noData: alternative.noData, in: &missing)
        }
        for (g, values) in gridValues.enumerated() { BlockReaders.markMissing(values, noData: gridNoData[g], in: &missing) }
        let derivedOperands = try readers.derived.map { try $0.read(window, missing: &missing) }
        let derivedValues = try zip(model.derivedGrids, derivedOperands).map { derived, operands in
            try model.derive(derived, operands, window: window, grid: context.grid, missing: missing)
        }
        // Pixels grouped by class, with their zones; codes usually run in long stretches, so each is looked up
        // only when it changes.
        var pixelsOf = [[Int]](repeating: [], count: context.classes.count), zonesOf = pixelsOf
        var areasOf = [[Double]](repeating: [], count: context.classes.count)
        var alternativesOf = [[Int]](repeating: [], count: readers.alternative == nil ? 0 : context.classes.count)
        var skipped = 0
        var lastCover = Double.nan, lastClass = 0, lastZoneCode = Double.nan, lastZone = 0
        var lastAlternative = Double.nan, lastAlternativeClass = 0
        // Row by row, so that each pixel's area is its row's without a division a pixel.
        for row in 0..<window.height {
            let area = context.rowArea[window.y + row]
            for i in row * window.width..<(row + 1) * window.width where !outside[i] {
                if missing[i] {
                    skipped += 1
                    continue
                }
                if coverValues[i] != lastCover {
                    lastCover = coverValues[i]
                    lastClass = Int(exactly: lastCover).flatMap { context.classIndex[$0] } ?? 0  // every code has a class: checked above
                }
                if zoneValues[i] != lastZoneCode {
                    lastZoneCode = zoneValues[i]
                    lastZone = Int(exactly: lastZoneCode).flatMap { context.zoneOf[$0] } ?? 0
                }
                pixelsOf[lastClass].append(i)
                zonesOf[lastClass].append(lastZone)
                areasOf[lastClass].append(area)
                if !alternativesOf.isEmpty {
                    if alternativeValues[i] != lastAlternative {
                        lastAlternative = alternativeValues[i]
                        lastAlternativeClass = Int(exactly: lastAlternative).flatMap { context.classIndex[$0] } ?? 0  // checked above
                    }
                    alternativesOf[lastClass].append(lastAlternativeClass)
                }
            }
        }
        var zonal = ZonalAccount(services: model.services, modules: context.modules, zones: model.zones.count,
                                 reportYear: model.reportYear, deflator: model.deflator, cellName: "pixels")
        var zoneAreas = [[EcosystemType: ExactSum]](repeating: [:], count: model.zones.count)
        var perHectare = [[Double]](repeating: [Double](repeating: noData, count: window.pixelCount), count: model.services.count)
        let names = model.zones.map(\.id)
        let squareMetresPerHectare = MeasurementUnit<Area>.hectare.baseUnitsPerUnit
        for (c, landClass) in context.classes.enumerated() where !pixelsOf[c].isEmpty {
            let pixels = pixelsOf[c], zone = zonesOf[c], areas = areasOf[c]
            for (z, area) in ZonalAccount.sums(areas, by: zone, zones: model.zones.count).enumerated() where area.value > 0 {
                zoneAreas[z][landClass.type, default: ExactSum()].add(area)
            }
            // Each block array is taken out of its outer array once: indexing the outer one a pixel retained it a pixel.
            let columns = Dictionary(uniqueKeysWithValues: zip(model.grids, gridValues).map { input, values in
                (input.key, CellColumn(input.key, values: pixels.map { values[$0] }, unit: input.unit, provenance: input.layer.provenance))
            } + zip(model.derivedGrids, derivedValues).map { derived, values in
                (derived.key, CellColumn(derived.key, values: pixels.map { values[$0] }, unit: derived.derivation.outputUnit,
                                         provenance: derived.provenance))
            } + context.alternatives.map { alternative in
                (alternative.key, CellColumn(alternative.key, values: alternativesOf[c].map { alternative.byClass[$0] }, unit: alternative.unit,
                                             provenance: alternative.provenance))
            })
            let batch = try CellBatch(pixels: landClass.type, areas: areas, shared: context.classInputs[c],
                                      columns: columns) { cell in
                let i = pixels[cell]
                return "zone \(names[zone[cell]]), column \(window.x + i % window.width), row \(window.y + i / window.width)"
            }
            let outcomes = try zip(model.services, context.modules).map { choice, module in
                try module.evaluate(batch, method: choice.method, prices: model.prices)
            }
            try zonal.add(outcomes, zone: zone)
            for (s, outcome) in outcomes.enumerated() {
                let physical = outcome.physicalAmounts
                perHectare[s].withUnsafeMutableBufferPointer { values in
                    for (cell, i) in pixels.enumerated() { values[i] = physical[cell] / areas[cell] * squareMetresPerHectare }
                }
            }
        }
        return BlockResult(window: window, zonal: zonal, zoneAreas: zoneAreas, skipped: skipped, perHectare: perHectare)
    }

    /// Written where a pixel is outside the region or was skipped.
    static let noData = -9999.0

    /// Every class code of a block has a lookup row and every zone code a zone. Each block checks its own codes
    /// before it computes; the first failure in block order is reported, and since outputs are published only
    /// when every block has succeeded, none is written.
    private static func checkCodes(_ window: RasterBand.Window, cover coverValues: [Double], noData coverNoData: Double?,
                                   zones zoneValues: [Double], noData zoneNoData: Double?, _ context: BlockContext) throws {
        try checkClasses(window, coverValues, noData: coverNoData, path: context.model.landCover.path, classIndex: context.classIndex)
        try context.model.checkZones(window, zoneValues, noData: zoneNoData, zoneOf: context.zoneOf)
    }

    /// Every zone code of a block names a zone.
    func checkZones(_ window: RasterBand.Window, _ zoneValues: [Double], noData zoneNoData: Double?, zoneOf: [Int: Int]) throws {
        // Codes run in long stretches: a code is looked up only when it differs from the last one found good.
        var goodZone = Double.nan
        for i in 0..<window.pixelCount {
            var place: String { "column \(window.x + i % window.width), row \(window.y + i / window.width)" }
            let zone = zoneValues[i]
            if zone != zoneNoData, zone != goodZone {
                guard let code = Int(exactly: zone), zoneOf[code] != nil else {
                    throw RasterError(path: zoneLayer.path, call: "zones",
                                      message: "zone code \(sixFigures(zone)) at \(place) names no zone; expected one of \(zones.map { String($0.code) }.joined(separator: ", "))")
                }
                goodZone = zone
            }
        }
    }

    /// Every class code of a block of a land-cover map (`path`) has a lookup row (`classIndex`, by code).
    static func checkClasses(_ window: RasterBand.Window, _ values: [Double], noData: Double?, path: String,
                             classIndex: [Int: Int]) throws {
        var good = Double.nan
        for (i, cover) in values.enumerated() where cover != noData && cover != good {
            guard let code = Int(exactly: cover), classIndex[code] != nil else {
                throw RasterError(path: path, call: "lookup table",
                                  message: "class \(sixFigures(cover)) at column \(window.x + i % window.width), row \(window.y + i / window.width) has no row in the lookup table; expected one of \(classIndex.keys.sorted().map(String.init).joined(separator: ", "))")
            }
            good = cover
        }
    }

    /// Refuses an output directory where a service's GeoTIFF (`<service>.tif`) would replace one of the run's own
    /// rasters (compared by device and inode, so another spelling of the path is caught too).
    private func requireOutputsSpareInputs(_ directory: String) throws {
        func identity(_ path: String) -> (dev_t, ino_t)? {
            var status = stat()
            return stat(path, &status) == 0 ? (status.st_dev, status.st_ino) : nil
        }
        let inputs = layers.compactMap { layer in identity(layer.path).map { (layer.path, $0) } }
        for service in services {
            let target = (directory as NSString).appendingPathComponent("\(service.id).tif")
            guard let output = identity(target), let input = inputs.first(where: { $0.1 == output }) else { continue }
            throw RasterError(path: target, call: "output check",
                              message: "the output for \(service.id) would replace \(input.0), an input of this run; choose another --out folder")
        }
    }

    /// A folder of its own under the system's temporary folder, for the rasters a run computes before its blocks
    /// (whole-grid derivations).
    static func scratchFolder() throws -> String {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("gep-raster-scratch-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw RasterError(path: folder, call: "create folder", message: "cannot create a scratch folder: \(error.localizedDescription)")
        }
        return folder
    }

    static func stagingFolder(for directory: String) throws -> String {
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
    static func publish(_ files: [String], to directory: String) throws -> [String] {
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

/// The land cover, zones and input grids opened for reading, checked against the land cover's grid: one set per
/// thread, since GDAL datasets are not shared between threads.
struct BlockReaders {
    let grid: RasterGrid
    let cover: RasterBand
    let zones: ZoneReader
    let grids: [RasterBand]
    /// The alternative land cover, when the model has one.
    let alternative: RasterBand?
    /// The operands of the model's pixel derivations.
    let derived: [DerivedOperands]

    init(_ model: RasterModel) throws {
        let cover = try RasterDataset.open(model.landCover.path)
        let grid = try cover.grid()
        self.grid = grid
        self.cover = try Self.band(cover, layer: model.landCover)
        if let polygons = model.zonePolygons {
            zones = .polygons(try VectorLayer.open(model.zoneLayer.path, layer: polygons.layer), field: polygons.field, grid: grid)
        } else {
            let zones = try RasterDataset.open(model.zoneLayer.path)
            try grid.requireAligned(try zones.grid(), path: model.zoneLayer.path, reference: model.landCover.path)
            self.zones = .raster(try Self.band(zones, layer: model.zoneLayer))
        }
        alternative = try model.alternativeLandCover.map { layer in
            let dataset = try RasterDataset.open(layer.path)
            try grid.requireAligned(try dataset.grid(), path: layer.path, reference: model.landCover.path)
            return try Self.band(dataset, layer: layer)
        }
        grids = try model.grids.map { input in
            let dataset = try RasterDataset.open(input.layer.path)
            try grid.requireAligned(try dataset.grid(), path: input.layer.path, reference: model.landCover.path)
            return try Self.band(dataset, layer: input.layer)
        }
        derived = try model.derivedGrids.map { try DerivedOperands($0, grid: grid, reference: model.landCover.path) }
    }

    /// Marks in `missing` the pixels where `values` holds the raster's nodata value or a non-finite number.
    static func markMissing(_ values: [Double], noData: Double?, in missing: inout [Bool]) {
        missing.withUnsafeMutableBufferPointer { missing in
            for (i, value) in values.enumerated() where value == noData || !value.isFinite { missing[i] = true }
        }
    }

    static func band(_ dataset: RasterDataset, layer: RasterModel.Layer) throws -> RasterBand {
        let band = try dataset.band(1)
        guard band.noData != nil else {
            throw RasterError(path: layer.path, call: "GDALGetRasterNoDataValue",
                              message: "the raster declares no nodata value; expected one (set it with `gdal_edit.py -a_nodata VALUE`)")
        }
        return band
    }
}

/// What a run's blocks add up to: the zones' sums and areas, the pixels skipped, and the quick-look maps. Every sum is
/// exact, so blocks merged in any grouping (threads, or tiles computed apart) give the same bits.
struct BlockTotals {
    var zonal: ZonalAccount
    /// Each zone's area of each ecosystem type, in m².
    private(set) var zoneAreas: [[EcosystemType: ExactSum]]
    var skipped = 0
    var maps: MapSums

    /// Nothing added yet, for `model`'s services (`modules`) and zones on `grid`.
    init(_ model: RasterModel, modules: [any EcosystemService], grid: RasterGrid) {
        zonal = ZonalAccount(services: model.services, modules: modules, zones: model.zones.count, reportYear: model.reportYear,
                             deflator: model.deflator, cellName: "pixels")
        zoneAreas = Array(repeating: [:], count: model.zones.count)
        maps = MapSums(grid: grid, services: model.services.count)
    }

    /// Adds areas by zone (a block's or a tile's) to the zones' areas.
    mutating func add(areas: [[EcosystemType: ExactSum]]) {
        for (z, byType) in areas.enumerated() {
            for (type, area) in byType { zoneAreas[z][type, default: ExactSum()].add(area) }
        }
    }
}

/// The sums of the blocks computed so far and the output rasters, merged block by block in block order on a thread of
/// their own while the next chunk of blocks computes. Used by one thread at a time: the merging thread between
/// ``start(_:)`` and ``finish()``, the run's thread otherwise.
private final class BlockMerger: @unchecked Sendable {
    private(set) var totals: BlockTotals
    private var outputs: [RasterDataset]
    /// The grid row the outputs' first row is (a tile's outputs cover its rows only).
    private let firstRow: Int
    private var pending: [RasterModel.BlockResult] = []
    private var failure: (any Error)?
    private let group = DispatchGroup()

    init(_ totals: BlockTotals, outputs: [RasterDataset], firstRow: Int) {
        self.totals = totals
        self.outputs = outputs
        self.firstRow = firstRow
    }

    /// Merges and writes `blocks` on another thread.
    func start(_ blocks: [RasterModel.BlockResult]) {
        pending = blocks
        group.enter()
        DispatchQueue.global().async {
            defer { self.group.leave() }
            do { try self.merge() } catch { self.failure = error }
        }
    }

    /// Waits for the blocks last started, and rethrows the first error met merging any of them.
    func finish() throws {
        group.wait()
        if let failure { throw failure }
    }

    /// Flushes and closes the outputs; their paths.
    func closeOutputs() throws -> [String] {
        for dataset in outputs { try dataset.flush() }
        let paths = outputs.map(\.path)
        outputs = []  // closes the files before they are moved
        return paths
    }

    private func merge() throws {
        for block in pending {
            try totals.zonal.merge(block.zonal)
            totals.add(areas: block.zoneAreas)
            totals.skipped += block.skipped
            totals.maps.add(block.perHectare, window: block.window)
            let window = RasterBand.Window(x: block.window.x, y: block.window.y - firstRow, width: block.window.width, height: block.window.height)
            for (s, dataset) in outputs.enumerated() { try dataset.band(1).write(block.perHectare[s], to: window) }
        }
        pending = []
    }
}

/// Where a block's zone codes come from: a zone raster, or polygons burnt onto the block as it is read.
enum ZoneReader {
    case raster(RasterBand)
    case polygons(VectorLayer, field: String, grid: RasterGrid)

    var noData: Double? {
        switch self {
        case let .raster(band): band.noData
        case .polygons: RasterModel.zoneNoData
        }
    }

    func read(_ window: RasterBand.Window, into values: inout [Double]) throws {
        switch self {
        case let .raster(band): try band.read(window, into: &values)
        case let .polygons(layer, field, grid): values = try layer.burn(field: field, window: window, of: grid, noData: RasterModel.zoneNoData)
        }
    }
}

/// Readers handed to threads, one set each, opened as more threads need them.
private final class ReaderPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [BlockReaders]
    private let model: RasterModel

    init(first: BlockReaders, model: RasterModel) {
        free = [first]
        self.model = model
    }

    /// The blocks of `chunk` computed on up to `threads` threads, returned in the chunk's order.
    ///
    /// - Throws: the error of the first block, in block order, that failed.
    func compute(_ chunk: [RasterBand.Window], threads: Int, context: RasterModel.BlockContext) throws -> [RasterModel.BlockResult] {
        let results = Results(count: chunk.count)
        let work: @Sendable (Int) -> Void = { index in
            results.set(index, Result {
                let readers = try self.take()
                defer { self.give(readers) }
                return try RasterModel.compute(chunk[index], readers, context)
            })
        }
        if threads == 1 {
            for index in chunk.indices { work(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunk.count, execute: work)
        }
        return try results.all().map { try $0.get() }
    }

    private func take() throws -> BlockReaders {
        if let readers = lock.withLock({ free.popLast() }) { return readers }
        return try BlockReaders(model)
    }

    private func give(_ readers: BlockReaders) { lock.withLock { free.append(readers) } }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Result<RasterModel.BlockResult, any Error>?]

        init(count: Int) { items = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<RasterModel.BlockResult, any Error>) { lock.withLock { items[index] = result } }

        func all() -> [Result<RasterModel.BlockResult, any Error>] {
            lock.withLock { items.map { $0 ?? .failure(RasterError(path: "", call: "threads", message: "a block was not computed")) } }
        }
    }
}

/// Per-service sums and counts of the per-hectare values over the cells of the quick-look grid, exact, so that blocks
/// and tiles added in any grouping give the same maps.
struct MapSums: Codable, Equatable {
    let width: Int, height: Int
    let cellsWide: Int, cellsHigh: Int
    private(set) var sums: [[ExactSum]]
    private(set) var counts: [[Int]]

    init(grid: RasterGrid, services: Int) {
        width = grid.width
        height = grid.height
        (cellsWide, cellsHigh) = QuickLookMap.cells(width: grid.width, height: grid.height)
        sums = Array(repeating: Array(repeating: ExactSum(), count: cellsWide * cellsHigh), count: services)
        counts = Array(repeating: Array(repeating: 0, count: cellsWide * cellsHigh), count: services)
    }

    mutating func add(_ perHectare: [[Double]], window: RasterBand.Window) {
        let columns = (0..<window.width).map { (window.x + $0) * cellsWide / width }
        let rows = (0..<window.height).map { (window.y + $0) * cellsHigh / height }
        for (s, values) in perHectare.enumerated() {
            // A row's pixels fall into a cell in stretches: each stretch is summed in registers, then added.
            for (r, row) in rows.enumerated() {
                var cell = row * cellsWide + columns[0], sum = 0.0, count = 0
                for (c, column) in columns.enumerated() {
                    if row * cellsWide + column != cell {
                        sums[s][cell].add(sum)
                        counts[s][cell] += count
                        cell = row * cellsWide + column
                        sum = 0
                        count = 0
                    }
                    let value = values[r * window.width + c]
                    guard value != RasterModel.noData else { continue }
                    sum += value
                    count += 1
                }
                sums[s][cell].add(sum)
                counts[s][cell] += count
            }
        }
    }

    /// Adds another run's maps of the same grid and services (a tile's).
    mutating func add(_ other: MapSums) {
        for s in sums.indices {
            for cell in sums[s].indices {
                sums[s][cell].add(other.sums[s][cell])
                counts[s][cell] += other.counts[s][cell]
            }
        }
    }

    /// Whether `other` is of a grid and service count like this one's, so that ``add(_:)`` fits.
    func fits(_ other: MapSums) -> Bool {
        (other.width, other.height, other.cellsWide, other.cellsHigh) == (width, height, cellsWide, cellsHigh)
            && other.sums.count == sums.count && other.counts.count == counts.count
            && zip(other.sums, other.counts).allSatisfy { $0.count == cellsWide * cellsHigh && $1.count == cellsWide * cellsHigh }
    }

    func map(_ s: Int, service: String, unit: String) -> QuickLookMap {
        QuickLookMap(service: service, unit: unit, width: cellsWide, height: cellsHigh,
                     values: zip(sums[s], counts[s]).map { $1 > 0 ? $0.value / Double($1) : nil })
    }
}
