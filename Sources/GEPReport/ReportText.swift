/// A report's text as the pieces it was made in, in order.
///
/// The CSV of 10⁵ units is tens of megabytes, made as UTF-8 bytes one piece per core: a writer writes the pieces
/// one after another, where joining them into one `String` copied and re-validated every byte.
public struct ReportText: Sendable {
    /// Text made as a string, or as bytes that are valid UTF-8.
    public enum Piece: Sendable {
        case string(String)
        case utf8([UInt8])
    }

    public let pieces: [Piece]

    public init(_ text: String) { pieces = [.string(text)] }

    public init(pieces: [Piece]) { self.pieces = pieces }

    /// Bytes made by this module's renderers, valid UTF-8 each.
    init(utf8 pieces: [[UInt8]]) { self.pieces = pieces.map(Piece.utf8) }

    /// The whole text as one string.
    public var string: String {
        guard pieces.count > 1 || pieces.contains(where: { if case .utf8 = $0 { true } else { false } }) else {
            if case let .string(text)? = pieces.first { return text }
            return ""
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(0) { count, piece in
            switch piece {
            case let .string(text): count + text.utf8.count
            case let .utf8(piece): count + piece.count
            }
        })
        forEachUTF8 { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with the bytes of each piece in order.
    public func forEachUTF8(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        for piece in pieces {
            switch piece {
            case var .string(text): try text.withUTF8(body)
            case let .utf8(bytes): try bytes.withUnsafeBufferPointer(body)
            }
        }
    }
}
