import Accounts
import Compensation
import Foundation
import GEPCore
import GEPModelFiles
import GEPReport

/// Runs mutants of the bundled model files through the loaders, the account and every report format, in process,
/// and finds what must never happen: a non-finite number in a report, or a mutant that takes too long. A trap (a
/// Swift runtime error) ends the process; the mutant being run is always on disk first, so it can be looked at.
///
/// A non-finite number is found through the JSON form of each report, which holds every number the other formats
/// print and which `JSONEncoder` refuses to write when one is infinite or NaN (searching the text formats for "inf"
/// would find the mutator's own ".inf" echoed back from a note).
///
/// Refusing a mutant with an error is the expected outcome for most of them and counts as a pass.
public struct FuzzHarness {
    /// A mutant whose report held an infinite or NaN number.
    public struct Finding: Sendable, CustomStringConvertible {
        public let index: Int
        public let file: String
        public let problem: String
        public let mutant: String
        public var description: String { "mutant \(index) of \(file): \(problem)" }
    }

    /// What a run did.
    public struct Summary: Sendable {
        public var mutants = 0
        /// Mutants that loaded and produced every output.
        public var accepted = 0
        /// Mutants refused with an error message.
        public var refused = 0
        public var findings: [Finding] = []

        public init() {}

        /// This summary and `other`, added up.
        public func adding(_ other: Summary) -> Summary {
            var sum = self
            sum.mutants += other.mutants
            sum.accepted += other.accepted
            sum.refused += other.refused
            sum.findings += other.findings
            return sum
        }
    }

    /// The model files mutated, relative to the models folder, with the command that reads each.
    static let targets: [(file: String, kind: Kind)] = [
        ("regions/genhe.yaml", .region), ("regions/manzhouli.yaml", .region), ("regions/xilinhot.yaml", .region),
        ("prices/gep-guideline-2010.yaml", .regionUsing("regions/manzhouli.yaml")), ("prices/china-cpi.yaml", .regionUsing("regions/genhe.yaml")),
        ("compensation/genhe-units.yaml", .compensation), ("compensation/xilinhot-grassland.yaml", .compensation),
        ("services/water-conservation-formula.yaml", .any),
        ("accounts/genhe-2021-2022.yaml", .ecosystemAccounts), ("scenarios/genhe-larch-fire.yaml", .scenario),
    ]

    enum Kind { case region, regionUsing(String), compensation, ecosystemAccounts, scenario, any }

    let models: URL
    let scratch: URL
    let registry: ServiceRegistry
    let originals: [String: String]

    /// - Parameters:
    ///   - models: the bundled models folder, copied to `scratch` (a folder of this harness's own) for mutating.
    public init(models: URL, scratch: URL, registry: ServiceRegistry) throws {
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.copyItem(at: models, to: scratch)
        self.models = models
        self.scratch = scratch
        self.registry = registry
        originals = try Dictionary(uniqueKeysWithValues: Self.targets.map { ($0.file, try String(contentsOf: scratch.appendingPathComponent($0.file), encoding: .utf8)) })
    }

    /// Runs mutants `range` of the sequence that `seed` gives.
    ///
    /// - Parameter onMutant: told before each mutant runs (a watchdog can note the time).
    public func run(seed: UInt64, range: Range<Int>, onMutant: (Int) -> Void = { _ in }) -> Summary {
        var summary = Summary()
        var mutator = ModelMutator(seed: seed)
        var index = 0
        while index < range.upperBound {
            let target = Self.targets[Int(UInt(index) % UInt(Self.targets.count))]
            let mutant = mutator.mutate(originals[target.file]!)
            defer { index += 1 }
            guard index >= range.lowerBound else { continue }
            onMutant(index)
            let path = scratch.appendingPathComponent(target.file)
            try? mutant.write(to: path, atomically: false, encoding: .utf8)
            summary.mutants += 1
            do {
                _ = try self.outputs(of: target.kind, file: path.path, everyFormat: index % Self.fullRunEvery == 0)
                summary.accepted += 1
            } catch let error as EncodingError {
                summary.findings.append(Finding(index: index, file: target.file, problem: "non-finite number in a report: \(error)", mutant: mutant))
            } catch {
                summary.refused += 1
            }
            try? originals[target.file]!.write(to: path, atomically: false, encoding: .utf8)
        }
        return summary
    }

    /// One mutant in ``fullRunEvery`` goes through every report format and a small Monte Carlo; the others through
    /// the JSON report alone, which holds every number the formats print. A million mutants then take about 45 minutes
    /// on two cores instead of 70, and each renderer still sees a quarter of a million.
    static let fullRunEvery = 4

    /// The outputs a user could ask of the file: its JSON report, and with `everyFormat` every format.
    private func outputs(of kind: Kind, file: String, everyFormat: Bool) throws -> [String] {
        let formats = everyFormat ? ReportFormat.allCases : [.json]
        switch kind {
        case .region: return try regionOutputs(file, formats: formats)
        case let .regionUsing(region): return try regionOutputs(scratch.appendingPathComponent(region).path, formats: formats)
        case .compensation:
            let compensation = try CompensationFile.read(file, registry: registry)
            let comparison = try SchemeComparison(problem: compensation.problem, schemes: compensation.schemes.map(\.scheme))
            let report = CompensationReport(name: compensation.name, comparison: comparison, provenance: compensation.provenance)
            return try formats.map { try report.render($0) }
        case .ecosystemAccounts:
            let accounts = try EcosystemAccountsFile.read(file, registry: registry)
            let report = try EcosystemAccountsReport(try accounts.accounts(registry: registry), valuationSource: accounts.valuationProvenance)
            return try formats.map { try report.render($0) }
        case .scenario:
            let scenario = try ScenarioFile.read(file, registry: registry)
            let report = ScenarioReport(try scenario.compare(registry: registry), valuationSource: scenario.valuationProvenance)
            return try formats.map { try report.render($0) }
        case .any:
            _ = try ModelDocument.read(file, registry: registry)
            return []
        }
    }

    private func regionOutputs(_ file: String, formats: [ReportFormat]) throws -> [String] {
        let model = try RegionModelFile.read(file, registry: registry)
        let report = try AccountReport(try model.run(with: registry), registry: registry)
        var outputs = try formats.map { try report.render($0, provenance: true) }
        if formats.count > 1, !model.uncertainParameters.isEmpty {
            outputs.append(try UncertaintyReport(try MonteCarloAccount(model: model, registry: registry, draws: 8, seed: 1)).render(.json))
        }
        return outputs
    }
}
