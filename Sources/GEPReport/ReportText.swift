import Foundation

/// A report's text as the pieces it is made in, in order.
///
/// The CSV of 10⁵ units is tens of megabytes, made as UTF-8 bytes one piece per core: a writer writes the pieces
/// one after another, where joining them into one `String` copied and re-validated every byte. Such pieces are made
/// while the text is written (``Piece/deferred(_:)``): the pieces still to come are made on the machine's cores
/// while the ones before them are written, and each is let go once written.
public struct ReportText: Sendable {
    /// Text made as a string, or as bytes that are valid UTF-8, made when the text is written.
    public enum Piece: Sendable {
        case string(String)
        case deferred(@Sendable () -> [UInt8])
    }

    public let pieces: [Piece]

    public init(_ text: String) { pieces = [.string(text)] }

    public init(pieces: [Piece]) { self.pieces = pieces }

    /// The whole text as one string.
    public var string: String {
        if pieces.count == 1, case let .string(text) = pieces[0] { return text }
        var bytes: [UInt8] = []
        forEachUTF8 { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with the bytes of each piece in order; deferred pieces are made on other threads meanwhile, each
    /// let go once `body` has had it.
    public func forEachUTF8(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let deferred = DeferredPieces(pieces)
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case var .string(text): try text.withUTF8(body)
            case .deferred: try deferred.take(index).withUnsafeBufferPointer(body)
            }
        }
    }
}

/// The deferred pieces of a text, made in index order on the machine's cores from the moment the text starts being
/// written, each taken (and let go) by the writer when its turn comes.
private final class DeferredPieces: @unchecked Sendable {
    private let condition = NSCondition()
    private var made: [Int: [UInt8]] = [:]

    init(_ pieces: [ReportText.Piece]) {
        let makers = pieces.enumerated().compactMap { index, piece -> (index: Int, make: @Sendable () -> [UInt8])? in
            if case let .deferred(make) = piece { (index, make) } else { nil }
        }
        guard !makers.isEmpty else { return }
        DispatchQueue.global().async { [self] in
            DispatchQueue.concurrentPerform(iterations: makers.count) { k in
                let bytes = makers[k].make()
                condition.withLock {
                    made[makers[k].index] = bytes
                    condition.broadcast()
                }
            }
        }
    }

    /// The bytes of the deferred piece at `index`, waiting until they are made.
    func take(_ index: Int) -> [UInt8] {
        condition.withLock {
            while made[index] == nil { condition.wait() }
            return made.removeValue(forKey: index) ?? []
        }
    }
}
