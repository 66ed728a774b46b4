import Foundation
import GEPReport
import Testing

/// Opens the HTML report in headless Chromium (Debian's `chromium`, installed by `make test`) and checks the DOM
/// Chromium built from it: the total is there, and each chart section holds exactly one SVG chart.
@Suite("HTML report in headless Chromium")
struct HTMLReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// `make test` sets GEPKIT_REQUIRE_CHROMIUM=1: there a missing browser is a failure, not a skip.
    static let required = ProcessInfo.processInfo.environment["GEPKIT_REQUIRE_CHROMIUM"] == "1"

    @Test(.enabled(if: chromium != nil || required, "chromium is not installed; `make test` installs it"))
    func rendersTotalAndOneChartPerSection() throws {
        let browser = try #require(Self.chromium, "chromium is required by make test but not found")
        let genhe = packageRoot.appendingPathComponent("models/regions/genhe.yaml").path
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        #expect(try runGEP(["account", genhe, "--format", "html", "--out", page.path]).status == 0)
        let report = try JSONDecoder().decode(AccountReport.self, from: Data(try runGEP(["account", genhe, "--format", "json"]).standardOutput.utf8))

        let dom = try dumpDOM(browser, page)
        let total = try #require(dom.range(of: "id=\"gep-total\"").map { String(dom[$0.upperBound...].prefix(200)) })
        #expect(total.contains(String(format: "%.2f 亿元", report.gepYuan / 1e8)), "\(total)")

        let sections = dom.components(separatedBy: "<section class=\"chart\"").dropFirst().map { $0.components(separatedBy: "</section>")[0] }
        #expect(sections.count == 3)
        for section in sections {
            #expect(section.components(separatedBy: "<svg").count - 1 == 1)
            #expect(section.contains("<rect"))
        }
        #expect(dom.contains("id=\"provenance\""))
    }

    /// The sensitivity report shows every index beside its interval, and marks exactly those whose interval is wider
    /// than the index (counted here from the JSON of the same run): Manzhouli at 20 samples has such indices.
    @Test(.enabled(if: chromium != nil || required, "chromium is not installed; `make test` installs it"))
    func sensitivityReportShowsIntervalsAndFlags() throws {
        let browser = try #require(Self.chromium, "chromium is required by make test but not found")
        let model = packageRoot.appendingPathComponent("models/regions/manzhouli.yaml").path
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        let arguments = ["sensitivity", model, "--samples", "20", "--seed", "3"]
        #expect(try runGEP(arguments + ["--format", "html", "--out", page.path]).status == 0)
        let report = try JSONDecoder().decode(SensitivityReport.self, from: Data(try runGEP(arguments + ["--format", "json"]).standardOutput.utf8))
        let estimates = report.rows.flatMap { [$0.firstOrder, $0.totalOrder] }
        let wide = estimates.filter { $0.upper - $0.lower > abs($0.value) }.count
        #expect(wide > 0)

        let dom = try dumpDOM(browser, page)
        let section = try #require(dom.components(separatedBy: "<section id=\"sobol\">").dropFirst().first?.components(separatedBy: "</section>").first)
        let table = try #require(section.components(separatedBy: "</table>").first)
        let rows = table.components(separatedBy: "<tr>").dropFirst(2)  // what comes before the table, then the header row
        #expect(rows.count == report.rows.count)
        for row in rows { #expect(row.components(separatedBy: "[").count - 1 == 2, "each row holds two intervals: \(row)") }
        #expect(section.components(separatedBy: "class=\"number uncertain\"").count - 1 == 2 * wide)
        #expect(section.contains("The interval is wider than the index"))
    }
}

/// The DOM headless Chromium builds from `page`.
func dumpDOM(_ browser: String, _ page: URL, windowSize: String? = nil) throws -> String {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"]
        + (windowSize.map { ["--window-size=\($0)"] } ?? []) + ["--dump-dom", page.absoluteString]
    return String(decoding: try runProgram(browser, arguments), as: UTF8.self)
}

/// Chinese text in the reports' own font stack draws with the CJK font `make test` installs (fonts-noto-cjk): a page
/// of the Chinese Genhe account's words, rendered once as the machine has its fonts and once with every CJK font
/// hidden from fontconfig, gives two different pictures, the first with more ink. Without a CJK font the two are
/// the same boxes (or nothing), and the test fails.
@Suite("Chinese glyphs in headless Chromium")
struct ChineseGlyphTests {
    @Test(.enabled(if: HTMLReportTests.chromium != nil || HTMLReportTests.required, "chromium is not installed; `make test` installs it"))
    func reportFontDrawsChineseGlyphs() throws {
        let browser = try #require(HTMLReportTests.chromium, "chromium is required by make test but not found")
        let html = try runGEP(["account", "models/regions/genhe.yaml", "--format", "html", "--lang", "zh"], in: packageRoot).standardOutput
        let stack = try #require(html.range(of: "body { font-family: ").map { String(html[$0.upperBound...].prefix { $0 != ";" }) })
        #expect(stack.contains("CJK"), "the report's font stack names no CJK font: \(stack)")
        let words = ["根河市", "功能量核算表", "价值量"].filter(html.contains)
        #expect(words.count == 3)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-glyphs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("words.html")
        try "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style='font-family: \(stack); font-size: 40px'>\(words.joined(separator: " "))</body></html>"
            .write(to: page, atomically: true, encoding: .utf8)
        let hidden = folder.appendingPathComponent("fonts.conf")
        try """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              <cachedir>\(folder.appendingPathComponent("cache").path)</cachedir>
              <selectfont><rejectfont><glob>*CJK*</glob></rejectfont></selectfont>
            </fontconfig>
            """.write(to: hidden, atomically: true, encoding: .utf8)
        let withFont = try screenshot(browser, page, to: folder.appendingPathComponent("with.png"))
        let withoutFont = try screenshot(browser, page, to: folder.appendingPathComponent("without.png"), environment: ["FONTCONFIG_FILE": hidden.path])
        #expect(withFont != withoutFont)
        #expect(withFont.count > withoutFont.count, "the CJK render (\(withFont.count) bytes) should hold more ink than boxes (\(withoutFont.count) bytes)")
    }
}

/// A PNG of `page` rendered by headless Chromium at 600 × 120, with `environment` added to the browser's.
func screenshot(_ browser: String, _ page: URL, to png: URL, environment: [String: String] = [:]) throws -> Data {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    _ = try runProgram(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--window-size=600,120",
                                 "--screenshot=\(png.path)", page.absoluteString], environment: environment)
    return try Data(contentsOf: png)
}

/// Printed on A4 (180 mm of text between 15 mm margins, 680 CSS pixels), no table or chart of a report is wider than
/// the page: each page is opened at that width with a script that measures every table and chart, and, as a check
/// that the measure can fail, the accounts page without its print rules has tables that run off the page.
@Suite("HTML reports on A4")
struct PrintWidthTests {
    /// The tables and charts wider than the page ("TABLE:812"), and the page's width, measured by Chromium.
    static func overflowing(_ html: String, browser: String) throws -> (wide: [String], width: Int) {
        let script = """
            <script>
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('table, svg')].filter(e => e.getBoundingClientRect().right > width + 0.5)
              .map(e => e.tagName.toUpperCase() + ':' + Math.round(e.getBoundingClientRect().width));
            if (document.documentElement.scrollWidth > width) wide.push('PAGE:' + document.documentElement.scrollWidth);
            document.body.setAttribute('data-page-width', width);
            document.body.setAttribute('data-too-wide', wide.join(','));
            </script>
            """
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-a4-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        try html.replacingOccurrences(of: "</body>", with: script + "</body>").write(to: page, atomically: true, encoding: .utf8)
        let dom = try dumpDOM(browser, page, windowSize: "680,4000")
        func attribute(_ name: String) -> String? {
            dom.range(of: "\(name)=\"").map { String(dom[$0.upperBound...].prefix { $0 != "\"" }) }
        }
        let wide = try #require(attribute("data-too-wide"), "the measuring script did not run")
        return (wide.isEmpty ? [] : wide.components(separatedBy: ","), Int(attribute("data-page-width") ?? "") ?? 0)
    }

    @Test(.enabled(if: HTMLReportTests.chromium != nil || HTMLReportTests.required, "chromium is not installed; `make test` installs it"))
    func reportsFitTheWidthOfAnA4Page() throws {
        let browser = try #require(HTMLReportTests.chromium, "chromium is required by make test but not found")
        let pages = [["account", "models/regions/genhe.yaml", "--provenance"], ["account", "models/regions/genhe.yaml", "--lang", "zh"],
                     ["ecosystem-accounts", "models/accounts/genhe-2021-2022.yaml"],
                     ["scenario", "models/scenarios/genhe-larch-fire.yaml"], ["compare-schemes", "models/compensation/genhe-units.yaml"],
                     ["trend", "models/regions/genhe.yaml"]]
        for arguments in pages {
            let html = try runGEP(arguments + ["--format", "html"], in: packageRoot).standardOutput
            let (wide, width) = try Self.overflowing(html, browser: browser)
            #expect(width > 600 && width <= 680, "\(arguments[0]): measured at \(width) px")
            #expect(wide.isEmpty, "\(arguments[0]): wider than the page: \(wide)")
        }
        let accounts = try runGEP(["ecosystem-accounts", "models/accounts/genhe-2021-2022.yaml", "--format", "html"], in: packageRoot).standardOutput
        let start = try #require(accounts.range(of: "@media print, screen and (max-width: 180mm) {"))
        let end = try #require(accounts.range(of: "\n@media print {"))
        let unprinted = String(accounts[..<start.lowerBound]) + String(accounts[end.lowerBound...])
        #expect(!(try Self.overflowing(unprinted, browser: browser).wide.isEmpty), "without the print rules the wide tables should overflow")
    }
}

/// The trend draws a line per service at constant prices, and the uncertainty histogram colours the bins inside the
/// 5–95 % band apart from the others and marks the deterministic GEP's bin, as the JSON of the same runs place them.
@Suite("trend and histogram charts")
struct TrendAndHistogramChartTests {
    @Test func trendHasALinePerService() throws {
        let html = try runGEP(["trend", "models/regions/genhe.yaml", "--format", "html"], in: packageRoot).standardOutput
        let trend = try JSONDecoder().decode(TrendReport.self, from: Data(try runGEP(["trend", "models/regions/genhe.yaml", "--format", "json"], in: packageRoot).standardOutput.utf8))
        #expect(trend.services.count == 5 && trend.years.count == 2)
        #expect(html.components(separatedBy: "<polyline class=\"series-line\"").count - 1 == trend.services.count)
        #expect(html.components(separatedBy: "<circle ").count - 1 == trend.services.count * trend.years.count)
        let account = try JSONDecoder().decode(AccountReport.self, from: Data(try runGEP(["account", "models/regions/genhe.yaml", "--format", "json"], in: packageRoot).standardOutput.utf8))
        for service in account.services { #expect(trend.years.last?.byServiceYuan[service.id] == service.valueYuan, "\(service.id)") }
    }

    @Test func histogramShowsTheBandAndTheDeterministicValue() throws {
        let arguments = ["uncertainty", "models/regions/genhe.yaml", "--draws", "500", "--seed", "2"]
        let html = try runGEP(arguments + ["--format", "html"], in: packageRoot).standardOutput
        let report = try JSONDecoder().decode(UncertaintyReport.self, from: Data(try runGEP(arguments + ["--format", "json"], in: packageRoot).standardOutput.utf8))
        let bars = html.components(separatedBy: "<rect ").dropFirst().filter { $0.contains("class=\"series\"") }
        #expect(bars.count == report.histogram.count)
        let inside = report.histogram.map { $0.upperYuan >= report.total.p5 && $0.lowerYuan <= report.total.p95 }
        let colours = bars.map { $0.contains("fill=\"#0072B2\"") }
        #expect(colours == inside && inside.contains(true) && inside.contains(false))
        #expect(html.components(separatedBy: "◆ deterministic").count - 1 == 1)
    }
}
