import Accounts
import GEPCore
import GEPRaster
import GEPReport

/// The extent account of a raster model's two land-cover maps, as `gep raster extent` prints it.
public enum RasterExtent {
    /// Counts the land-cover change (``RasterModel/landCoverChange()``) and balances it into an ``ExtentAccount``.
    ///
    /// - Throws: ``RasterError`` for the rasters, naming the file; ``AccountsError`` for an alternative land cover
    ///   without the `year:` it maps.
    public static func report(_ model: RasterModel) throws -> ExtentReport {
        guard let alternative = model.alternativeLandCover else {
            throw RasterError(path: model.landCover.path, call: "extent",
                              message: "the model has no `alternative-land-cover:`; expected the second date's land cover, aligned with this one")
        }
        guard let closingYear = alternative.provenance.year, closingYear != model.year else {
            throw RasterError(path: alternative.path, call: "extent",
                              message: "the alternative land cover gives no `year:` other than the model's \(model.year); expected the year it maps")
        }
        let change = try model.landCoverChange()
        let source = "\(alternative.provenance.source) (\(alternative.provenance.status.rawValue), \(closingYear))"
        let conversions = try change.conversions.map { try LandConversion(unit: $0.zone, from: $0.from, to: $0.to, area: $0.area, provenance: alternative.provenance) }
        let (opening, closing) = closingYear > model.year ? (change.opening, change.closing) : (change.closing, change.opening)
        let listed = closingYear > model.year ? conversions
            : try conversions.map { try LandConversion(unit: $0.unit, from: $0.to, to: $0.from, area: $0.area, provenance: $0.provenance) }
        let account = try ExtentAccount(opening: opening, closing: closing, conversions: listed)
        let region = model.regionLocalName.map { "\(model.regionName) (\($0))" } ?? model.regionName
        return ExtentReport(account, region: region, openingYear: min(model.year, closingYear), closingYear: max(model.year, closingYear),
                            conversions: listed.map { ($0.unit, $0.from, $0.to, $0.area, source) }, skippedPixels: change.skippedPixels)
    }
}
