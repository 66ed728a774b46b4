import GEPCore

/// A quick-look map as an inline SVG element: each cell of a ``QuickLookMap`` a square coloured on a sequential
/// palette from the smallest to the largest value, cells outside the region left blank, with a legend giving the
/// range and the unit. Runs of cells of one colour along a row are drawn as one rectangle.
struct SVGRasterMap {
    let map: QuickLookMap
    let title: String

    static let cellSize = 5
    /// Light to dark green (ColorBrewer "Greens", 9 classes).
    static let palette = ["#f7fcf5", "#e5f5e0", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#006d2c", "#00441b"]

    func render() -> String {
        let known = map.values.compactMap { $0 }
        let low = known.min() ?? 0, high = known.max() ?? 0
        func shade(_ value: Double) -> Int {
            high > low ? min(Self.palette.count - 1, Int((value - low) / (high - low) * Double(Self.palette.count))) : Self.palette.count / 2
        }
        let size = Self.cellSize
        let mapWidth = map.width * size, mapHeight = map.height * size
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"raster-map\" width=\"\(mapWidth + 190)\" height=\"\(max(mapHeight, 150))\" "
            + "viewBox=\"0 0 \(mapWidth + 190) \(max(mapHeight, 150))\" "
            + "role=\"img\" aria-label=\"\(escapeHTML(title))\">\n<title>\(escapeHTML(title))</title>\n"
        for row in 0..<map.height {
            var column = 0
            while column < map.width {
                guard let value = map.values[row * map.width + column] else { column += 1; continue }
                let bin = shade(value)
                var end = column + 1
                while end < map.width, let next = map.values[row * map.width + end], shade(next) == bin { end += 1 }
                svg += "<rect class=\"cell\" x=\"\(column * size)\" y=\"\(row * size)\" width=\"\((end - column) * size)\" height=\"\(size)\" fill=\"\(Self.palette[bin])\"/>\n"
                column = end
            }
        }
        let legendX = mapWidth + 20
        svg += "<g class=\"legend\">\n"
        for (i, colour) in Self.palette.reversed().enumerated() {
            svg += "<rect x=\"\(legendX)\" y=\"\(10 + i * 12)\" width=\"16\" height=\"12\" fill=\"\(colour)\"/>\n"
        }
        svg += "<text x=\"\(legendX + 22)\" y=\"20\">\(escapeHTML(formatNumber(high, significant: 4))) \(escapeHTML(map.unit))</text>\n"
        svg += "<text x=\"\(legendX + 22)\" y=\"\(10 + Self.palette.count * 12)\">\(escapeHTML(formatNumber(low, significant: 4))) \(escapeHTML(map.unit))</text>\n"
        svg += "</g>\n</svg>\n"
        return svg
    }
}
