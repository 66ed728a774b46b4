/// A plain-text table with aligned columns, for terminal output.
///
/// Widths count display columns, not characters: CJK ideographs and full-width forms take two columns in a
/// terminal, so "水源涵养" is 8 columns wide and a column of Chinese names still lines up.
public struct TextTable: Sendable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable { case left, right }

    /// The header row.
    public let headers: [String]
    /// Alignment per column.
    public let alignments: [Alignment]
    private(set) var rows: [[String]] = []

    /// - Precondition: `alignments` is empty (all left) or has one entry per header.
    public init(headers: [String], alignments: [Alignment] = []) {
        precondition(alignments.isEmpty || alignments.count == headers.count, "TextTable: one alignment per column")
        self.headers = headers
        self.alignments = alignments.isEmpty ? headers.map { _ in .left } : alignments
    }

    /// Appends a row.
    ///
    /// - Precondition: one cell per header.
    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "TextTable: row has \(row.count) cells for \(headers.count) columns")
        rows.append(row)
    }

    /// The table as lines: header, a rule of "─", then the rows; columns separated by two spaces, no trailing blanks.
    public func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - displayWidth(cells[column]))
                return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
            }
            var text = padded.joined(separator: "  ")
            // Trailing blanks go by bytes: reversing the line as Characters (grapheme by grapheme) cost more than
            // the rest of the table.
            while text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// The number of terminal columns `text` occupies: 2 for East Asian wide and full-width characters, else 1.
public func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return width + 2
        case 0x0300...0x036F, 0x200B...0x200F:
            return width
        default:
            return width + 1
        }
    }
}
