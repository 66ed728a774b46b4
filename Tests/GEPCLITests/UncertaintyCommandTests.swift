import Foundation
import GEPReport
import Testing

@Suite("gep uncertainty and gep sensitivity")
struct UncertaintyCommandTests {
    static func model(_ name: String) -> String { packageRoot.appendingPathComponent("models/regions/\(name).yaml").path }

    /// Genhe with 200 draws: the 5–95 % interval of GEP contains the median, and the deterministic GEP lies inside
    /// the range of the draws; the same seed prints the same numbers.
    @Test func genheSummaryAndRepeatability() throws {
        let first = try runGEP(["uncertainty", Self.model("genhe"), "--draws", "200", "--seed", "7", "--format", "json"])
        #expect(first.status == 0, "\(first.standardError)")
        let report = try JSONDecoder().decode(UncertaintyReport.self, from: Data(first.standardOutput.utf8))
        #expect(report.schema == "gepkit.uncertainty/1" && report.draws == 200)
        #expect(report.total.p5 < report.total.median && report.total.median < report.total.p95)
        #expect(report.histogram.reduce(0) { $0 + $1.count } == 200)
        #expect(report.histogram.first!.lowerYuan <= report.deterministicGEPYuan && report.deterministicGEPYuan <= report.histogram.last!.upperYuan)
        #expect(report.services.map(\.id) == ["water-conservation", "soil-retention", "flood-regulation", "carbon-sink", "oxygen-release"])
        let second = try runGEP(["uncertainty", Self.model("genhe"), "--draws", "200", "--seed", "7", "--format", "json"])
        #expect(second.standardOutput == first.standardOutput)
    }

    /// Manzhouli's only uncertain values are prices, so its draws are valued with one dgemm; the JSON is identical
    /// with one and with two BLAS threads.
    @Test func identicalWhateverTheThreadCount() throws {
        let arguments = ["uncertainty", Self.model("manzhouli"), "--draws", "3000", "--seed", "3", "--format", "json"]
        let one = try runGEP(arguments, environment: ["OPENBLAS_NUM_THREADS": "1"])
        let two = try runGEP(arguments, environment: ["OPENBLAS_NUM_THREADS": "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.standardOutput == two.standardOutput)
    }

    /// Sensitivity of Genhe: water conservation dominates, so precipitation has the largest elasticity and the
    /// price elasticity of the reservoir cost is its share of GEP (0.957); the HTML has the tornado chart.
    @Test func genheSensitivity() throws {
        let run = try runGEP(["sensitivity", Self.model("genhe"), "--samples", "60", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(SensitivityReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.rows.first?.parameter == "precipitation")
        let reservoir = try #require(report.rows.first { $0.parameter == "price reservoir-construction-cost" })
        #expect(abs(reservoir.elasticity - (360.61 + 1.65) / 376.96) < 1e-3)
        let html = try runGEP(["sensitivity", Self.model("genhe"), "--samples", "20", "--format", "html"]).standardOutput
        #expect(html.contains("id=\"tornado\"") && html.components(separatedBy: "<svg").count == 2)
    }
}
