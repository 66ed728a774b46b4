import Foundation
import GEPCore

extension RasterModel {
    /// Written outside every zone of a zone raster burnt from polygons: the smallest 32-bit integer, refused as a
    /// zone code when zones are polygons.
    static let zoneNoData = Double(Int32.min)

    /// Checks the zone polygons before a run burns them onto its blocks, each failure naming the vector file: the
    /// layer's reference system is the grid's (no reprojection is done), its extent overlaps the grid, and every
    /// polygon's code is a whole number that names a zone.
    ///
    /// - Throws: ``RasterError``.
    func checkZonePolygons(grid: RasterGrid) throws {
        guard let polygons = zonePolygons else { return }
        let path = zoneLayer.path
        let layer = try VectorLayer.open(path, layer: polygons.layer)
        guard RasterGrid.sameProjection(layer.projection, grid.projection) else {
            throw RasterError(path: path, call: "zone polygons",
                              message: "the layer's reference system differs from \(landCover.path)'s; GEPKit does not reproject: use `ogr2ogr -t_srs <srs of \(landCover.path)> out.gpkg \((path as NSString).lastPathComponent)`")
        }
        let extent = try layer.extent()
        let g = grid.geoTransform
        let gridX = (g[0], g[0] + Double(grid.width) * g[1]), gridY = (g[3] + Double(grid.height) * g[5], g[3])
        guard extent.maxX > min(gridX.0, gridX.1), extent.minX < max(gridX.0, gridX.1),
              extent.maxY > min(gridY.0, gridY.1), extent.minY < max(gridY.0, gridY.1) else {
            throw RasterError(path: path, call: "zone polygons",
                              message: "the polygons (x \(sixFigures(extent.minX))–\(sixFigures(extent.maxX)), y \(sixFigures(extent.minY))–\(sixFigures(extent.maxY))) lie outside the grid of \(landCover.path) (x \(sixFigures(min(gridX.0, gridX.1)))–\(sixFigures(max(gridX.0, gridX.1))), y \(sixFigures(min(gridY.0, gridY.1)))–\(sixFigures(max(gridY.0, gridY.1)))); expected boundaries of the same place in the same reference system")
        }
        let codes = Set(zones.map(\.code))
        guard !codes.contains(Int(Int32.min)) else {
            throw RasterError(path: path, call: "zone polygons", message: "zone code \(Int32.min) marks pixels outside every polygon; give that zone another code")
        }
        for (feature, value) in try layer.values(of: polygons.field) {
            guard let value, value == value.rounded(), let code = Int(exactly: value), codes.contains(code) else {
                throw RasterError(path: path, call: "zone polygons",
                                  message: "feature \(feature) has \(polygons.field) = \(value.map(sixFigures) ?? "no value"); expected one of the zone codes \(zones.map { String($0.code) }.joined(separator: ", "))")
            }
        }
    }
}
