import CXlsxWriter
import Foundation
import GEPReport

/// Writes a ``Spreadsheet`` as an .xlsx file with libxlsxwriter (Debian's `libxlsxwriter-dev`).
///
/// The workbook is written beside `path` under a temporary name and moved into place only when libxlsxwriter has
/// closed it without error, so a failed write leaves no partial file.
public enum XLSXWriter {
    /// - Throws: ``SpreadsheetError`` naming the file, the sheet and cell or the libxlsxwriter call, and what went wrong.
    public static func write(_ spreadsheet: Spreadsheet, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let staging = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(atPath: staging) }
        guard let workbook = workbook_new(staging) else {
            throw SpreadsheetError(path: path, call: "workbook_new", message: "cannot create the workbook (is the folder writable?)")
        }
        do {
            try fill(workbook, spreadsheet, path: path)
        } catch {
            workbook_close(workbook)
            throw error
        }
        try check(workbook_close(workbook), path: path, call: "workbook_close")
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: staging, toPath: path)
        } catch {
            throw SpreadsheetError(path: path, call: "move", message: error.localizedDescription)
        }
    }

    private static func fill(_ workbook: UnsafeMutablePointer<lxw_workbook>, _ spreadsheet: Spreadsheet, path: String) throws {
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        for sheet in spreadsheet.sheets {
            guard sheet.name.count <= 31, !sheet.name.contains(where: { "[]:*?/\\".contains($0) }),
                  let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                throw SpreadsheetError(path: path, call: "workbook_add_worksheet", message: "sheet \"\(sheet.name)\" cannot be added (a name of at most 31 characters without []:*?/\\, used once)")
            }
            for (column, header) in sheet.headers.enumerated() {
                try check(worksheet_write_string(worksheet, 0, lxw_col_t(column), header, bold), path: path, call: "\(sheet.name)!R1C\(column + 1)")
            }
            for (r, row) in sheet.rows.enumerated() {
                let rowIndex = lxw_row_t(r + 1)
                for (column, cell) in row.enumerated() {
                    let place = "\(sheet.name)!R\(r + 2)C\(column + 1)"
                    switch cell {
                    case let .number(value):
                        guard value.isFinite else { throw SpreadsheetError(path: path, call: place, message: "the number is \(value); expected a finite number") }
                        try check(worksheet_write_number(worksheet, rowIndex, lxw_col_t(column), value, nil), path: path, call: place)
                    case let .text(text):
                        try check(worksheet_write_string(worksheet, rowIndex, lxw_col_t(column), text, nil), path: path, call: place)
                    case .empty:
                        break
                    }
                }
            }
        }
    }

    private static func check(_ status: lxw_error, path: String, call: String) throws {
        guard status != LXW_NO_ERROR else { return }
        throw SpreadsheetError(path: path, call: call, message: String(cString: lxw_strerror(status)))
    }
}

/// A spreadsheet that could not be written: the file, the call or cell, and libxlsxwriter's message.
public struct SpreadsheetError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let call: String
    public let message: String

    public var description: String { "\(path): \(message) (\(call))" }
}
