import Foundation
import GEPCore

/// A CSV file (RFC 4180) read as a header row and data rows, for tables too large to write as YAML: a region's
/// accounting units, one row each.
///
/// Fields are separated by commas; a field may be quoted with `"`, and then hold commas, line breaks and `""` for a
/// quote. A UTF-8 byte-order mark is skipped; lines may end in LF or CRLF; blank lines are skipped. Every row must
/// have as many fields as the header. Errors are ``ModelFileError``s naming the file, the line, the column (the
/// field's position, 1-based) and the header name.
struct CSVTable {
    /// One data row: its fields, and the line of the file it starts on.
    struct Row {
        let line: Int
        let fields: [String]
    }

    let file: String
    let header: [String]
    let rows: [Row]

    /// Files larger than this are refused before they are read: 10⁶ units with a few dozen columns fit.
    static let maximumBytes = 1 << 30

    /// - Throws: ``ModelFileError`` for a missing, unreadable, oversized or non-UTF-8 file, an unterminated quote,
    ///   an empty or repeated header name, or a row with the wrong number of fields.
    static func read(_ path: String) throws -> CSVTable {
        ModelFilesRead.note(path)
        let fail = { (line: Int?, message: String) in ModelFileError(file: path, line: line, column: nil, field: "", message: message) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size, let data = FileManager.default.contents(atPath: path) else {
            throw fail(nil, "cannot read the file (missing or unreadable)")
        }
        guard size <= maximumBytes else { throw fail(nil, "the file is \(size) bytes; at most \(maximumBytes) are read") }
        guard String(data: data, encoding: .utf8) != nil else { throw fail(nil, "the file is not UTF-8 text") }
        var records = try parse([UInt8](data), file: path)
        guard !records.isEmpty else { throw fail(nil, "the file is empty; expected a header row") }
        let headerRecord = records.removeFirst()
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (index, name) in header.enumerated() {
            if name.isEmpty { throw ModelFileError(file: path, line: headerRecord.line, column: index + 1, field: "", message: "header field \(index + 1) is empty; expected a column name") }
            if !seen.insert(name).inserted {
                throw ModelFileError(file: path, line: headerRecord.line, column: index + 1, field: name, message: "the column name is repeated")
            }
        }
        for row in records where row.fields.count != header.count {
            throw fail(row.line, "the row has \(row.fields.count) fields; expected \(header.count), one per header column")
        }
        return CSVTable(file: path, header: header, rows: records)
    }

    /// A header's name and the unit in its brackets: "precipitation [mm]" → ("precipitation", "mm"); a name without
    /// brackets has no unit ("").
    static func nameAndUnit(_ header: String) -> (name: String, unit: String) {
        guard header.hasSuffix("]"), let open = header.lastIndex(of: "[") else { return (header, "") }
        let unit = header[header.index(after: open)..<header.index(before: header.endIndex)]
        return (header[..<open].trimmingCharacters(in: .whitespaces), unit.trimmingCharacters(in: .whitespaces))
    }

    /// `read` applied to the rows, one piece of them per core (``parallelPrefix(_:_:)``): the values of the rows
    /// before the first that failed, in file order (`values[i]` is `rows[i]`'s), and that row's error. The caller
    /// takes the values in order (checking what needs every row before it, such as repeated ids) and then throws the
    /// error, so that what it reports is what a reading in order meets first.
    func readRows<T: Sendable>(_ read: @escaping @Sendable (Row) throws -> T) -> (values: [T], error: ModelFileError?) {
        let rows = rows
        let (values, failure) = parallelPrefix(rows.count) { try read(rows[$0]) }
        return (values, failure.map { $0.error as? ModelFileError ?? headerError(String(describing: $0.error)) })
    }

    /// An error at one field of a row.
    func error(_ row: Row, column: Int, _ message: String) -> ModelFileError {
        ModelFileError(file: file, line: row.line, column: column + 1, field: header[column], message: message)
    }

    /// The records of `bytes`, each with the line it starts on; blank lines are left out.
    private static func parse(_ bytes: [UInt8], file: String) throws -> [Row] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var rowLine = 1
        var inQuotes = false, quotedField = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote { field.append(quote); index += 1 } else { inQuotes = false }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty && !quotedField:
                inQuotes = true
                quotedField = true
            case quote:
                throw ModelFileError(file: file, line: line, column: fields.count + 1, field: "",
                                     message: "a quote inside an unquoted field; quote the whole field and write \"\" for a quote")
            case comma:
                endField()
            case carriageReturn where index < bytes.count && bytes[index] == newline:
                break
            case newline:
                endRecord()
                line += 1
                rowLine = line
            default:
                if quotedField {
                    throw ModelFileError(file: file, line: line, column: fields.count + 1, field: "",
                                         message: "text after the closing quote of a field; expected a comma or the end of the line")
                }
                field.append(byte)
            }
        }
        if inQuotes {
            throw ModelFileError(file: file, line: rowLine, column: fields.count + 1, field: "", message: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || quotedField { endRecord() }
        return rows
    }
}
