import Foundation

/// Writes command output: to standard output, or to a file atomically so that a failed run leaves no partial file.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CLIError(description: "\(path): cannot write the report: \(error.localizedDescription)")
        }
    }
}
