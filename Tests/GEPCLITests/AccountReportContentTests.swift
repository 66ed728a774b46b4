import GEPCore
import GEPModelFiles
import GEPReport
import GEPServices
import Testing

@Suite("AccountReport content: figures only, for the CSV")
struct AccountReportContentTests {
    /// A report of the figures only holds every number of the full report, and neither provenance nor warnings
    /// (Genhe's river evaporates more than it receives, so the full report has a warning for every unit).
    @Test func figuresOnlyKeepEveryNumber() throws {
        let registry = BuiltInServices.registry()
        let run = try RegionModelFile.read(AccountCommandTests.genhe, registry: registry).run(with: registry)
        let full = try AccountReport(run, registry: registry)
        let figures = try AccountReport(run, registry: registry, content: .figures)
        #expect(!full.provenance.isEmpty && full.warnings.count >= run.model.region.units.count)
        #expect(figures.provenance.isEmpty && figures.warnings.isEmpty)
        #expect(figures.services == full.services && figures.units == full.units && figures.gepYuan == full.gepYuan)
        #expect(figures.byCategoryYuan == full.byCategoryYuan && figures.servicesNotRun == full.servicesNotRun)
        #expect(try figures.render(.csv) == full.render(.csv))
    }
}
