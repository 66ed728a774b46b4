import Foundation
import GEPReport
import Testing

@Suite("gep scorecard")
struct ScorecardCommandTests {
    /// Genhe's 2021 repeats 2022's inputs and every unit has the same ecosystem mix, so growth is 0 and GEP per km²
    /// the same everywhere: no indicator separates the units, every score is 1 and ranks follow file order. GEP per
    /// km² is the account's 192.29 万元/km² (378.02 亿元 over 19 659 km²), and each unit's shares sum to 1.
    @Test func genheUnitsOverTwoYears() throws {
        let run = try runGEP(["scorecard", "models/regions/genhe.yaml", "--base-year", "2021", "--bands", "A=0.8,B=0", "--format", "json"], in: packageRoot)
        #expect(run.status == 0, "\(run.standardError)")
        let report = try JSONDecoder().decode(ScorecardReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.rows.map(\.id) == ["manggui", "jinhe", "alongshan", "derbur", "aoluguya", "city"])
        #expect(report.rows.map(\.rank) == [1, 2, 3, 4, 5, 6])
        #expect(report.rows.allSatisfy { $0.score == 1 && $0.band == "A" && abs($0.realGrowthPercent) < 1e-9 && $0.bothGrew == nil })
        #expect(report.rows.allSatisfy { abs($0.gepPerSquareKilometre / 1e4 - 192.29) < 0.005 })
        #expect(report.rows.allSatisfy { abs($0.shares.values.reduce(0, +) - 1) < 1e-12 })
    }

    @Test func badWeightsAndUnknownServicesAreRefused() throws {
        let weights = try runGEP(["scorecard", "models/regions/genhe.yaml", "--base-year", "2021", "--weights", "growth=1"], in: packageRoot)
        #expect(weights.status != 0 && weights.standardError.contains("--weights: unknown indicator \"growth\""), "\(weights.standardError)")
        let services = try runGEP(["scorecard", "models/regions/genhe.yaml", "--base-year", "2021", "--services", "tourism"], in: packageRoot)
        #expect(services.status != 0 && services.standardError.contains("--services: \"tourism\" is not a service the model runs"), "\(services.standardError)")
        #expect(services.standardOutput.isEmpty)
    }
}
