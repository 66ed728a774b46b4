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
    /// Appends `text` as ``csvEscape(_:)`` writes it, without building the escaped string when only the quotes around
    /// it are needed (a scheme's explanations hold commas on every row).
    mutating func appendCSVField(_ text: String) {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.contains(where: needsQuotes) else {
            return appendUTF8(bytes.first.map(startsFormula) == true ? csvEscape(text) : text)
        }
        guard !startsFormula(first), !bytes.contains(UInt8(ascii: "\"")) else { return appendUTF8(csvEscape(text)) }
        append(UInt8(ascii: "\""))
        appendUTF8(text)
        append(UInt8(ascii: "\""))
    }
}

/// The pieces, valid UTF-8 each, as one string, copied once into the string's own storage.
func joinedUTF8(_ pieces: [[UInt8]]) -> String {
    String(unsafeUninitializedCapacity: pieces.reduce(0) { $0 + $1.count }) { buffer in
        var end = 0
        for piece in pieces {
            piece.withUnsafeBytes { UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[end..<(end + piece.count)])).copyMemory(from: $0) }
            end += piece.count
        }
        return end
    }
}
