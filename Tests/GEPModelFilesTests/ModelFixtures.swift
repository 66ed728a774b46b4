import Foundation
import GEPCore
import GEPServices

/// A temporary folder holding a region file and copies of the real price book and deflator, for load tests.
struct ModelFolder {
    let url: URL

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("prices"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("regions"), withIntermediateDirectories: true)
        for name in ["gep-guideline-2010.yaml", "china-cpi.yaml"] {
            try FileManager.default.copyItem(at: ModelFolder.packageRoot.appendingPathComponent("models/prices/\(name)"),
                                             to: url.appendingPathComponent("prices/\(name)"))
        }
    }

    /// Writes `text` as regions/NAME and returns its path.
    func region(_ text: String, name: String = "test.yaml") throws -> String {
        let path = url.appendingPathComponent("regions/\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A small valid region: one unit, water conservation only. Line numbers matter to the tests below.
let validRegion = """
    region: {id: test, name: Test}
    year: 2022
    prices: ../prices/gep-guideline-2010.yaml
    deflator: ../prices/china-cpi.yaml
    services:
      - id: water-conservation
    inputs:
      precipitation: {value: 500, unit: mm, source: test, status: published}
      runoff-coefficient: {value: 5, unit: "%", source: test, status: assumed, note: for the test}
      evapotranspiration: {value: 300, unit: mm, source: test, status: published}
    units:
      - id: a
        name: A
        areas:
          by-ecosystem-type: {deciduous-needleleaf-forest: 10}
          unit: km²
          source: test
          status: published

    """

let registry = BuiltInServices.registry()
