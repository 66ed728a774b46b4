import Foundation
import GEPCore
import GEPModelFiles
import Testing

@Suite("Region model files: loading and located errors")
struct RegionModelFileTests {
    /// 10 km² keeping 500 − 25 − 300 = 175 mm: 1e7 m² × 0.175 m = 1 750 000 m³ at 7.06 元/m³ (2010) restated to 2022
    /// with the CPI chain: × 131.8025 / 100 = 9.30526 元/m³, so 16 284 202 元.
    @Test func loadsAndRunsASmallRegion() throws {
        let folder = try ModelFolder()
        defer { folder.remove() }
        let model = try RegionModelFile.read(try folder.region(validRegion), registry: registry)
        #expect(model.region.units.map(\.id) == ["a"])
        #expect(model.reportYear == 2022)
        let run = try model.run(with: registry)
        #expect(abs(run.account.physical[0, 0] - 1_750_000) < 1e-6)
        #expect(abs(run.account.gep.yuan - 1_750_000 * 7.06 * 1.318025033995125) < 1e-3)
    }

    @Test func malformedYAMLNamesLineAndColumn() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "year: 2022", with: "year: [2022"))
        #expect(message.contains("test.yaml:3:"), "\(message)")
        #expect(message.contains("malformed YAML"))
    }

    @Test func missingFieldIsNamed() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "year: 2022\n", with: ""))
        #expect(message.hasSuffix("test.yaml:1:1: year: missing required field"), "\(message)")
    }

    @Test func unknownUnitIsNamedAtItsLine() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "{value: 300, unit: mm,", with: "{value: 300, unit: furlongs,"))
        #expect(message.contains("test.yaml:10:"), "\(message)")
        #expect(message.contains("inputs.evapotranspiration.unit: unknown unit \"furlongs\"; expected a unit of length"))
    }

    @Test func wrongDimensionIsNamed() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "{value: 300, unit: mm,", with: "{value: 300, unit: m³,"))
        #expect(message.contains("unit \"m³\" measures volume, but length was expected"), "\(message)")
    }

    @Test func negativeAreaIsNamed() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "deciduous-needleleaf-forest: 10", with: "deciduous-needleleaf-forest: -10"))
        #expect(message.hasSuffix("test.yaml:15:56: units[0].areas.by-ecosystem-type.deciduous-needleleaf-forest: area is -10.0; expected a non-negative area"), "\(message)")
    }

    @Test func unknownServiceIsNamedWithTheKnownOnes() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "- id: water-conservation", with: "- id: water-conservaton"))
        #expect(message.contains("test.yaml:6:9: services[0].id: unknown service \"water-conservaton\"; known: provisioning-products, water-conservation"), "\(message)")
    }

    @Test func misspeltFieldIsRefused() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "year: 2022", with: "year: 2022\nreport-yaer: 2022"))
        #expect(message.contains("report-yaer: unknown field; expected one of"), "\(message)")
    }

    @Test func inputNoServiceReadsIsRefused() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "inputs:\n", with: "inputs:\n  nep: {value: 1, unit: t/ha, source: x, status: published}\n"))
        #expect(message.contains("inputs.nep: no chosen service reads an input named \"nep\""), "\(message)")
    }

    @Test func assumedWithoutNoteIsRefused() throws {
        let message = try loadError(validRegion.replacingOccurrences(of: "status: assumed, note: for the test", with: "status: assumed"))
        #expect(message.contains("is marked assumed without a reason"), "\(message)")
    }

    @Test func missingFileIsNamed() throws {
        #expect(throws: ModelFileError(file: "/no/such/file.yaml", line: nil, column: nil, field: "",
                                       message: "cannot read the file (missing or unreadable)")) {
            try RegionModelFile.read("/no/such/file.yaml", registry: registry)
        }
    }

    /// 3 万亩 split 60 % / 40 %: 20 km² × 0.6 = 12 km² of larch and 8 km² of meadow.
    @Test func totalAreaIsSplitByShares() throws {
        let folder = try ModelFolder()
        defer { folder.remove() }
        let text = validRegion
            .replacingOccurrences(of: "units:\n", with: """
                ecosystem-shares:
                  by-ecosystem-type: {deciduous-needleleaf-forest: 60, meadow: 40}
                  unit: "%"
                  source: test
                  status: published
                units:

                """)
            .replacingOccurrences(of: """
                    areas:
                      by-ecosystem-type: {deciduous-needleleaf-forest: 10}
                      unit: km²
                      source: test
                      status: published
                """, with: "    area: {value: 3, unit: 万亩, source: test, status: published}")
        let model = try RegionModelFile.read(try folder.region(text), registry: registry)
        let unit = model.region.units[0]
        #expect(abs(unit.area(of: .deciduousNeedleleafForest).value(in: .squareKilometre) - 12) < 1e-9)
        #expect(abs(unit.area(of: .meadow).value(in: .squareKilometre) - 8) < 1e-9)
    }

    @Test func sharesNotSummingToOneHundredAreRefused() throws {
        let text = validRegion.replacingOccurrences(of: "units:\n", with: """
            ecosystem-shares:
              by-ecosystem-type: {deciduous-needleleaf-forest: 60, meadow: 30}
              unit: "%"
              source: test
              status: published
            units:

            """)
        #expect(try loadError(text).contains("ecosystem-shares: shares sum to 90 %; expected 100 %"))
    }

    /// A year's `ecosystem-shares:` re-split each unit's total area (a second land survey); units that give their own
    /// areas by type are refused, since the shares cannot change them. 10 km² at 60 % larch in 2021, 70 % in 2022.
    @Test func yearSharesSplitTotalsAndRefuseUnitsWithOwnAreas() throws {
        let folder = try ModelFolder()
        defer { folder.remove() }
        let shares = { (larch: Int) in
            "{by-ecosystem-type: {deciduous-needleleaf-forest: \(larch), meadow: \(100 - larch)}, unit: \"%\", source: test, status: assumed, note: survey}"
        }
        let totals = validRegion
            .replacingOccurrences(of: "units:\n", with: "ecosystem-shares: \(shares(70))\nyears:\n  2021:\n    ecosystem-shares: \(shares(60))\nunits:\n")
            .replacingOccurrences(of: "    areas:\n      by-ecosystem-type: {deciduous-needleleaf-forest: 10}\n      unit: km²\n      source: test\n      status: published\n",
                                  with: "    area: {value: 10, unit: km², source: test, status: published}\n")
        let path = try folder.region(totals)
        let larch = { (year: Int?) in try RegionModelFile.read(path, registry: registry, year: year).region.units[0].area(of: .deciduousNeedleleafForest).value(in: .squareKilometre) }
        let (in2021, in2022) = (try larch(2021), try larch(nil))
        #expect(abs(in2021 - 6) < 1e-12 && abs(in2022 - 7) < 1e-12)

        let ownAreas = try folder.region(validRegion.replacingOccurrences(of: "units:\n", with: "years:\n  2021:\n    ecosystem-shares: \(shares(60))\nunits:\n"), name: "own.yaml")
        let error = #expect(throws: ModelFileError.self) { try RegionModelFile.read(ownAreas, registry: registry, year: 2021) }
        #expect(String(describing: error!).contains("years.2021.ecosystem-shares: unit a gives its areas by ecosystem type"), "\(String(describing: error!))")
    }

    private func loadError(_ text: String) throws -> String {
        let folder = try ModelFolder()
        defer { folder.remove() }
        let path = try folder.region(text)
        let error = #expect(throws: ModelFileError.self) { try RegionModelFile.read(path, registry: registry) }
        return error.map { String(describing: $0) } ?? ""
    }
}

@Suite("Price books and deflators")
struct PriceAndDeflatorFileTests {
    /// Chained CPI from 2003 = 100: 2010 = 100 × 1.039 × 1.018 × 1.015 × 1.048 × 1.059 × 0.993 × 1.033 = 122.218284
    /// (worked in Python); 2012 = that × 1.054 × 1.026; 2022 over 2010 = 1.318025034, the product of the twelve
    /// changes 2011–2022.
    @Test func chainsTheCPI() throws {
        let cpi = try DeflatorFile.read(ModelFolder.packageRoot.appendingPathComponent("models/prices/china-cpi.yaml").path)
        #expect(cpi.indexByYear[2003] == 100)
        #expect(abs(cpi.indexByYear[2010]! - 122.21828367404306) < 1e-9)
        #expect(abs(cpi.indexByYear[2012]! - 122.21828367404306 * 1.054 * 1.026) < 1e-9)
        #expect(abs(cpi.indexByYear[2022]! / cpi.indexByYear[2010]! - 1.3180250339951252) < 1e-12)
        #expect(cpi.provenance.status == .published)
    }

    @Test func readsThePriceBook() throws {
        let book = try PriceBookFile.read(ModelFolder.packageRoot.appendingPathComponent("models/prices/gep-guideline-2010.yaml").path)
        let reservoir = try book.price("reservoir-construction-cost")
        #expect(reservoir.amount == 7.06 && reservoir.perUnit == "m³" && reservoir.priceYear == 2010)
        let carbon = try book.unitPrice("carbon-price", Mass.self)
        #expect(carbon.yuanPerQuotedUnit == 55.30 && carbon.priceYear == 2022)
        #expect(book.all.allSatisfy { $0.provenance.status != .assumed || $0.provenance.note != nil })
    }

    @Test func priceWithoutYearIsRefused() throws {
        let folder = try ModelFolder()
        defer { folder.remove() }
        let path = try folder.region("name: x\nprices:\n  p: {value: 1, unit: 元/t, source: s, status: published}\n", name: "book.yaml")
        let error = #expect(throws: ModelFileError.self) { try PriceBookFile.read(path) }
        #expect(String(describing: error!).hasSuffix("book.yaml:3:6: prices.p: missing price year: add `year:`"))
    }

    @Test func gapInTheChainIsRefused() throws {
        let folder = try ModelFolder()
        defer { folder.remove() }
        let path = try folder.region("""
            name: x
            source: s
            status: published
            base-year: 2010
            change-on-previous-year: {2011: 101, 2013: 102}

            """, name: "cpi.yaml")
        let error = #expect(throws: ModelFileError.self) { try DeflatorFile.read(path) }
        #expect(String(describing: error!).contains("years must run on from base-year 2010 without gaps; expected 2012, found 2013"))
    }
}
