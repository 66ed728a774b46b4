import Foundation

extension CompensationReport {
    /// The report in `format` (the same formats as `gep account`).
    public func render(_ format: ReportFormat) throws -> String {
        switch format {
        case .table: return renderTable()
        case .csv: return renderCSV()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        case .md: return renderMarkdown()
        case .html: return renderHTML()
        }
    }

    var title: String { "\(name): \(schemes.count) compensation schemes on a budget of \(wan(budgetYuan)) 万元 (\(priceYear) prices)" }

    /// 万元 with two decimals.
    func wan(_ yuan: Double) -> String { String(format: "%.2f", yuan / 1e4) }

    private func ratio(_ value: Double?) -> String { value.map { formatNumber($0, significant: 3) } ?? "–" }

    /// Rows of the amounts table: one per unit, one column per scheme, in 万元.
    var amountRows: [[String]] {
        units.indices.map { i in [units[i].id, units[i].localName ?? ""] + schemes.map { wan($0.amountsYuan[i]) } }
            + [["total", ""] + schemes.map { wan($0.totalYuan) }]
    }

    /// Rows of the metrics table.
    var metricRows: [[String]] {
        schemes.map {
            [$0.id, wan($0.totalYuan), formatNumber($0.gini, significant: 3), formatNumber($0.coefficientOfVariation, significant: 3),
             ratio($0.compensationToGEP), ratio($0.compensationToOpportunityCost), $0.budgetConstrained ? "yes" : "no (see notes)"]
        }
    }
    static let metricHeaders = ["scheme", "total (万元)", "Gini", "CV", "comp./GEP", "comp./opp. cost", "budget-constrained"]

    private func renderTable() -> String {
        var text = "\(title)\n\n"
        var amounts = TextTable(headers: ["unit", "名称"] + schemes.map { "\($0.id) (万元)" },
                                alignments: [.left, .left] + schemes.map { _ in .right })
        amountRows.forEach { amounts.append($0) }
        text += amounts.render() + "\n"
        var metrics = TextTable(headers: Self.metricHeaders, alignments: [.left] + Array(repeating: .right, count: 6))
        metricRows.forEach { metrics.append($0) }
        text += metrics.render() + "\n"
        var agreement = TextTable(headers: ["schemes", "Spearman ρ"], alignments: [.left, .right])
        for pair in rankAgreement { agreement.append(["\(pair.first) ~ \(pair.second)", ratio(pair.spearman)]) }
        text += agreement.render()
        let notes = schemes.flatMap { scheme in scheme.notes.map { "  \(scheme.id): \($0)\n" } }
        if !notes.isEmpty { text += "\nnotes:\n" + notes.joined() }
        return text
    }

    /// RFC 4180 CSV with a `level` column: a `unit` row per scheme and unit (the amount, per km² and per resident where
    /// populations are known), then a `scheme` row per scheme (its total in `amount_yuan`, its metrics, and Spearman's ρ
    /// with every scheme, as a matrix by column), so that a sum over one level counts each amount once.
    private func renderCSV() -> String {
        let withPopulation = units.contains { $0.population != nil }
        var rows = [["level", "scheme", "unit", "name", "local_name", "amount_yuan"] + (withPopulation ? ["per_capita_yuan"] : [])
            + ["per_km2_yuan", "gini", "coefficient_of_variation", "compensation_to_gep", "compensation_to_opportunity_cost"]
            + schemes.map { "spearman_\($0.id)" } + ["price_year", "explanation"]]
        let number = { (value: Double?) in value.map { "\($0)" } ?? "" }
        for scheme in schemes {
            for (i, unit) in units.enumerated() {
                rows.append(["unit", scheme.id, unit.id, unit.name, unit.localName ?? "", "\(scheme.amountsYuan[i])"]
                             + (withPopulation ? [number(scheme.perCapitaYuan[i])] : []) + [number(scheme.perSquareKilometreYuan[i])]
                             + Array(repeating: "", count: 4 + schemes.count) + ["\(priceYear)", scheme.explanations[i]])
            }
        }
        for scheme in schemes {
            let rho = schemes.map { other -> String in
                guard other.id != scheme.id else { return "1" }
                return number(rankAgreement.first { Set([$0.first, $0.second]) == Set([scheme.id, other.id]) }?.spearman)
            }
            rows.append(["scheme", scheme.id, "", "", "", "\(scheme.totalYuan)"] + (withPopulation ? [""] : [])
                        + ["", "\(scheme.gini)", "\(scheme.coefficientOfVariation)", number(scheme.compensationToGEP),
                           number(scheme.compensationToOpportunityCost)] + rho + ["\(priceYear)", scheme.summary])
        }
        return rows.map { $0.map(csvEscape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private func renderMarkdown() -> String {
        var text = "# \(markdownText(title))\n\n## Amounts (万元)\n\n"
        text += markdownTable(["unit", "名称"] + schemes.map(\.id), amountRows)
        text += "\n## Metrics\n\n" + markdownTable(Self.metricHeaders, metricRows)
        text += "\n## Rank agreement (Spearman ρ)\n\n" + markdownTable(["schemes", "ρ"], rankAgreement.map { ["\($0.first) ~ \($0.second)", ratio($0.spearman)] })
        text += "\n## Provenance\n\n" + markdownTable(["item", "value", "status", "year", "source", "note"], provenance.map {
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

    private func renderHTML() -> String {
        let chart = SVGBarChart(title: "Compensation per unit by scheme (万元)", groups: units.indices.map { i in
            SVGBarChart.Group(heading: units[i].localName.map { "\($0) \(units[i].id)" } ?? units[i].id, bars: schemes.enumerated().map { s, scheme in
                SVGBarChart.Bar(label: scheme.id, value: scheme.amountsYuan[i], annotation: "\(wan(scheme.amountsYuan[i])) 万元", series: s)
            })
        }, sharedScale: true, legend: schemes.map(\.id))
        var html = htmlHead(title)
        html += "<h1>\(escapeHTML(title))</h1>\n"
        html += "<section class=\"chart\" id=\"by-unit\">\n<h2>Amounts by unit</h2>\n\(chart.render())\n"
        html += htmlTable(["unit", "名称"] + schemes.map { "\($0.id) (万元)" }, amountRows, numericFrom: 2) + "</section>\n"
        html += "<h2 id=\"metrics\">Metrics</h2>\n" + htmlTable(Self.metricHeaders, metricRows, numericFrom: 1)
        html += "<h2>Rank agreement (Spearman ρ)</h2>\n" + rankMatrixHTML
        html += "<h2>Provenance</h2>\n" + htmlTable(["item", "value", "status", "year", "source", "note"], provenance.map {
            [$0.item, $0.value, $0.status, $0.year.map(String.init) ?? "", $0.source, $0.note ?? ""]
        }, numericFrom: 99)
        return html + "</body>\n</html>\n"
    }
}
