import CLibCrypto
import Foundation
import GEPCore
import GEPReport

extension RunMetadata {
    /// The metadata of this process's run: `tool` and its version, the time (from `SOURCE_DATE_EPOCH` when set, as
    /// reproducible builds do, else now), the command line as `tool` and this process's arguments, and every file of
    /// `inputs` (in order, each once, `..` resolved) with the SHA-256 of its bytes (OpenSSL's libcrypto).
    ///
    /// - Throws: ``CLIError`` naming a file that cannot be read.
    public static func current(tool command: String = "gep", inputs: [String], seed: UInt64? = nil) throws -> RunMetadata {
        var seen = Set<String>()
        let files = inputs.map(lexicallyNormalised).filter { seen.insert($0).inserted }
        let hashed = try files.map { path -> Input in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError(description: "\(path): cannot read the file to record its SHA-256 in the report")
            }
            return Input(path: path, sha256: try sha256(data, path: path))
        }
        let environment = ProcessInfo.processInfo.environment
        let time = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return RunMetadata(tool: "gep \(GEPKit.version)", generated: formatter.string(from: time),
                           command: ([command] + CommandLine.arguments.dropFirst().map(shellQuoted)).joined(separator: " "),
                           inputs: hashed, seed: seed)
    }
}

/// The SHA-256 of `data` in lower-case hex, by libcrypto's `EVP_Digest`.
///
/// - Throws: ``CLIError`` naming `path` when libcrypto reports a failure.
func sha256(_ data: Data, path: String) throws -> String {
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let status = data.withUnsafeBytes { bytes in EVP_Digest(bytes.baseAddress, bytes.count, &digest, &length, EVP_sha256(), nil) }
    guard status == 1, length == 32 else { throw CLIError(description: "\(path): libcrypto could not compute the file's SHA-256 (EVP_Digest)") }
    return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
}

/// `path` with `.` and `x/..` removed from its text ("models/regions/../prices/a.yaml" → "models/prices/a.yaml"), as
/// a reader of the report would write it; Foundation's `standardizingPath` leaves `..` in relative paths.
func lexicallyNormalised(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
        if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
}

/// `argument` as a POSIX shell reads it back: unchanged when it holds only safe characters, else in single quotes.
func shellQuoted(_ argument: String) -> String {
    let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
    guard !argument.isEmpty, argument.unicodeScalars.allSatisfy(safe.contains) else {
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    return argument
}
