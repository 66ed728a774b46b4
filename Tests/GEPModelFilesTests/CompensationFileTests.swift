import Compensation
import Foundation
import GEPCore
import GEPModelFiles
import Testing

@Suite("Compensation model files")
struct CompensationFileTests {
    static let models = ModelFolder.packageRoot.appendingPathComponent("models")

    /// Xilinhot: units and GEP come from the region account; regime areas and the 7.5 / 2.5 元/亩 rates from the
    /// file. Area rates: (870 + 463.95) 万亩 × 7.5 + 720 万亩 × 2.5 = 10 004.625 + 1 800 = 11 804.625 万元.
    @Test func readsXilinhotGrassland() throws {
        let model = try CompensationFile.read(Self.models.appendingPathComponent("compensation/xilinhot-grassland.yaml").path, registry: registry)
        #expect(model.problem.units.map(\.id) == ["north", "central", "south"])
        #expect(abs(model.problem.budget.yuan - 118_046_000) < 1e-3)
        #expect(model.schemes.map(\.id) == ["area-rates", "gep-share", "opportunity-cost", "ahp", "entropy-topsis", "service-flow", "shapley", "optimised"])
        let rates = try model.schemes(["area-rates"])[0].allocate(model.problem)
        #expect(abs(rates.total - 118_046_250) < 1e-3)
        #expect(abs(rates.amounts[0] - 18_000_000) < 1e-6)
        let run = try RegionModelFile.read(Self.models.appendingPathComponent("regions/xilinhot.yaml").path, registry: registry).run(with: registry)
        #expect(try model.problem.values(of: "gep") == run.account.gepByUnit)
    }

    /// Every budget-constrained scheme in both bundled files splits exactly the budget.
    @Test(arguments: ["genhe-units", "xilinhot-grassland"])
    func budgetConstrainedSchemesSumToTheBudget(file: String) throws {
        let model = try CompensationFile.read(Self.models.appendingPathComponent("compensation/\(file).yaml").path, registry: registry)
        for (id, scheme) in model.schemes {
            let allocation = try scheme.allocate(model.problem)
            #expect(allocation.amounts.count == model.problem.units.count)
            if allocation.budgetConstrained {
                #expect(abs(allocation.total - model.problem.budget.yuan) <= 1e-9 * model.problem.budget.yuan, "\(id)")
            }
        }
    }

    /// `weights:` on the optimised scheme and a stated `game:` on Shapley load from the file. Expected values by the
    /// closed forms, from the zones' GEP: synergy φᵢ = (1 + r(n − 1)/2)xᵢ + (r/2)(X − xᵢ); the weighted scheme with
    /// floors that bind nowhere gives the GEP share itself whatever the weights (the target already sums to the budget),
    /// so a cap on central at 3000 万元 frees money that north and south take by λ/(2wᵢ), here with w_south = 3.
    @Test func readsUnitWeightsAndAStatedCoalitionRule() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/xilinhot-grassland.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  shapley: {}\n", with: "  shapley: {game: {rule: synergy, indicator: gep, rate: 0.1, source: xilinhot-plan, status: assumed, note: test}}\n")
            .replacingOccurrences(of: "    floors:                     # no zone below 75 % of what the subsidy rates pay it\n      north: {value: 1350, unit: 万元}\n      central: {value: 4893.75, unit: 万元}\n      south: {value: 2609.72, unit: 万元}",
                                  with: "    caps: {central: {value: 3000, unit: 万元}}\n    weights: {south: 3}")
        #expect(text.contains("weights: {south: 3}") && text.contains("rule: synergy"))
        let model = try withModelFile(text) { try CompensationFile.read($0, registry: registry) }
        let x = try model.problem.values(of: "gep"), total = x.reduce(0, +), budget = model.problem.budget.yuan
        let phi = x.map { 1.1 * $0 + 0.05 * (total - $0) }
        expectClose(try model.schemes(["shapley"])[0].allocate(model.problem).amounts, phi.map { budget * $0 / phi.reduce(0, +) })
        let target = x.map { budget * $0 / total }
        let freed = target[1] - 30_000_000
        #expect(freed > 0, "the cap must bind for the test to mean anything")
        let half = freed / (1 + 1.0 / 3)
        expectClose(try model.schemes(["optimised"])[0].allocate(model.problem).amounts, [target[0] + half, 30_000_000, target[2] + half / 3])
    }

    /// Genhe's opportunity costs and public-welfare forest areas given as a CSV table (`units-file:`) instead of the
    /// `units:` list give every scheme the same allocation.
    @Test func unitsFromATableMatchTheList() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/genhe-units.yaml"), encoding: .utf8)
        let listed = try CompensationFile.read(Self.models.appendingPathComponent("compensation/genhe-units.yaml").path, registry: registry)
        let parts = text.components(separatedBy: "\nunits:\n")
        try #require(parts.count == 2)
        let rest = try #require(parts[1].range(of: "\nschemes:"))
        let yaml = parts[0] + "\nunits-file: {path: units.csv, source: welfare-forest, year: 2022, status: assumed, note: the list's figures}\n" + parts[1][rest.lowerBound...]
        // The list's figures, in its units (万元, 万亩).
        let csv = """
            id,opportunity-cost [万元],regime:public-welfare-forest [万亩]
            manggui,4229,422.9
            jinhe,7367,736.7
            alongshan,3865,386.5
            derbur,4600,386.5
            aoluguya,3865,386.5
            city,3500,386.5
            """
        let table = try withModelFile(yaml, beside: ["units.csv": csv]) { try CompensationFile.read($0, registry: registry) }
        #expect(table.schemes.map(\.id) == listed.schemes.map(\.id))
        for ((id, a), (_, b)) in zip(listed.schemes, table.schemes) {
            expectClose(try b.allocate(table.problem).amounts, try a.allocate(listed.problem).amounts)
            #expect(!id.isEmpty)
        }
        #expect(table.provenance.contains { $0.item == "units-file opportunity-cost [万元]" && $0.provenance.status == .assumed })
        func failure(_ csv: String, _ yaml: String = yaml) -> String {
            let error = try? withModelFile(yaml, beside: ["units.csv": csv]) { path in
                #expect(throws: ModelFileError.self) { try CompensationFile.read(path, registry: registry) }
            }
            return (error ?? nil).map { String(describing: $0) } ?? ""
        }
        #expect(failure("id,opportunity-cost [万元]\nnowhere,1\n").contains("units.csv:2:1: id: no unit \"nowhere\" in the region"))
        #expect(failure("id,rainfall [mm]\ncity,1\n").contains("units.csv:1:2: rainfall [mm]: not an indicator declared under `indicators:`"))
        #expect(failure("id,opportunity-cost [万元]\ncity,x\n").contains("units.csv:2:2: opportunity-cost [万元]: \"x\" is not a finite number"))
        #expect(failure("id,opportunity-cost [万元]\ncity,1\ncity,2\n").contains("units.csv:3:1: id: unit id \"city\" appears twice"))
        #expect(failure("id,opportunity-cost [km²]\ncity,1\n").contains("units.csv:1:2"))
        #expect(failure("id,regime:public-welfare-forest [万亩]\ncity,-1\n").contains("a regime area cannot be"))
        #expect(failure("id,opportunity-cost [万元]\ncity,1\n", yaml.replacingOccurrences(of: "year: 2022, status: assumed", with: "status: assumed"))
            .contains("money needs the `year:` of its prices"))
        #expect(failure("id,opportunity-cost [万元]\ncity,1\n", text.replacingOccurrences(of: "\nunits:\n", with: "\nunits-file: {path: units.csv, source: welfare-forest, year: 2022, status: assumed, note: the list's figures}\nunits:\n"))
            .contains("give the units as `units:` or as `units-file:`, not both"))
    }

    /// `previous-year: 2021` runs the Genhe model's 2021 (which repeats 2022's inputs, so every unit's real growth is 0):
    /// at a −1 % threshold each unit's excess is GEP − 0.99 GEP = 0.01 GEP, so the reward is exactly the GEP share;
    /// at 0 % nobody qualifies and the budget is unspent.
    @Test func growthRewardReadsThePreviousYearFromTheRegionModel() throws {
        let base = try String(contentsOf: Self.models.appendingPathComponent("compensation/genhe-units.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\nschemes:\n", with: "\nprevious-year: 2021\n\nschemes:\n  growth-reward: {threshold-percent: -1}\n")
        let model = try withModelFile(base) { try CompensationFile.read($0, registry: registry) }
        let gep = try model.problem.values(of: "gep")
        #expect(try model.problem.values(of: "gep-previous") == gep)
        let budget = model.problem.budget.yuan
        expectClose(try model.schemes(["growth-reward"])[0].allocate(model.problem).amounts, gep.map { budget * $0 / gep.reduce(0, +) })
        let strict = try withModelFile(base.replacingOccurrences(of: "threshold-percent: -1", with: "threshold-percent: 0")) { try CompensationFile.read($0, registry: registry) }
        let none = try strict.schemes(["growth-reward"])[0].allocate(strict.problem)
        #expect(none.total == 0 && !none.budgetConstrained)
    }

    /// Banded reward on Genhe with `previous-year: 2021` (growth 0 everywhere, so ranks follow unit order): manggui
    /// and jinhe take band 1 (3000 万元 each), alongshan and derbur band 2 (1000 万元), the rest nothing; 8000 万元 of
    /// the 1 亿元 is paid. The decline penalty finds no decline and gives its base, GEP share, unchanged.
    @Test func bandedRewardAndDeclinePenaltyReadFromTheFile() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/genhe-units.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\nschemes:\n  gep-share: {}\n", with: """

                previous-year: 2021

                schemes:
                  gep-share: {}
                  banded-reward: {bands: [{units: 2, amount: {value: 3000, unit: 万元}}, {units: 2, amount: {value: 1000, unit: 万元}}]}
                  decline-penalty: {base: gep-share, penalty-percent-per-point: 4}

                """)
        let model = try withModelFile(text) { try CompensationFile.read($0, registry: registry) }
        let banded = try model.schemes(["banded-reward"])[0].allocate(model.problem)
        #expect(banded.amounts == [30_000_000, 30_000_000, 10_000_000, 10_000_000, 0, 0])
        #expect(banded.notes == ["the bands pay 8e+07 元; 2e+07 元 of the budget is unspent"])
        let gep = try model.problem.values(of: "gep")
        expectClose(try model.schemes(["decline-penalty"])[0].allocate(model.problem).amounts, gep.map { 100_000_000 * $0 / gep.reduce(0, +) })
    }

    /// `scorecard:` on banded-reward: Genhe's flat years tie every score at 1, so the order is the file's, as by growth;
    /// an indicator the problem cannot score (service shares) is refused at its key.
    @Test func bandedRewardRanksByAScorecardFromTheFile() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/genhe-units.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\nschemes:\n", with: "\nprevious-year: 2021\n\nschemes:\n  banded-reward: {scorecard: {real-growth: 0.6, gep-per-km2: 0.4}, bands: [{units: 1, amount: {value: 3000, unit: 万元}}]}\n")
        let model = try withModelFile(text) { try CompensationFile.read($0, registry: registry) }
        #expect(try model.schemes(["banded-reward"])[0].allocate(model.problem).amounts == [30_000_000, 0, 0, 0, 0, 0])
        let bad = text.replacingOccurrences(of: "scorecard: {real-growth: 0.6", with: "scorecard: {share:water: 0.6")
        #expect(try loadError(bad).contains("schemes.banded-reward.scorecard"))
    }

    @Test func growthRewardWithoutAPreviousYearIsRefused() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/genhe-units.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\nschemes:\n", with: "\nschemes:\n  growth-reward: {threshold-percent: 3}\n")
        #expect(try loadError(text).contains("schemes.growth-reward: needs each unit's previous GEP: set `previous-year:`"))
        let wrongYear = text.replacingOccurrences(of: "\nschemes:\n", with: "\nprevious-year: 2019\n\nschemes:\n")
        #expect(try loadError(wrongYear).contains("previous-year: expected a year other than 2022 that"))
    }

    @Test func unknownCoalitionRuleIsRefused() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/xilinhot-grassland.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  shapley: {}\n", with: "  shapley: {game: {rule: cube, indicator: gep}}\n")
        #expect(try loadError(text).contains("schemes.shapley.game.rule: unknown coalition rule \"cube\"; expected power or synergy"))
    }

    @Test func inconsistentJudgementsAreRefusedAtTheirLine() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/xilinhot-grassland.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "pairwise: [[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]]", with: "pairwise: [[1, 9, 1/9], [1/9, 1, 9], [9, 1/9, 1]]")
        let message = try loadError(text)
        #expect(message.contains("schemes.ahp.pairwise: AHP pairwise matrix is inconsistent: consistency ratio CR = 6.1303 ≥ 0.1"), "\(message)")
    }

    @Test func unknownUnitIsNamed() throws {
        let text = try String(contentsOf: Self.models.appendingPathComponent("compensation/xilinhot-grassland.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  - id: south\n", with: "  - id: southh\n")
        #expect(try loadError(text).contains("no unit \"southh\""))
    }

    private func loadError(_ text: String) throws -> String {
        let error = try withModelFile(text) { path in #expect(throws: ModelFileError.self) { try CompensationFile.read(path, registry: registry) } }
        return error.map { String(describing: $0) } ?? ""
    }

    private func expectClose(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) <= 1e-9 * max(1, abs(e)), "\(a) vs \(e)", sourceLocation: sourceLocation) }
    }

    /// Runs `body` on `text` written in a temporary `compensation/` folder beside links to the bundled `regions/` and
    /// `prices/` (so `region: ../regions/…` resolves). Not in `models/` itself: other tests list that folder while
    /// these run.
    private func withModelFile<T>(_ text: String, beside files: [String: String] = [:], _ body: (String) throws -> T) throws -> T {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("gep-compensation-\(UUID().uuidString)")
        try manager.createDirectory(at: root.appendingPathComponent("compensation"), withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: root) }
        for name in ["regions", "prices"] {
            try manager.createSymbolicLink(at: root.appendingPathComponent(name),
                                           withDestinationURL: ModelFolder.packageRoot.appendingPathComponent("models/\(name)"))
        }
        let path = root.appendingPathComponent("compensation/test.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for (name, contents) in files {
            try contents.write(to: root.appendingPathComponent("compensation/\(name)"), atomically: true, encoding: .utf8)
        }
        return try body(path)
    }
}
