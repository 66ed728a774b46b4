/// A line chart as an inline SVG element: one line per series over the same x values (years), in the series colours
/// of ``SVGBarChart/seriesColours`` with a key, a y axis in one unit with gridlines, and the x values as labels.
struct SVGLineChart {
    struct Series {
        let name: String
        /// One value per x label, in the chart's base unit (元); divided by `divisor` on the axis.
        let values: [Double]
    }

    let title: String
    let xLabels: [String]
    let series: [Series]
    /// The axis unit, e.g. "亿元", and what a base value is divided by to read in it.
    let unit: String
    let divisor: Double

    static let width = 820, plotLeft = 80, plotRight = 20, plotHeight = 260, ticks = 5

    /// The `<svg>` element, with a `<title>` for screen readers.
    func render() -> String {
        var body = ""
        // The key, as many names to a row as fit.
        var x = 4, y = 8
        for (index, line) in series.enumerated() {
            let label = fitted(line.name, width: 40)
            let span = 22 + 7 * displayWidth(label) + 14
            if x + span > Self.width, x > 4 { x = 4; y += 22 }
            body += "<rect x=\"\(x)\" y=\"\(y + 4)\" width=\"14\" height=\"14\" class=\"key\" fill=\"\(SVGBarChart.colour(index))\"/>\n"
            body += "<text x=\"\(x + 20)\" y=\"\(y + 16)\">\(escapeHTML(label))</text>\n"
            x += span
        }
        // The axis unit on the row below the key, then the plot.
        let top = y + 22 + 36
        let values = series.flatMap(\.values).map { $0 / divisor }.filter(\.isFinite)
        let low = min(0, values.min() ?? 0), high = max(0, values.max() ?? 0)
        let span = high > low ? high - low : 1
        let plotWidth = Self.width - Self.plotLeft - Self.plotRight
        func xAt(_ i: Int) -> Double {
            Double(Self.plotLeft) + (xLabels.count > 1 ? Double(i) / Double(xLabels.count - 1) * Double(plotWidth) : Double(plotWidth) / 2)
        }
        func yAt(_ value: Double) -> Double { Double(top) + (high - value) / span * Double(Self.plotHeight) }
        for tick in 0...Self.ticks {
            let value = low + span * Double(tick) / Double(Self.ticks)
            let level = yAt(value)
            body += "<line x1=\"\(Self.plotLeft)\" y1=\"\(level)\" x2=\"\(Self.width - Self.plotRight)\" y2=\"\(level)\" stroke=\"#ddd\"/>\n"
            body += "<text x=\"\(Self.plotLeft - 6)\" y=\"\(level + 4)\" text-anchor=\"end\">\(escapeHTML(formatNumber(value, significant: 4)))</text>\n"
        }
        body += "<text x=\"4\" y=\"\(y + 22 + 16)\">\(escapeHTML(unit))</text>\n"
        for (i, label) in xLabels.enumerated() {
            body += "<text x=\"\(xAt(i))\" y=\"\(top + Self.plotHeight + 20)\" text-anchor=\"middle\">\(escapeHTML(label))</text>\n"
        }
        for (index, line) in series.enumerated() {
            let points = line.values.enumerated().filter { $0.element.isFinite }.map { (xAt($0.offset), yAt($0.element / divisor)) }
            let colour = SVGBarChart.colour(index)
            if points.count > 1 {
                body += "<polyline class=\"series-line\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\""
                    + points.map { "\($0.0),\($0.1)" }.joined(separator: " ") + "\"/>\n"
            }
            for point in points { body += "<circle cx=\"\(point.0)\" cy=\"\(point.1)\" r=\"3.5\" fill=\"\(colour)\"/>\n" }
        }
        let height = top + Self.plotHeight + 30
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(Self.width)" height="\(height)" viewBox="0 0 \(Self.width) \(height)">
            <title>\(escapeHTML(title))</title>
            \(body)</svg>
            """
    }
}
