import GEPCore
import Testing

@Suite("gep: version, services, errors")
struct ServicesCommandTests {
    @Test func printsVersion() throws {
        let run = try runGEP(["--version"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "gep \(GEPKit.version)\n")
    }

    @Test func unknownServiceGoesToStandardErrorWithNonZeroExit() throws {
        let run = try runGEP(["services", "show", "no-such-service"])
        #expect(run.status != 0)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("unknown service \"no-such-service\""))
    }

    @Test func unknownSubcommandFails() throws {
        let run = try runGEP(["frobnicate"])
        #expect(run.status != 0)
        #expect(!run.standardError.isEmpty)
    }
}

@Suite("gep services list / show")
struct ServiceCatalogCommandTests {
    static let builtIns = ["provisioning-products", "water-conservation", "soil-retention", "wind-sand-fixation",
                           "flood-regulation", "carbon-sink", "oxygen-release", "climate-regulation",
                           "air-purification", "water-purification", "cultural-tourism"]
    /// InVEST's models, after the guideline's services (their source is natcap/invest, not the guideline).
    static let investModels = ["invest-carbon", "invest-carbon-sequestration", "invest-annual-water-yield"]

    /// Every built-in module appears once, in registry order, with its category and unit.
    @Test func listShowsEveryModuleWithCategoryAndUnit() throws {
        let run = try runGEP(["services", "list"])
        #expect(run.status == 0)
        let services = run.standardOutput.components(separatedBy: "\n\n")[0]
        let rows = services.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.map { String($0[0]) } == Self.builtIns + Self.investModels)
        let carbon = try #require(rows.first { $0[0] == "carbon-sink" })
        #expect(carbon.contains("regulating") && carbon.contains("CO₂"))
        let tourism = try #require(rows.first { $0[0] == "cultural-tourism" })
        #expect(tourism.contains("cultural") && tourism.contains("visit"))
    }

    /// The grid derivations follow the services, and `show` documents one: formula, source, operands with units.
    @Test func derivationsAreListedAndShown() throws {
        let list = try runGEP(["services", "list"]).standardOutput
        let derivations = try #require(list.components(separatedBy: "\n\n").last)
        let ids = derivations.split(separator: "\n").dropFirst(3).map { String($0.split(separator: " ")[0]) }
        #expect(ids == ["epic-erodibility", "rusle-ls", "rweq-weather-factor"])
        let ls = try #require(derivations.split(separator: "\n").first { $0.hasPrefix("rusle-ls ") })
        #expect(ls.contains("slope-length-steepness") && ls.contains("whole grid"))
        let run = try runGEP(["services", "show", "rweq-weather-factor"])
        #expect(run.status == 0 && run.standardOutput.hasPrefix("rweq-weather-factor  grid derivation giving weather-factor"))
        let operands = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(operands.contains { $0.contains("wind-speed") && $0.contains("12") }, "\(run.standardOutput)")
        #expect(run.standardOutput.contains("formula: WF = "))
    }

    @Test(arguments: builtIns)
    func showPrintsFormulaInputsAndSource(id: String) throws {
        let run = try runGEP(["services", "show", id])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix(id + "  "))
        #expect(run.standardOutput.contains("formula: "))
        #expect(run.standardOutput.contains("source:  GEP technical guideline (2020)"))
        #expect(run.standardOutput.contains("(default)"))
    }

    @Test func showListsInputsWithDimensionsAndPrices() throws {
        let run = try runGEP(["services", "show", "water-conservation"])
        #expect(run.standardOutput.contains("formula: Q = Σᵢ Aᵢ·(Pᵢ − Rᵢ − ETᵢ)"))
        let precipitation = try #require(run.standardOutput.split(separator: "\n").first { $0.contains("precipitation ") })
        #expect(precipitation.contains("length") && precipitation.contains("by ecosystem type"))
        #expect(run.standardOutput.contains("reservoir-construction-cost  m³"))
        let coefficient = try #require(run.standardOutput.split(separator: "\n").first { $0.hasPrefix("  runoff-coefficient ") })
        #expect(coefficient.contains("unless storm-runoff is given"))
    }

    /// Conditional inputs say when they are needed: the lake model's inputs for a unit with a lake, the flood share
    /// for a reservoir or a given total storage.
    @Test func showSaysWhenConditionalInputsAreNeeded() throws {
        let lines = try runGEP(["services", "show", "flood-regulation"]).standardOutput.split(separator: "\n")
        let turnover = try #require(lines.first { $0.hasPrefix("  lake-turnover ") })
        #expect(turnover.contains("when the unit has lake area"))
        let share = try #require(lines.first { $0.hasPrefix("  reservoir-flood-share ") })
        #expect(share.contains("when the unit has reservoir area, or reservoir-total-storage is given"))
        let climate = try runGEP(["services", "show", "climate-regulation"]).standardOutput
        #expect(climate.contains("when the unit has water or wetland area"))
    }
}
