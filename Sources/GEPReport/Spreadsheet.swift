/// A workbook to write as .xlsx: sheets of a header row and rows of numbers and text, numbers kept as numbers and
/// units in the headers ("value (元)"). Reports describe their tables this way; `GEPSpreadsheet` writes them with
/// libxlsxwriter, so that only the writer links the C library.
public struct Spreadsheet: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case number(Double)
        case text(String)
        case empty
    }

    public struct Sheet: Sendable, Equatable {
        /// At most 31 characters, none of `[]:*?/\` (Excel's rule).
        public let name: String
        public let headers: [String]
        public let rows: [[Cell]]

        public init(name: String, headers: [String], rows: [[Cell]]) {
            self.name = name
            self.headers = headers
            self.rows = rows
        }
    }

    public let sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }
}

extension Spreadsheet.Cell {
    /// A number, or an empty cell where there is none.
    static func number(_ value: Double?) -> Self { value.map(Self.number) ?? .empty }
}

extension Spreadsheet.Sheet {
    /// The provenance sheet every report with inputs has: one row per sourced number.
    static func provenance(_ rows: [ProvenanceRow]) -> Self {
        Self(name: "provenance", headers: ["scope", "item", "value", "source", "year", "status", "note"], rows: rows.map {
            [$0.scope.map(Spreadsheet.Cell.text) ?? .empty, .text($0.item), .text($0.value), .text($0.source),
             .number($0.year.map(Double.init)), .text($0.status), $0.note.map(Spreadsheet.Cell.text) ?? .empty]
        })
    }
}
