import Foundation
import GEPCore

/// JSON written as it goes into one string, in exactly the layout `JSONEncoder` gives with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (two-space indent, `"key" : value`, empty containers as `[\n\n  ]`,
/// integral doubles without ".0"), so that a large report is encoded once instead of as a tree, a byte buffer and
/// two string copies. The caller writes an object's keys in sorted order.
struct JSONText {
    private(set) var text = ""
    /// The first number that JSON cannot hold (infinite or NaN), written as `null`; ``finished()`` refuses it.
    private var nonFinite: Double?
    /// For each open container, whether it still has no element.
    private var empty: [Bool] = []

    init(reservingCapacity capacity: Int) { text.reserveCapacity(capacity) }

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    /// The next key of the open object.
    mutating func key(_ name: String) {
        element()
        string(name)
        text += " : "
    }

    /// The next element of the open array (call before writing it).
    mutating func element() {
        guard let isEmpty = empty.last else { return }
        text += isEmpty ? "\n" : ",\n"
        empty[empty.count - 1] = false
        indent(empty.count)
    }

    mutating func string(_ value: String) {
        text += "\""
        // Most strings need no escape: appended whole, not piece by piece.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            text += value
            text += "\""
            return
        }
        // Only `"`, `\` and control characters are escaped; everything else, "/" and non-ASCII included, is
        // written as it is.
        var start = value.utf8.startIndex
        for index in value.utf8.indices {
            let byte = value.utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            text += value[start..<index]
            switch byte {
            case UInt8(ascii: "\""): text += "\\\""
            case UInt8(ascii: "\\"): text += "\\\\"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x08: text += "\\b"
            case 0x0C: text += "\\f"
            default:
                let hex = String(byte, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            start = value.utf8.index(after: index)
        }
        text += value[start...]
        text += "\""
    }

    /// A finite double as `JSONEncoder` writes it: its shortest round-trip text, without a trailing ".0".
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            nonFinite = nonFinite ?? value
            text += "null"
            return
        }
        let description = value.description
        text += description.hasSuffix(".0") ? description.dropLast(2) : Substring(description)
    }

    /// The text with a final newline (added in place: a large report's text is not copied again).
    ///
    /// - Throws: `EncodingError.invalidValue`, as `JSONEncoder` does, when a number was not finite.
    mutating func finished() throws -> String {
        if let nonFinite {
            throw EncodingError.invalidValue(nonFinite, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode Double.\(nonFinite) directly in JSON."))
        }
        text += "\n"
        return text
    }

    mutating func integer(_ value: Int) { text += String(value) }

    mutating func bool(_ value: Bool) { text += value ? "true" : "false" }

    mutating func null() { text += "null" }

    /// An array with one element per item, each written by `body`, the items cut into one piece per core and each
    /// piece written into its own text at this depth, then joined in order: the same bytes as writing them in turn.
    mutating func parallelArray<T: Sendable>(_ items: [T], _ body: @escaping @Sendable (inout JSONText, T) -> Void) {
        beginArray()
        let stack = empty, pieces = parallelChunks(items.count)
        let written = parallelMap(items.isEmpty ? 0 : pieces.count) { p in
            var piece = JSONText(reservingCapacity: 0)
            // The first piece opens the array's first element; the others follow an element.
            piece.empty = stack
            piece.empty[stack.count - 1] = p == 0
            for item in items[pieces[p]] {
                piece.element()
                body(&piece, item)
            }
            return (text: piece.text, nonFinite: piece.nonFinite)
        }
        text.reserveCapacity(text.utf8.count + written.reduce(0) { $0 + $1.text.utf8.count })
        for piece in written {
            text += piece.text
            nonFinite = nonFinite ?? piece.nonFinite
        }
        if !items.isEmpty { empty[empty.count - 1] = false }
        endArray()
    }

    private mutating func open(_ bracket: String) {
        text += bracket
        empty.append(true)
    }

    private mutating func close(_ bracket: String) {
        let wasEmpty = empty.removeLast()
        text += wasEmpty ? "\n\n" : "\n"
        indent(empty.count)
        text += bracket
    }

    private mutating func indent(_ depth: Int) {
        for _ in 0..<depth { text += "  " }
    }
}
