import GEPCore

extension AccountReport {
    /// The account in Chinese, in the layout of the accounting report GB/T 46869—2025 asks for as secondary sources
    /// describe it (the standard's own text was not available to us): a summary, the table of physical quantities
    /// (功能量) and the table of values (价值量) by category and service with each category's subtotal, the price year,
    /// price book and methods, the accounting units, the services not run with the reason, and the data-source annex.
    func renderChinese(_ format: ReportFormat) -> String {
        let place = region.localName ?? region.name
        let title = "\(place)生态系统生产总值（GEP）核算报告：\(year)年，按\(reportYear)年价格"
        let partial = servicesNotRun.isEmpty ? "" : "（不完整：\(servicesNotRun.count)项服务未核算）"
        var lead = ["价格：\(priceBook)" + (deflator.map { "；按 \($0) 折算至\(reportYear)年价格" } ?? "") + "。"]
        if !partial.isEmpty {
            lead.append("本核算未包括\(servicesNotRun.count)项服务（见“未核算的服务”），生态系统生产总值与GEP/GDP均为部分值。")
        }
        let yi = { (yuan: Double) in hundredMillionYuan(yuan) }
        let categories = ServiceCategory.allCases
        let summary = [["生态系统生产总值（GEP）", "\(yi(gepYuan)) 亿元\(partial)"]]
            + categories.map { ["  \($0.localName)", "\(yi(byCategoryYuan[$0.rawValue] ?? 0)) 亿元"] }
            + [["单位面积GEP", gepPerSquareKilometreYuan.map { "\(formatNumber($0 / 1e4, significant: 4)) 万元/km²" } ?? "无（面积为零）"],
               ["人均GEP", gepPerCapitaYuan.map { "\(formatNumber($0, significant: 4)) 元/人" } ?? "无（未给出人口）"],
               ["GEP/GDP", gepToGDP.map { formatNumber($0, significant: 3) + partial } ?? "无（未给出GDP）"]]
        let byCategory = categories.map { category in (category, services.filter { $0.category == category.rawValue }) }.filter { !$0.1.isEmpty }
        let physical = byCategory.flatMap { category, rows in
            rows.map { [category.localName, "\($0.localName)（\($0.id)）", formatNumber($0.physicalAmount), $0.physicalUnit, $0.method] }
        }
        let monetary = byCategory.flatMap { category, rows -> [[String]] in
            let subtotal = rows.filter(\.includedInTotal).reduce(0) { $0 + $1.valueYuan }
            return rows.map { service in
                let prices = service.lines.map { "\(formatNumber($0.priceYuan, significant: 4)) 元/\($0.unit)" }
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                return [category.localName, "\(service.localName)（\(service.id)）", yi(service.valueYuan),
                        service.includedInTotal ? (gepYuan == 0 ? "–" : String(format: "%.1f %%", service.valueYuan / gepYuan * 100)) : "不计入GEP",
                        prices.joined(separator: "；")]
            } + [[category.localName, "小计", yi(subtotal), gepYuan == 0 ? "–" : String(format: "%.1f %%", subtotal / gepYuan * 100), ""]]
        } + [["合计", "生态系统生产总值（GEP）\(partial)", yi(gepYuan), "100.0 %", ""]]
        var sections = [
            ReportSection(id: "gep-summary", title: "一、核算结果汇总", note: nil, headers: ["指标", "数值"], rows: summary),
            ReportSection(id: "physical", title: "二、生态系统服务功能量核算表", note: "功能量为各服务的实物量；方法为所用的核算方法。",
                          headers: ["类别", "服务", "功能量", "单位", "核算方法"], rows: physical, numeric: 2..<3),
            ReportSection(id: "monetary", title: "三、生态系统服务价值量核算表（亿元，\(reportYear)年价格）",
                          note: "价值量 = 功能量 × 单价；“不计入GEP”的服务只报告、不加总（如释氧，非最终产品）。",
                          headers: ["类别", "服务", "价值量（亿元）", "占GEP比例", "单价（\(reportYear)年价格）"], rows: monetary, numeric: 2..<4,
                          chart: SVGBarChart(title: "各服务价值量（亿元）", groups: [SVGBarChart.Group(heading: nil, bars: services.map {
                              SVGBarChart.Bar(label: "\($0.localName) \($0.id)", value: $0.valueYuan, annotation: "\(yi($0.valueYuan)) 亿元\($0.includedInTotal ? "" : "（不计入）")")
                          })])),
            ReportSection(id: "units", title: "四、各核算单元生态系统生产总值", note: nil,
                          headers: ["单元", "名称", "面积（km²）", "GEP（亿元）", "单位面积GEP（万元/km²）"],
                          rows: units.map { [$0.id, $0.localName ?? $0.name, formatNumber($0.areaSquareKilometres), yi($0.gepYuan),
                                             $0.areaSquareKilometres > 0 ? formatNumber($0.gepYuan / $0.areaSquareKilometres / 1e4, significant: 4) : "无"] },
                          numeric: 2..<5),
        ]
        if !servicesNotRun.isEmpty {
            sections.append(ReportSection(id: "not-run", title: "五、未核算的服务", note: "原因取自模型文件。", headers: ["服务", "原因"],
                                          rows: servicesNotRun.map { ["\($0.localName)（\($0.id)）", $0.reason] }, numeric: 0..<0))
        }
        if !warnings.isEmpty {
            sections.append(ReportSection(id: "warnings", title: "提示", note: "提示为服务模块的原文。", headers: ["服务", "单元", "提示"],
                                          rows: warnings.map { [$0.service, $0.unit, $0.message] }, numeric: 0..<0))
        }
        let status = ["measured": "实测", "published": "公开发表", "assumed": "假设"]
        sections.append(ReportSection(
            id: "provenance", title: "附录：数据来源", note: "状态：实测、公开发表，或假设（说明中给出理由）。",
            headers: ["范围", "项目", "数值", "来源", "年份", "状态", "说明"],
            rows: provenance.map { [$0.scope ?? "", $0.item, $0.value, $0.source, $0.year.map(String.init) ?? "", status[$0.status] ?? $0.status, $0.note ?? ""] },
            numeric: 0..<0))
        return ReportSection.render(title: title, lead: lead, sections: sections, as: format)
    }
}
