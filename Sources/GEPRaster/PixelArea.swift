import CGDAL
import Foundation

/// The ground area of the pixels of each row of a grid, in m².
///
/// A projected grid's pixel is the parallelogram of its geotransform, |g₁·g₅ − g₂·g₄|, exact on an equal-area
/// projection (Albers, as China's land surveys use) and within the projection's scale error elsewhere (under 0.1 %
/// across a UTM zone). A geographic grid's pixel between latitudes φ₁ and φ₂ and Δλ of longitude is
/// R²·Δλ·|sin φ₁ − sin φ₂| on the sphere of the authalic radius R = 6 371 007.2 m, which has the ellipsoid's area
/// (GRS 80, as WGS 84 and CGCS2000 use; Moritz, "Geodetic Reference System 1980", Bulletin Géodésique 54, 1980).
enum PixelArea {
    /// The authalic radius of the GRS 80 ellipsoid, in m.
    static let authalicRadius = 6_371_007.2

    static func byRow(_ grid: RasterGrid, path: String) throws -> [Double] {
        let g = grid.geoTransform
        guard isGeographic(grid.projection) else {
            let area = abs(g[1] * g[5] - g[2] * g[4])
            return [Double](repeating: area, count: grid.height)
        }
        guard g[2] == 0, g[4] == 0 else {
            throw RasterError(path: path, call: "pixel area",
                              message: "a rotated geographic grid; expected a north-up grid (warp it with gdalwarp first)")
        }
        let radiansPerDegree = Double.pi / 180
        let width = abs(g[1]) * radiansPerDegree
        return (0..<grid.height).map { row in
            let top = (g[3] + Double(row) * g[5]) * radiansPerDegree, bottom = (g[3] + Double(row + 1) * g[5]) * radiansPerDegree
            return authalicRadius * authalicRadius * width * abs(sin(top) - sin(bottom))
        }
    }

    static func isGeographic(_ projection: String) -> Bool {
        guard !projection.isEmpty, let reference = OSRNewSpatialReference(projection) else { return false }
        defer { OSRDestroySpatialReference(reference) }
        return OSRIsGeographic(reference) != 0
    }
}
