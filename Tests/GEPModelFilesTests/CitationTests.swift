import Foundation
import GEPCore
import GEPModelFiles
import Testing

/// The bundled models and examples cite documents a user can find: by title, issuer, year, section or line, never
/// by a path that exists only on the team's machines (the planning documents' text files, the team's notes).
@Suite("Citations a user can resolve")
struct CitationTests {
    /// Paths and names that only the team's machines have.
    static let privatePatterns = [#"shared/"#, #"seeds/"#, #"[0-9]{3}_[0-9a-f]{16}\.txt"#, #"region-inputs"#, #"seed-facts"#,
                                  #"formulas-and-prices"#, #"seed [0-9]{3}"#]

    /// Every model file, table and README under `models/` and `examples/`.
    static func bundledTexts() throws -> [URL] {
        let root = ModelFolder.packageRoot
        return try ["models", "examples"].flatMap { folder -> [URL] in
            let enumerator = try #require(FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil))
            return enumerator.compactMap { $0 as? URL }.filter { url in
                !url.path.contains("/.build/") && ["yaml", "csv", "md", "swift", "txt"].contains(url.pathExtension)
            }
        }
    }

    @Test("no bundled file cites a path or note that only the team has")
    func noPrivateCitations() throws {
        let files = try Self.bundledTexts()
        #expect(files.count > 10, "the files were found")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for pattern in Self.privatePatterns {
                let found = text.range(of: pattern, options: .regularExpression)
                #expect(found == nil, "\(file.lastPathComponent) cites \"\(found.map { String(text[$0]) } ?? "")\"")
            }
        }
    }

    /// The check can fail: the old form of the Genhe plan's citation is caught.
    @Test func anOldCitationIsCaught() {
        let old = "seed-002: \"shared/seeds/002_d3cb95a7d047a5de.txt, 《内蒙古自治区根河市国家生态文明建设示范市规划（2023-2035）》\""
        #expect(Self.privatePatterns.filter { old.range(of: $0, options: .regularExpression) != nil }.count == 3)
    }

    @Test("the bundled regions name their plans by title")
    func plansAreCitedByTitle() throws {
        for (file, title) in [("genhe", "《内蒙古自治区根河市国家生态文明建设示范市规划（2023-2035）》"),
                              ("xilinhot", "《锡林浩特市国家生态文明建设示范市创建规划（2023-2030）》"),
                              ("manzhouli", "《满洲里市生态文明建设示范区规划（2024—2035年）》")] {
            let text = try String(contentsOf: ModelFolder.packageRoot.appendingPathComponent("models/regions/\(file).yaml"), encoding: .utf8)
            #expect(text.contains("-plan: \"\(title)"), "\(file).yaml")
        }
    }
}
