/// Text made safe for where a report goes: a spreadsheet, a Markdown viewer, a terminal. Names and ids come from
/// model files that a user may have been sent, so none of them may run, inject markup or drive a terminal.

/// An RFC 4180 field that a spreadsheet will not run.
///
/// Quoted when it holds a comma, a quote, CR or LF (checked per Unicode scalar: Swift reads "\r\n" as one Character,
/// so a lone "\n" would otherwise slip through and split the row). Text that is not a number and starts with =, +, −,
/// @, a tab or CR is prefixed with an apostrophe, which Excel and LibreOffice read as "this is text" instead of a
/// formula (OWASP, "CSV Injection"); numbers, negative ones included, are written as they are.
func csvEscape(_ text: String) -> String {
    // Scanned as UTF-8 bytes: every character tested is ASCII, and a CSV of 10⁵ units escapes millions of fields.
    var field = text
    if let first = field.utf8.first, startsFormula(first), Double(field) == nil {
        field = "'" + field
    }
    guard field.utf8.contains(where: needsQuotes) else { return field }
    // Quotes doubled only where there are any: Foundation's replacing costs more than the rest of the row.
    return "\"" + (field.utf8.contains(UInt8(ascii: "\"")) ? field.replacingOccurrences(of: "\"", with: "\"\"") : field) + "\""
}

/// The first bytes a spreadsheet reads as the start of a formula: = + - @ tab CR. A switch, not a `Set`: a set hashes
/// every byte it is asked about.
func startsFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): true
    default: false
    }
}

/// The bytes that make a CSV field need quotes: comma, quote, CR, LF.
func needsQuotes(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"): true
    default: false
    }
}

/// Text for Markdown (a heading, a list item, a table cell): &, < and > as entities, so no raw HTML reaches the
/// viewer; | escaped, so a cell cannot split its table; line breaks as spaces, so a name cannot end its line.
func markdownText(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "|": result += "\\|"
        case "\n", "\r": result += " "
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// Text safe to print on a terminal: control characters removed (C0 but tab and line feed, DEL, and C1), so that a
/// name holding an escape sequence cannot move the cursor, recolour the screen or retitle the window.
public func terminalSafe(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isTerminalControl(scalar) { result.append(scalar) }
    return String(result)
}

private func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: return false
    case 0x00...0x1F, 0x7F...0x9F: return true
    default: return false
    }
}
