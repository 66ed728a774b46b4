import Foundation
import GEPCore

extension CompensationReport {
    /// The report in `format` (the same formats as `gep account`), its words in `language` (scheme ids, the schemes'
    /// explanations and notes, and the data formats stay as they are).
    public func render(_ format: ReportFormat, language: ReportLanguage = .en) throws -> String {
        try renderText(format, language: language).string
    }

    /// ``render(_:language:)`` as the pieces it is made in: the CSV's rows of each scheme as bytes, for a writer
    /// that writes them without joining them (``ReportText``).
    public func renderText(_ format: ReportFormat, language: ReportLanguage = .en) throws -> ReportText {
        let words = Words(language)
        switch format {
        case .table: return ReportText(renderTable(words))
        case .csv: return ReportText(pieces: renderCSV())
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return ReportText(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n")
        case .md: return ReportText(renderMarkdown(words))
        case .html: return ReportText(renderHTML(words))
        }
    }

    /// The report's words in one language.
    struct Words {
        let title: (CompensationReport) -> String
        let unit, localName, total, amounts, metrics, agreement, schemes, notes, provenance, item, value, status, year, source, note, yes, noSeeNotes: String
        let metricHeaders: [String]

        init(_ language: ReportLanguage) {
            switch language {
            case .en:
                title = { "\($0.name): \($0.schemes.count) compensation schemes on a budget of \($0.wan($0.budgetYuan)) 万元 (\($0.priceYear) prices)" }
                (unit, localName, total, amounts, metrics, agreement) = ("unit", "名称", "total", "Amounts by unit", "Metrics", "Rank agreement (Spearman ρ)")
                (schemes, notes, provenance, item, value, status, year, source, note) = ("schemes", "notes", "Provenance", "item", "value", "status", "year", "source", "note")
                (yes, noSeeNotes) = ("yes", "no (see notes)")
                metricHeaders = ["scheme", "total (万元)", "Gini", "CV", "comp./GEP", "comp./opp. cost", "budget-constrained"]
            case .zh:
                title = { "\($0.name)：\($0.schemes.count)种生态补偿方案，预算\($0.wan($0.budgetYuan))万元（\($0.priceYear)年价格）" }
                (unit, localName, total, amounts, metrics, agreement) = ("单元", "名称", "合计", "各单元补偿金额", "评价指标", "方案排序一致性（Spearman ρ）")
                (schemes, notes, provenance, item, value, status, year, source, note) = ("方案", "说明", "数据来源", "项目", "数值", "状态", "年份", "来源", "备注")
                (yes, noSeeNotes) = ("是", "否（见说明）")
                metricHeaders = ["方案", "合计（万元）", "基尼系数", "变异系数", "补偿/GEP", "补偿/机会成本", "用尽预算"]
            }
        }
    }

    /// 万元 with two decimals.
    func wan(_ yuan: Double) -> String { String(format: "%.2f", yuan / 1e4) }

    private func ratio(_ value: Double?) -> String { value.map { formatNumber($0, significant: 3) } ?? "–" }

    /// Rows of the amounts table: one per unit, one column per scheme, in 万元.
    func amountRows(_ words: Words) -> [[String]] {
        units.indices.map { i in [units[i].id, units[i].localName ?? ""] + schemes.map { wan($0.amountsYuan[i]) } }
            + [[words.total, ""] + schemes.map { wan($0.totalYuan) }]
    }

    /// Rows of the metrics table.
    func metricRows(_ words: Words) -> [[String]] {
        schemes.map {
            [$0.id, wan($0.totalYuan), formatNumber($0.gini, significant: 3), formatNumber($0.coefficientOfVariation, significant: 3),
             ratio($0.compensationToGEP), ratio($0.compensationToOpportunityCost), $0.budgetConstrained ? words.yes : words.noSeeNotes]
        }
    }

    private func renderTable(_ words: Words) -> String {
        var text = "\(words.title(self))\n\n"
        var amounts = TextTable(headers: [words.unit, words.localName] + schemes.map { "\($0.id) (万元)" },
                                alignments: [.left, .left] + schemes.map { _ in .right })
        amountRows(words).forEach { amounts.append($0) }
        text += amounts.render() + "\n"
        var metrics = TextTable(headers: words.metricHeaders, alignments: [.left] + Array(repeating: .right, count: 6))
        metricRows(words).forEach { metrics.append($0) }
        text += metrics.render() + "\n"
        var agreement = TextTable(headers: [words.schemes, "Spearman ρ"], alignments: [.left, .right])
        for pair in rankAgreement { agreement.append(["\(pair.first) ~ \(pair.second)", ratio(pair.spearman)]) }
        text += agreement.render()
        let notes = schemes.flatMap { scheme in scheme.notes.map { "  \(scheme.id): \($0)\n" } }
        if !notes.isEmpty { text += "\n\(words.notes):\n" + notes.joined() }
        return text
    }

    /// RFC 4180 CSV with a `level` column: a `unit` row per scheme and unit (the amount, per km² and per resident where
    /// populations are known), then a `scheme` row per scheme (its total in `amount_yuan`, its metrics, and Spearman's ρ
    /// with every scheme, as a matrix by column), so that a sum over one level counts each amount once.
    ///
    /// The unit rows are built as bytes, each scheme's a piece made on the cores while the pieces before it are
    /// written (``ReportText/Piece/deferred(_:)``): at 10⁵ units and six schemes the table is 6·10⁵ rows.
    private func renderCSV() -> [ReportText.Piece] {
        let withPopulation = units.contains { $0.population != nil }
        let header = ["level", "scheme", "unit", "name", "local_name", "amount_yuan"] + (withPopulation ? ["per_capita_yuan"] : [])
            + ["per_km2_yuan", "gini", "coefficient_of_variation", "compensation_to_gep", "compensation_to_opportunity_cost"]
            + schemes.map { "spearman_\($0.id)" } + ["price_year", "explanation"]
        let number = { @Sendable (value: Double?) in value.map { "\($0)" } ?? "" }
        func line(_ row: [String]) -> String { row.map(csvEscape).joined(separator: ",") + "\r\n" }
        // The units' own fields, escaped once for every scheme.
        let units = units
        let identities = parallelPrefix(units.count) { [units[$0].id, units[$0].name, units[$0].localName ?? ""].map(csvEscape).joined(separator: ",") }.values
        let blanks = "," + String(repeating: ",", count: 4 + schemes.count - 1)
        let tail = ",\(priceYear),", comma = UInt8(ascii: ",")
        let schemes = schemes
        let unitRows = schemes.map { scheme in ReportText.Piece.deferred {
            let lead = "unit," + csvEscape(scheme.id) + ","
            var bytes: [UInt8] = []
            bytes.reserveCapacity(160 * identities.count)
            for (i, identity) in identities.enumerated() {
                bytes.appendUTF8(lead)
                bytes.appendUTF8(identity)
                bytes.append(comma)
                bytes.appendUTF8(scheme.amountsYuan[i].description)
                if withPopulation {
                    bytes.append(comma)
                    bytes.appendUTF8(number(scheme.perCapitaYuan[i]))
                }
                bytes.append(comma)
                bytes.appendUTF8(number(scheme.perSquareKilometreYuan[i]))
                bytes.appendUTF8(blanks)
                bytes.appendUTF8(tail)
                bytes.appendCSVField(scheme.explanations[i])
                bytes.appendUTF8("\r\n")
            }
            return bytes
        } }
        let schemeRows = schemes.map { scheme in
            let rho = schemes.map { other -> String in
                guard other.id != scheme.id else { return "1" }
                return number(rankAgreement.first { Set([$0.first, $0.second]) == Set([scheme.id, other.id]) }?.spearman)
            }
            return line(["scheme", scheme.id, "", "", "", "\(scheme.totalYuan)"] + (withPopulation ? [""] : [])
                        + ["", "\(scheme.gini)", "\(scheme.coefficientOfVariation)", number(scheme.compensationToGEP),
                           number(scheme.compensationToOpportunityCost)] + rho + ["\(priceYear)", scheme.summary])
        }.joined()
        return [.string(line(header))] + unitRows + [.string(schemeRows)]
    }

    private func renderMarkdown(_ words: Words) -> String {
        var text = "# \(markdownText(words.title(self)))\n\n## \(words.amounts) (万元)\n\n"
        text += markdownTable([words.unit, words.localName] + schemes.map(\.id), amountRows(words))
        text += "\n## \(words.metrics)\n\n" + markdownTable(words.metricHeaders, metricRows(words))
        text += "\n## \(words.agreement)\n\n" + markdownTable([words.schemes, "ρ"], rankAgreement.map { ["\($0.first) ~ \($0.second)", ratio($0.spearman)] })
        text += "\n## \(words.provenance)\n\n" + markdownTable([words.item, words.value, words.status, words.year, words.source, words.note], provenance.map {
            [$0.item, $0.value, $0.status, $0.year.map(String.init) ?? "", $0.source, $0.note ?? ""]
        })
        return text
    }

    /// Spearman's ρ between every two schemes as a matrix, each cell shaded from red (−1) through white (0) to blue (1).
    private var rankMatrixHTML: String {
        var html = "<table class=\"matrix\" id=\"rank-agreement\">\n<tr><th>ρ</th>" + schemes.map { "<th>\(escapeHTML($0.id))</th>" }.joined() + "</tr>\n"
        for row in schemes {
            html += "<tr><th>\(escapeHTML(row.id))</th>"
            for column in schemes {
                let rho = row.id == column.id ? 1 : rankAgreement.first { Set([$0.first, $0.second]) == Set([row.id, column.id]) }?.spearman
                let shade = rho.map { value -> String in
                    let strength = Int((abs(value) * 55).rounded())  // lightness 100 % at 0, 45 % at ±1
                    return " style=\"background: hsl(\(value < 0 ? 0 : 210), 70%, \(100 - strength)%)\""
                } ?? ""
                html += "<td class=\"number\"\(shade)>\(ratio(rho))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</table>\n"
    }

    private func renderHTML(_ words: Words) -> String {
        let chart = SVGBarChart(title: "\(words.amounts) (万元)", groups: units.indices.map { i in
            SVGBarChart.Group(heading: units[i].localName.map { "\($0) \(units[i].id)" } ?? units[i].id, bars: schemes.enumerated().map { s, scheme in
                SVGBarChart.Bar(label: scheme.id, value: scheme.amountsYuan[i], annotation: "\(wan(scheme.amountsYuan[i])) 万元", series: s)
            })
        }, sharedScale: true, legend: schemes.map(\.id))
        let title = words.title(self)
        var html = htmlHead(title)
        html += "<h1>\(escapeHTML(title))</h1>\n"
        html += "<section class=\"chart\" id=\"by-unit\">\n<h2>\(words.amounts)</h2>\n\(chart.render())\n"
        html += htmlTable([words.unit, words.localName] + schemes.map { "\($0.id) (万元)" }, amountRows(words), numericFrom: 2) + "</section>\n"
        html += "<h2 id=\"metrics\">\(words.metrics)</h2>\n" + htmlTable(words.metricHeaders, metricRows(words), numericFrom: 1)
        html += "<h2>\(words.agreement)</h2>\n" + rankMatrixHTML
        html += "<h2>\(words.provenance)</h2>\n" + htmlTable([words.item, words.value, words.status, words.year, words.source, words.note], provenance.map {
            [$0.item, $0.value, $0.status, $0.year.map(String.init) ?? "", $0.source, $0.note ?? ""]
        }, numericFrom: 99)
        return html + "</body>\n</html>\n"
    }
}
