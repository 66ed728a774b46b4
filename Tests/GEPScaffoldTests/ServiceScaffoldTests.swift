import Foundation
import GEPScaffold
import Testing

@Suite("Service scaffolding")
struct ServiceScaffoldTests {
    @Test func namesFollowTheServiceID() throws {
        let scaffold = try ServiceScaffold(id: "reindeer-pasture", target: "GEPServices")
        #expect(scaffold.typeName == "ReindeerPasture")
        #expect(scaffold.files.map(\.path) == ["Sources/GEPServices/ReindeerPasture.swift", "Tests/GEPServicesTests/ReindeerPastureTests.swift"])
        #expect(scaffold.files[0].contents.contains("public let id: ServiceID = \"reindeer-pasture\""))
        #expect(scaffold.files[1].contents.contains("Issue.record(\"ReindeerPasture has no worked example yet"))
    }

    @Test(arguments: ["Reindeer", "reindeer_pasture", "-x", "x--y", "", "2x"])
    func badNamesAreRefused(name: String) {
        #expect(throws: ScaffoldError.badName(name)) { try ServiceScaffold(id: name, target: "GEPServices") }
    }

    @Test func writesOnceAndRefusesToOverwrite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/Mine"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let scaffold = try ServiceScaffold(id: "bird-habitat", target: "Mine")
        let written = try scaffold.write(into: root)
        #expect(written.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(throws: ScaffoldError.self) { try scaffold.write(into: root) }
        #expect(throws: ScaffoldError.missingTarget("Other")) { try ServiceScaffold(id: "x", target: "Other").write(into: root) }
    }
}
