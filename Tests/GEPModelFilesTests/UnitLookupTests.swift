import Foundation
import GEPCore
import GEPModelFiles
import GEPServices
import Testing

/// Units are parsed when a model file loads and never while an account is evaluated: the bundled models are
/// loaded, then run, each under a ``UnitLookupCounter``.
@Suite("Unit strings are looked up while loading only")
struct UnitLookupTests {
    static let regions = ModelFolder.packageRoot.appendingPathComponent("models/regions")

    @Test(arguments: ["genhe", "manzhouli", "xilinhot"])
    func evaluatingAnAccountLooksUpNoUnit(_ region: String) throws {
        let registry = BuiltInServices.registry()
        let path = Self.regions.appendingPathComponent("\(region).yaml").path
        let (loadLookups, model) = try UnitLookupCounter.counting { try RegionModelFile.read(path, registry: registry) }
        #expect(loadLookups > 20, "loading \(region) should look its units up (\(loadLookups) lookups counted)")
        let (runLookups, run) = try UnitLookupCounter.counting { try model.run(with: registry) }
        #expect(runLookups == 0)
        #expect(run.account.gep.yuan > 0)
    }
}
