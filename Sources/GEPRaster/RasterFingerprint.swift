import Foundation
import GEPCore

/// A checksum of a raster model and its inputs, carried by every tile so that the merge refuses tiles of another model
/// or of other inputs, and tiles computed before a file changed.
///
/// It covers the bytes of every model file read (the model, its class tables, price book and deflator), and for each
/// raster or vector layer its size and its first and last mebibyte: reading all of a province's grids on every tile
/// would cost more than the tile. Files are named by their last path component, so that workers that mount the same
/// files elsewhere agree. The hash is 64-bit FNV-1a: it catches mix-ups, not tampering.
public enum RasterFingerprint {
    /// Bytes read from each end of a layer.
    static let sampleBytes = 1 << 20

    /// The fingerprint of `model`, read from `files` (the model files, as ``ModelFilesRead`` records them).
    ///
    /// - Throws: ``RasterError`` for a file that cannot be read.
    public static func of(_ model: RasterModel, files: [String]) throws -> String {
        var hash = FNV1a()
        for file in files {
            hash.add(name: file)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RasterError(path: file, call: "fingerprint", message: "cannot read the model file to fingerprint it")
            }
            hash.add(UInt64(data.count))
            hash.add(data)
        }
        for path in model.layers.map(\.path) {
            hash.add(name: path)
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw RasterError(path: path, call: "fingerprint", message: "cannot read the layer to fingerprint it")
            }
            defer { try? handle.close() }
            do {
                let size = try handle.seekToEnd()
                hash.add(size)
                try handle.seek(toOffset: 0)
                hash.add(try handle.read(upToCount: sampleBytes) ?? Data())
                try handle.seek(toOffset: size > UInt64(sampleBytes) ? size - UInt64(sampleBytes) : 0)
                hash.add(try handle.read(upToCount: sampleBytes) ?? Data())
            } catch {
                throw RasterError(path: path, call: "fingerprint", message: "cannot read the layer to fingerprint it: \(error)")
            }
        }
        return String(hash.value, radix: 16).leftPadded(to: 16)
    }

    /// Fowler–Noll–Vo FNV-1a, 64 bits (offset basis 14695981039346656037, prime 1099511628211).
    private struct FNV1a {
        private(set) var value: UInt64 = 14_695_981_039_346_656_037

        mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

        mutating func add(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { add($0) } }

        /// Through a buffer pointer: iterating `Data` itself cost a call a byte, 2 % of a 2 M-pixel tile's run.
        private mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var hash = value
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
            value = hash
        }

        mutating func add(name path: String) {
            let name = Data((path as NSString).lastPathComponent.utf8)
            add(UInt64(name.count))
            add(name)
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
