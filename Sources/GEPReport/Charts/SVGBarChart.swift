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

    static let rowHeight = 22
    static let labelWidth = 230
    static let barWidth = 420
    static let annotationWidth = 170

    /// The `<svg>` element, with a `<title>` for screen readers.
    func render() -> String {
        let width = SVGBarChart.labelWidth + SVGBarChart.barWidth + SVGBarChart.annotationWidth
        var y = 8
        var body = ""
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
                body += "<rect x=\"\(SVGBarChart.labelWidth)\" y=\"\(y + 3)\" width=\"\(max(length, 1))\" height=\"\(SVGBarChart.rowHeight - 6)\" class=\"\(bar.value < 0 ? "negative" : "bar")\"/>\n"
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
