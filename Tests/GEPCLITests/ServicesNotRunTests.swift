import Foundation
import GEPReport
import Testing

/// An account that leaves services out lists them, with the model's reasons, in every format, and never prints a
/// total or GEP/GDP without saying it is partial.
@Suite("gep account: services not run")
struct ServicesNotRunTests {
    static let manzhouli = packageRoot.appendingPathComponent("models/regions/manzhouli.yaml").path

    @Test("the table calls GEP and GEP/GDP partial and lists the eight services not run with their reasons")
    func tableSaysPartial() throws {
        let run = try runGEP(["account", Self.manzhouli])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        let ratio = try #require(lines.first { $0.hasPrefix("GEP / GDP") })
        #expect(ratio.hasSuffix("(partial: 8 services not run)"), "\(ratio)")
        let total = try #require(lines.first { $0.hasPrefix("GEP ") && !$0.hasPrefix("GEP /") && !$0.hasPrefix("GEP per") })
        #expect(total.hasSuffix("亿元 (partial: 8 services not run)"), "\(total)")
        let listed = run.standardOutput.components(separatedBy: "services not run:\n").last?.split(separator: "\n").prefix { $0.hasPrefix("  ") } ?? []
        #expect(listed.count == 8)
        #expect(listed.first?.hasPrefix("  flood-regulation (flood regulation): the lake model's coefficients") == true)
    }

    @Test("JSON, Markdown and HTML carry the same list")
    func everyFormatListsThem() throws {
        let json = try JSONDecoder().decode(AccountReport.self, from: Data(try runGEP(["account", Self.manzhouli, "--format", "json"]).standardOutput.utf8))
        #expect(json.servicesNotRun.map(\.id) == ["flood-regulation", "cultural-tourism", "air-purification", "water-purification",
                                                 "soil-retention", "oxygen-release", "climate-regulation", "provisioning-products"])
        #expect(json.servicesNotRun[1].reason.contains("551万 visits"))
        let markdown = try runGEP(["account", Self.manzhouli, "--format", "md"]).standardOutput
        #expect(markdown.contains("## Services not run (the account is partial)\n\n- flood-regulation (flood regulation): "))
        let html = try runGEP(["account", Self.manzhouli, "--format", "html"]).standardOutput
        #expect(html.contains("<h2 id=\"not-run\">Services not run (the account is partial)</h2>"))
        #expect(html.contains("(partial: see the services not run)"))
    }

    @Test("a complete account says nothing of the kind")
    func completeAccountIsNotPartial() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("regions"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("models/prices"), to: folder.appendingPathComponent("prices"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Self.manzhouli, encoding: .utf8)
        let start = try #require(text.range(of: "not-run:\n")), end = try #require(text.range(of: "\nservices:\n"))
        let model = folder.appendingPathComponent("regions/manzhouli.yaml").path
        try text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "").write(toFile: model, atomically: true, encoding: .utf8)
        let run = try runGEP(["account", model])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardOutput.contains("partial") && !run.standardOutput.contains("services not run"))
    }
}
