import Foundation
import GEPCore
import GEPServices
import Testing

/// The formula `gep services show` prints (each method's `formula`) and the formula in the kernel's doc comment are
/// two spellings of one equation; this test keeps them from drifting apart. Every "; "-separated part of every
/// method's formula must appear, word for word, in the doc comments of the kernel file that computes it.
@Suite("Printed formulas match the kernels' doc comments")
struct FormulaDocumentationTests {
    static let kernels = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/GEPServices/Kernels")

    /// The kernel file of each built-in service.
    static let kernelFile: [ServiceID: String] = [
        "provisioning-products": "ProvisioningKernel", "water-conservation": "WaterConservationKernel",
        "soil-retention": "SoilRetentionKernel", "wind-sand-fixation": "WindSandFixationKernel",
        "flood-regulation": "FloodRegulationKernel", "carbon-sink": "CarbonFixationKernel", "oxygen-release": "CarbonFixationKernel",
        "climate-regulation": "ClimateRegulationKernel", "air-purification": "PollutantRemovalKernel",
        "water-purification": "PollutantRemovalKernel", "cultural-tourism": "CulturalTourismKernel",
        "invest-carbon": "InVESTKernel", "invest-carbon-sequestration": "InVESTKernel", "invest-annual-water-yield": "InVESTKernel",
    ]

    /// The `///` lines of a file joined into one paragraph, whitespace collapsed, so that a formula wrapped across
    /// lines at a space still matches.
    static func docText(_ name: String) throws -> String {
        let source = try String(contentsOf: kernels.appendingPathComponent(name + ".swift"), encoding: .utf8)
        let doc = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("///") }.map { $0.dropFirst(3) }.joined(separator: " ")
        return doc.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: BuiltInServices.all.map(\.id))
    func everyPrintedFormulaIsInTheKernelDocComment(_ id: ServiceID) throws {
        let service = try BuiltInServices.registry().service(id)
        let file = try #require(Self.kernelFile[id], "no kernel file listed for \(id)")
        let doc = try Self.docText(file)
        for method in service.methods {
            for part in method.formula.components(separatedBy: "; ") {
                #expect(doc.contains(part), "\(id)/\(method.id): \"\(part)\" is not in the doc comment of \(file).swift")
            }
        }
    }

    /// The check can fail: a formula part that no doc comment holds is not found.
    @Test func anAlteredFormulaIsNotFound() throws {
        #expect(!(try Self.docText("WaterConservationKernel")).contains("Q = Σᵢ Aᵢ·(Pᵢ − ETᵢ)"))
    }
}
