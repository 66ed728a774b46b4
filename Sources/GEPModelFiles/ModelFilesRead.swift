import Foundation

/// The files a load reads (YAML model files and CSV tables), recorded while ``recording(_:)`` runs, so that a command
/// can refuse to write its report over any input of the run without parsing the model a second time (for a
/// compensation file of 10⁴ units the second parse was a quarter of `gep compare-schemes`), and so that files no
/// YAML key names, such as a region's `units-file:` table, are covered too.
public enum ModelFilesRead {
    /// Runs `body` and returns its value with every model file read during it, in the order first read.
    public static func recording<T>(_ body: () throws -> T) rethrows -> (value: T, files: [String]) {
        let record = Record()
        let value = try $current.withValue(record) { try body() }
        return (value, record.files)
    }

    /// Notes that `path` was read, when a recording is running.
    static func note(_ path: String) { current?.add(path) }

    @TaskLocal private static var current: Record?

    private final class Record: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []

        var files: [String] { lock.withLock { paths } }

        func add(_ path: String) { lock.withLock { if !paths.contains(path) { paths.append(path) } } }
    }
}
