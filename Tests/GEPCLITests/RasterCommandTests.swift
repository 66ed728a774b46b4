import Foundation
import GEPRasterFixtures
import Testing

/// `gep raster` end to end on the generated Genhe-like set: gep starts gep-raster, which writes one GeoTIFF per
/// service and prints the zones' account; bad arguments and bad files give one message and no output.
@Suite("gep raster")
struct RasterCommandTests {
    static func fixture() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-raster-cli-\(UUID().uuidString)")
        try GenheRasterFixture.write(to: folder.path, size: 90, models: packageRoot.appendingPathComponent("models").path)
        return folder
    }

    @Test("the zones' account as JSON, five GeoTIFFs, and the model file valid")
    func accountAndRasters() throws {
        let folder = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("genhe-raster.yaml").path
        let out = folder.appendingPathComponent("out")
        let valid = try runGEP(["validate", model])
        #expect(valid.status == 0 && valid.standardOutput.contains("raster region genhe-grid, 3 zones, 5 land-cover classes"), "\(valid.standardError)")
        let run = try runGEP(["raster", model, "--out", out.path, "--threads", "2", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(try schemaViolations(json: run.standardOutput, schema: "gepkit.account-1.schema.json") == [], "with its quick-look maps")
        #expect((report["maps"] as? [Any])?.count == 5)
        let units = try #require(report["units"] as? [[String: Any]])
        #expect(units.compactMap { $0["id"] as? String } == ["manggui", "jinhe", "city"])
        // 90 × 90 pixels of 30 m: 7.29 km², each zone a third.
        let areas = units.compactMap { $0["areaSquareKilometres"] as? Double }
        #expect(areas.count == 3 && abs(areas.reduce(0, +) - 7.29) < 1e-9 && areas.allSatisfy { abs($0 - 2.43) < 1e-9 })
        // The zones differ per km² now that land cover and precipitation vary across the grid.
        let perArea = units.compactMap { ($0["gepYuan"] as? Double).map { $0 / 2.43 } }
        #expect(Set(perArea.map { ($0 / 1e4).rounded() }).count == 3, "\(perArea)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["carbon-sink.tif", "flood-regulation.tif", "oxygen-release.tif", "soil-retention.tif", "water-conservation.tif"])
    }

    @Test("a bad thread count and a missing raster: one message, non-zero exit, no output folder")
    func refusals() throws {
        let folder = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("genhe-raster.yaml").path
        let out = folder.appendingPathComponent("out")
        let threads = try runGEP(["raster", model, "--out", out.path, "--threads", "0"])
        #expect(threads.status != 0 && threads.standardError.contains("--threads is 0; expected 1 to 64"), "\(threads.standardError)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("precipitation.tif"))
        let missing = try runGEP(["raster", model, "--out", out.path])
        #expect(missing.status != 0 && missing.standardError.contains("precipitation.tif") && missing.standardOutput.isEmpty, "\(missing.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// `gep raster MODEL --tile I/N` and `gep raster merge` on a 300 × 300 set (two rows of 256-pixel blocks): the
    /// merged account prints exactly as the single run's, and a missing tile is refused with nothing written.
    @Test("two tiles merged print the single run's account byte for byte; a missing tile and --tile without --out are refused")
    func tilesAndMerge() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-raster-tiles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try GenheRasterFixture.write(to: folder.path, size: 300, models: packageRoot.appendingPathComponent("models").path)
        let model = folder.appendingPathComponent("genhe-raster.yaml").path
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let single = try runGEP(["raster", model, "--format", "json"])
        #expect(single.status == 0, "\(single.standardError)")
        for index in [2, 1] {
            let tile = try runGEP(["raster", model, "--tile", "\(index)/2", "--out", path("tile-\(index)"), "--threads", "2"])
            #expect(tile.status == 0 && tile.standardOutput.contains("tile \(index)/2: rows \(index == 1 ? "0–256" : "256–300") of 300"), "\(tile.standardError)")
        }
        let merged = try runGEP(["raster", "merge", path("tile-2"), path("tile-1"), "--out", path("mosaic"), "--format", "json"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(withoutRun(merged.standardOutput) == withoutRun(single.standardOutput))
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("mosaic")).sorted()
            == ["carbon-sink.vrt", "flood-regulation.vrt", "oxygen-release.vrt", "soil-retention.vrt", "water-conservation.vrt"])

        let missing = try runGEP(["raster", "merge", path("tile-1"), "--out", path("partial")])
        #expect(missing.status != 0 && missing.standardError.contains("tile 2/2 missing") && missing.standardOutput.isEmpty, "\(missing.standardError)")
        #expect(!FileManager.default.fileExists(atPath: path("partial")))
        let noOut = try runGEP(["raster", model, "--tile", "1/2"])
        #expect(noOut.status != 0 && noOut.standardError.contains("--tile needs --out"), "\(noOut.standardError)")
    }

    /// The HTML report of a raster run shows a quick-look map per service, checked in the DOM Chromium builds: an SVG
    /// of coloured cells and a legend with the range and the unit; JSON carries the same maps.
    @Test(.enabled(if: HTMLReportTests.chromium != nil || HTMLReportTests.required, "chromium is not installed; `make test` installs it"))
    func htmlShowsAMapPerService() throws {
        let browser = try #require(HTMLReportTests.chromium, "chromium is required by make test but not found")
        let folder = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("genhe-raster.yaml").path
        let html = try runGEP(["raster", model, "--format", "html"])
        #expect(html.status == 0, "\(html.standardError)")
        let page = folder.appendingPathComponent("report.html")
        try html.standardOutput.write(to: page, atomically: true, encoding: .utf8)
        let dom = try dumpDOM(browser, page)
        for (service, unit) in [("water-conservation", "m³/ha"), ("soil-retention", "t/ha"), ("flood-regulation", "m³/ha"),
                                ("carbon-sink", "t CO₂/ha"), ("oxygen-release", "t O₂/ha")] {
            let section = try #require(dom.components(separatedBy: "<section class=\"chart\" id=\"map-\(service)\">").dropFirst().first?
                .components(separatedBy: "</section>").first, "no map for \(service)")
            #expect(section.components(separatedBy: "<rect class=\"cell\"").count > 10, "\(service) has cells")
            #expect(section.contains("class=\"legend\"") && section.contains(unit), "\(service) legend names \(unit)")
        }
        let json = try runGEP(["raster", model, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let maps = try #require(report["maps"] as? [[String: Any]])
        #expect(maps.count == 5 && maps.allSatisfy { ($0["width"] as? Int) == 80 && ($0["height"] as? Int) == 80 })
    }
}
