/// A horizontal bar chart as an inline SVG element: one labelled bar per row, scaled to the largest value.
///
/// Rows may be grouped (a heading row, then its bars). The physical-accounts chart scales bars within each group,
/// since amounts in m³ and in t cannot share an axis; the scheme comparison shares one scale across groups.
struct SVGBarChart {
    struct Bar {
        let label: String
        let value: Double
        /// Text printed after the bar, e.g. "333.58 亿元".
        let annotation: String
        /// The series the bar belongs to (a scheme, a band), coloured as the chart's `legend` says; nil for one colour.
        var series: Int? = nil
    }

    struct Group {
        /// Printed above the group's bars; nil for an ungrouped chart.
        let heading: String?
        let bars: [Bar]
    }

    let title: String
    let groups: [Group]
    /// Scale every bar against the largest in the chart (grouped comparisons) rather than within its group.
    var sharedScale = false
    /// The series' names, drawn as a key above the bars in their colours (``seriesColours``); empty for no key.
    var legend: [String] = []

    /// Okabe and Ito's colour-blind-safe palette (2008), the colours of series 0, 1, 2, …, repeated past eight.
    static let seriesColours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The fill of series `index`.
    static func colour(_ index: Int) -> String { seriesColours[index % seriesColours.count] }

    static let rowHeight = 22
    static let labelWidth = 230
    static let barWidth = 420
    static let annotationWidth = 170

    /// The `<svg>` element, with a `<title>` for screen readers.
    func render() -> String {
        let width = SVGBarChart.labelWidth + SVGBarChart.barWidth + SVGBarChart.annotationWidth
        var y = 8
        var body = ""
        // The key: a swatch and a name per series, as many to a row as fit.
        var x = 4
        for (index, name) in legend.enumerated() {
            let label = fitted(name, width: 60)
            let span = 22 + 7 * displayWidth(label) + 14
            if x + span > width, x > 4 { x = 4; y += SVGBarChart.rowHeight }
            body += "<rect x=\"\(x)\" y=\"\(y + 4)\" width=\"14\" height=\"14\" class=\"key\" fill=\"\(Self.colour(index))\"/>\n"
            body += "<text x=\"\(x + 20)\" y=\"\(y + 16)\">\(escapeHTML(label))</text>\n"
            x += span
        }
        if !legend.isEmpty { y += SVGBarChart.rowHeight + 4 }
        for group in groups {
            if let heading = group.heading {
                y += 6
                body += "<text x=\"4\" y=\"\(y + 14)\" class=\"group\">\(escapeHTML(heading))</text>\n"
                y += SVGBarChart.rowHeight
            }
            let largest = (sharedScale ? groups.flatMap(\.bars) : group.bars).map { abs($0.value) }.max() ?? 0
            for bar in group.bars {
                // Reports hold finite values only (``Account`` refuses others); a bar that is not finite is drawn empty.
                let share = abs(bar.value) / largest
                let length = largest > 0 && share.isFinite ? Int((share * Double(SVGBarChart.barWidth - 10)).rounded()) : 0
                body += "<text x=\"\(SVGBarChart.labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escapeHTML(fitted(bar.label)))</text>\n"
                let paint = bar.series.map { "class=\"series\" fill=\"\(Self.colour($0))\"" } ?? "class=\"\(bar.value < 0 ? "negative" : "bar")\""
                body += "<rect x=\"\(SVGBarChart.labelWidth)\" y=\"\(y + 3)\" width=\"\(max(length, 1))\" height=\"\(SVGBarChart.rowHeight - 6)\" \(paint)/>\n"
                body += "<text x=\"\(SVGBarChart.labelWidth + length + 6)\" y=\"\(y + 15)\">\(escapeHTML(bar.annotation))</text>\n"
                y += SVGBarChart.rowHeight
            }
        }
        let height = y + 8
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">
            <title>\(escapeHTML(title))</title>
            \(body)</svg>
            """
    }
}

/// A label cut to the chart's label column (about 36 half-width characters at 12 px), with "…" when cut.
func fitted(_ label: String, width: Int = 36) -> String {
    guard displayWidth(label) > width else { return label }
    var result = ""
    for character in label {
        if displayWidth(result + String(character)) > width - 1 { break }
        result.append(character)
    }
    return result + "…"
}

/// Text safe inside HTML and SVG elements and attributes.
func escapeHTML(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        default: result.append(character)
        }
    }
    return result
}
