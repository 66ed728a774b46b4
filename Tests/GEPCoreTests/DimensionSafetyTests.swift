import Foundation
import Testing

/// Adding an area to a volume must not compile. The test type-checks two small programs against the GEPCore
/// module just built: one that adds two areas (must compile, so the harness itself is sound) and one that adds an
/// area to a volume (must fail, naming the `+` operator).
@Suite("Units: mixing dimensions does not compile")
struct DimensionSafetyTests {
    @Test func addingAreaToVolumeDoesNotTypeCheck() throws {
        let good = try typeCheck("""
            import GEPCore
            let total = Quantity<Area>(1, .hectare) + Quantity<Area>(2, .mu)
            """)
        #expect(good.status == 0, "control program failed: \(good.output)")

        let bad = try typeCheck("""
            import GEPCore
            let nonsense = Quantity<Area>(1, .hectare) + Quantity<Volume>(2, .cubicMetre)
            """)
        #expect(bad.status != 0)
        #expect(bad.output.contains("error"), "\(bad.output)")
        #expect(bad.output.contains("Quantity<Volume>") || bad.output.contains("'+'"), "\(bad.output)")
    }

    /// Runs `swiftc -typecheck` on `source` with the test build's module directory on the import path.
    private func typeCheck(_ source: String) throws -> (status: Int32, output: String) {
        let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dimension-\(UUID().uuidString).swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck",
                             "-I", buildDirectory.appendingPathComponent("Modules").path,
                             "-I", packageRoot.appendingPathComponent("Sources/CLapack").path,
                             file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
