/// Text built as UTF-8 bytes, for the tables of large accounts and comparisons (10⁵ units give 10⁵–10⁶ rows): growing
/// a `String` piece by piece was a fifth of such a run.

extension [UInt8] {
    /// Appends the text's UTF-8 bytes in one copy (`append(contentsOf: text.utf8)` goes through the generic sequence
    /// path, a third of the account CSV's rendering).
    mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}

extension [UInt8] {
    /// Appends `text` as ``csvEscape(_:)`` writes it, in one pass over its bytes when only the quotes around it
    /// are needed (a scheme's explanations hold commas on every row); the escaped copy is built only for a field
    /// with a quote or a formula's first character.
    mutating func appendCSVField(_ text: String) {
        var text = text
        let needsEscaping = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first else { return false }
            guard !startsFormula(first) else { return true }
            var quoted = false
            for byte in bytes where needsQuotes(byte) {
                guard byte != UInt8(ascii: "\"") else { return true }
                quoted = true
            }
            if quoted { append(UInt8(ascii: "\"")) }
            append(contentsOf: bytes)
            if quoted { append(UInt8(ascii: "\"")) }
            return false
        }
        if needsEscaping { appendUTF8(csvEscape(text)) }
    }
}
