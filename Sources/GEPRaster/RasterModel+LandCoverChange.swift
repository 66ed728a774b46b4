import GEPCore

/// The land cover of a raster model's zones at two dates, and the land that changed type between them: the extent
/// account's opening and closing areas and its conversion matrix, counted pixel by pixel from the land cover and the
/// alternative land cover (SEEA Ecosystem Accounting, UN 2021, §4.3).
public struct LandCoverChange: Sendable {
    /// One cell of a zone's conversion matrix.
    public struct Conversion: Sendable, Hashable {
        public let zone: String
        public let from: EcosystemType
        public let to: EcosystemType
        public let area: Quantity<Area>
    }

    /// The zones as accounting units with their areas by type at the land cover's date and at the alternative's.
    public let opening: [AccountingUnit]
    public let closing: [AccountingUnit]
    /// Every non-zero off-diagonal cell, by zone (in model order), then `from` and `to` in declaration order.
    public let conversions: [Conversion]
    /// Pixels of a zone with nodata in either map: left out of both dates, so that the two extents cover the same land.
    public let skippedPixels: Int
}

extension RasterModel {
    /// Counts each zone's area by (type in the land cover, type in the alternative land cover), block by block, with
    /// each pixel's area by its row (``PixelArea``) and exact sums, so the areas do not depend on the block order.
    ///
    /// - Throws: ``RasterError`` for a model without `alternative-land-cover:`, misaligned or unreadable rasters, a
    ///   class without a lookup row or a zone code naming no zone (each naming the file and the pixel).
    public func landCoverChange() throws -> LandCoverChange {
        guard let alternativeLayer = alternativeLandCover else {
            throw RasterError(path: landCover.path, call: "land-cover change",
                              message: "the model has no `alternative-land-cover:`; expected the second date's land cover, aligned with this one")
        }
        let readers = try BlockReaders(self)
        guard let alternative = readers.alternative else {
            throw RasterError(path: alternativeLayer.path, call: "land-cover change", message: "the alternative land cover could not be opened")
        }
        let rowArea = try PixelArea.byRow(readers.grid, path: landCover.path)
        let classIndex = Dictionary(classes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let zoneOf = Dictionary(zones.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let types = EcosystemType.allCases, typeCount = types.count
        // Each class's type as its position in `types`, looked up once.
        let typeOfClass = classes.map { landClass in types.firstIndex(of: landClass.type) ?? 0 }
        // sums[zone][from · typeCount + to], m².
        var sums = [[ExactSum]](repeating: [ExactSum](repeating: ExactSum(), count: typeCount * typeCount), count: zones.count)
        var skipped = 0
        var cover: [Double] = [], zoneValues: [Double] = [], after: [Double] = []
        for window in readers.cover.blocks() {
            try readers.cover.read(window, into: &cover)
            try readers.zones.read(window, into: &zoneValues)
            try alternative.read(window, into: &after)
            try Self.checkClasses(window, cover, noData: readers.cover.noData, path: landCover.path, classIndex: classIndex)
            try Self.checkClasses(window, after, noData: alternative.noData, path: alternativeLayer.path, classIndex: classIndex)
            try checkZones(window, zoneValues, noData: readers.zones.noData, zoneOf: zoneOf)
            // Codes run in long stretches: each is looked up only when it changes (all were checked above).
            var code = (zone: Double.nan, from: Double.nan, to: Double.nan), index = (zone: 0, from: 0, to: 0)
            for row in 0..<window.height {
                let area = rowArea[window.y + row]
                for i in row * window.width..<(row + 1) * window.width where zoneValues[i] != readers.zones.noData {
                    guard cover[i] != readers.cover.noData, after[i] != alternative.noData else {
                        skipped += 1
                        continue
                    }
                    if zoneValues[i] != code.zone { (code.zone, index.zone) = (zoneValues[i], Int(exactly: zoneValues[i]).flatMap { zoneOf[$0] } ?? 0) }
                    if cover[i] != code.from { (code.from, index.from) = (cover[i], typeOfClass[Int(exactly: cover[i]).flatMap { classIndex[$0] } ?? 0]) }
                    if after[i] != code.to { (code.to, index.to) = (after[i], typeOfClass[Int(exactly: after[i]).flatMap { classIndex[$0] } ?? 0]) }
                    sums[index.zone][index.from * typeCount + index.to].add(area)
                }
            }
        }
        var opening: [AccountingUnit] = [], closing: [AccountingUnit] = [], conversions: [LandCoverChange.Conversion] = []
        for (z, zone) in zones.enumerated() {
            var before: [EcosystemType: Quantity<Area>] = [:], afterAreas: [EcosystemType: Quantity<Area>] = [:]
            for (f, from) in types.enumerated() {
                for (t, to) in types.enumerated() where sums[z][f * typeCount + t].value > 0 {
                    let area = Quantity<Area>(baseValue: sums[z][f * typeCount + t].value)
                    before[from, default: .zero] += area
                    afterAreas[to, default: .zero] += area
                    if from != to { conversions.append(.init(zone: zone.id, from: from, to: to, area: area)) }
                }
            }
            opening.append(try AccountingUnit(id: zone.id, name: zone.name, localName: zone.localName, ecosystemAreas: before))
            closing.append(try AccountingUnit(id: zone.id, name: zone.name, localName: zone.localName, ecosystemAreas: afterAreas))
        }
        return LandCoverChange(opening: opening, closing: closing, conversions: conversions, skippedPixels: skipped)
    }
}
