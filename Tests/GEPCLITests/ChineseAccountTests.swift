import Foundation
import GEPReport
import Testing

/// `gep account --lang zh`: the Genhe account in Chinese in the standard's layout, with the same numbers as the
/// English JSON; the locale picks the language when --lang is not given; CSV and JSON do not change with it.
@Suite("the account in Chinese")
struct ChineseAccountTests {
    static let genhe = "models/regions/genhe.yaml"

    @Test func genheInTheStandardsLayout() throws {
        let run = try runGEP(["account", Self.genhe, "--lang", "zh"], in: packageRoot)
        #expect(run.status == 0, "\(run.standardError)")
        let text = withoutRun(run.standardOutput)
        let report = try JSONDecoder().decode(AccountReport.self, from: Data(try runGEP(["account", Self.genhe, "--format", "json"], in: packageRoot).standardOutput.utf8))
        for heading in ["根河市生态系统生产总值（GEP）核算报告：2022年，按2022年价格", "一、核算结果汇总", "二、生态系统服务功能量核算表",
                        "三、生态系统服务价值量核算表（亿元，2022年价格）", "四、各核算单元生态系统生产总值", "五、未核算的服务", "附录：数据来源"] {
            #expect(text.contains(heading), "\(heading)")
        }
        let lines = text.split(separator: "\n").map(String.init)
        for service in report.services {
            let row = try #require(lines.first { $0.hasPrefix("调节服务") && $0.contains("\(service.localName)（\(service.id)）") && $0.contains(service.includedInTotal ? " %" : "不计入GEP") })
            #expect(row.contains(hundredMillionYuan(service.valueYuan)), "\(row)")
        }
        let counted = report.services.filter(\.includedInTotal).reduce(0) { $0 + $1.valueYuan }
        #expect(lines.contains { $0.hasPrefix("调节服务") && $0.contains("小计") && $0.contains(hundredMillionYuan(counted)) })
        #expect(lines.contains { $0.hasPrefix("合计") && $0.contains(hundredMillionYuan(report.gepYuan)) })
        #expect(text.contains("气候调节（climate-regulation）") && text.contains("公开发表") && text.contains("假设"))
        #expect(run.standardOutput.contains("运行信息") && run.standardOutput.contains("命令: gep account \(Self.genhe) --lang zh"))
    }

    @Test func theLocaleChoosesAndDataFormatsStayTheSame() throws {
        let zh = try runGEP(["account", Self.genhe], in: packageRoot, environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(zh.standardOutput.contains("生态系统服务功能量核算表"))
        let c = try runGEP(["account", Self.genhe], in: packageRoot, environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        let en = try runGEP(["account", Self.genhe, "--lang", "en"], in: packageRoot)
        #expect(withoutRun(c.standardOutput) == withoutRun(en.standardOutput) && en.standardOutput.contains("GEP account"))
        for format in ["csv", "json"] {
            let a = try runGEP(["account", Self.genhe, "--format", format, "--lang", "zh"], in: packageRoot)
            let b = try runGEP(["account", Self.genhe, "--format", format, "--lang", "en"], in: packageRoot)
            #expect(withoutRun(a.standardOutput) == withoutRun(b.standardOutput), "\(format)")
        }
        // Every other report follows the locale too.
        let carbon = try runGEP(["carbon-project", "models/carbon-projects/genhe-larch-afforestation.yaml"], in: packageRoot,
                                environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(carbon.status == 0 && carbon.standardOutput.contains("计入期30年") && carbon.standardOutput.contains("计入期内扣减"), "\(carbon.standardOutput.prefix(300))")
    }

    /// The Chinese HTML opens in headless Chromium with each of the standard's tables and the value chart.
    @Test(.enabled(if: HTMLReportTests.chromium != nil || HTMLReportTests.required, "chromium is not installed; `make test` installs it"))
    func chineseHTMLInChromium() throws {
        let browser = try #require(HTMLReportTests.chromium, "chromium is required by make test but not found")
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("gepkit-zh-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        #expect(try runGEP(["account", Self.genhe, "--lang", "zh", "--out", page.path], in: packageRoot).status == 0)
        let dom = try dumpDOM(browser, page)
        for id in ["gep-summary", "physical", "monetary", "units", "not-run", "provenance"] { #expect(dom.contains("<section id=\"\(id)\">"), "\(id)") }
        let monetary = try #require(dom.components(separatedBy: "<section id=\"monetary\">").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(monetary.components(separatedBy: "<rect").count - 1 == 5 && monetary.contains("水源涵养"))
        #expect(dom.contains("<footer id=\"run\">") && dom.contains("运行信息"))
    }

    /// The scheme comparison and the trend in Chinese: their headings and columns, the same numbers as in English.
    @Test func comparisonAndTrendInChinese() throws {
        let file = "models/compensation/xilinhot-grassland.yaml"
        let zh = withoutRun(try runGEP(["compare-schemes", file, "--lang", "zh"], in: packageRoot).standardOutput)
        let en = withoutRun(try runGEP(["compare-schemes", file, "--lang", "en"], in: packageRoot).standardOutput)
        #expect(zh.contains("种生态补偿方案，预算11804.60万元（2022年价格）") && zh.contains("基尼系数") && zh.contains("用尽预算"))
        let numbers = { (text: String) in text.split(whereSeparator: { !"0123456789.".contains($0) }).filter { $0.contains(".") && $0.contains(where: \.isNumber) } }
        #expect(numbers(zh) == numbers(en), "the same figures in both languages")
        let trend = try runGEP(["trend", Self.genhe, "--lang", "zh"], in: packageRoot).standardOutput
        #expect(trend.contains("根河各年生态系统生产总值（按2022年不变价格）") || trend.contains("各年生态系统生产总值（按2022年不变价格）"))
        #expect(trend.contains("不完整：6项服务未核算") && trend.contains("实际增长"))
    }

    /// The ecosystem accounts and a scenario in Chinese: the accounts' headings, the same figures as in English.
    @Test func accountsAndScenarioInChinese() throws {
        let numbers = { (text: String) in text.split(whereSeparator: { !"0123456789.-".contains($0) }).filter { $0.contains(".") && $0.contains(where: \.isNumber) } }
        for (arguments, headings) in [(["ecosystem-accounts", "models/accounts/genhe-2021-2022.yaml"], ["生态系统范围账户（km²）", "类型转换矩阵", "生态系统状况账户", "生态系统资产价值账户（亿元）", "不同折现率下的资产价值（亿元）"]),
                                      (["scenario", "models/scenarios/genhe-larch-fire.yaml"], ["按服务", "各单元价值变化（万元）", "情景改变的内容及其来源", "资产价值变化-1080.18万元"])] {
            let zh = withoutRun(try runGEP(arguments + ["--lang", "zh"], in: packageRoot).standardOutput)
            let en = withoutRun(try runGEP(arguments + ["--lang", "en"], in: packageRoot).standardOutput)
            for heading in headings { #expect(zh.contains(heading), "\(arguments[0]): \(heading)") }
            #expect(Set(numbers(en)).isSubset(of: Set(numbers(zh))), "\(arguments[0]): the English figures all appear in Chinese")
        }
    }

    /// The remaining reports in Chinese: each names its tables in Chinese and prints the same figures as in English.
    @Test(arguments: [["uncertainty", "models/regions/genhe.yaml", "--draws", "50"], ["sensitivity", "models/regions/manzhouli.yaml", "--samples", "20"],
                      ["scorecard", "models/regions/genhe.yaml", "--base-year", "2021"], ["carbon-project", "models/carbon-projects/genhe-larch-afforestation.yaml"],
                      ["account", "models/regions/genhe.yaml", "--compare-prices", "models/prices/carbon-afforestation-cost.yaml"]])
    func everyOtherReportInChinese(arguments: [String]) throws {
        let words = ["uncertainty": "不确定性分析", "sensitivity": "敏感性分析", "scorecard": "考核评分", "carbon-project": "减排量（tCO₂e）", "account": "套价格下的比较"]
        let zh = withoutRun(try runGEP(arguments + ["--lang", "zh"], in: packageRoot).standardOutput)
        let en = withoutRun(try runGEP(arguments + ["--lang", "en"], in: packageRoot).standardOutput)
        #expect(zh.contains(words[arguments[0]] ?? "?"), "\(zh.prefix(200))")
        let numbers = { (text: String) in text.split(whereSeparator: { !"0123456789.".contains($0) }).filter { $0.contains(".") && $0.contains(where: \.isNumber) } }
        #expect(Set(numbers(en)).isSubset(of: Set(numbers(zh))), "\(arguments[0]): the English figures all appear in Chinese")
    }
}
