extension AccountReport {
    /// One self-contained HTML page: the headline, a chart per section (value by service, value by accounting unit,
    /// physical amounts), the provenance table and warnings. No scripts, no external files.
    func renderHTML() -> String {
        let byService = SVGBarChart(title: "Value by service (亿元)", groups: [SVGBarChart.Group(heading: nil, bars: services.map {
            SVGBarChart.Bar(label: "\($0.localName) \($0.id)", value: $0.valueYuan,
                            annotation: "\(hundredMillionYuan($0.valueYuan)) 亿元\($0.includedInTotal ? "" : " (not summed)")")
        })])
        let byUnit = SVGBarChart(title: "GEP by accounting unit (亿元)", groups: [SVGBarChart.Group(heading: nil, bars: units.map {
            SVGBarChart.Bar(label: $0.localName ?? $0.name, value: $0.gepYuan, annotation: "\(hundredMillionYuan($0.gepYuan)) 亿元")
        })])
        // Each service's bars share one axis and one unit with one magnitude (all 万t, say, not 万t beside t).
        let physical = SVGBarChart(title: "Physical amounts by service and unit", groups: services.map { service in
            let amounts = units.map { $0.physicalAmount(of: service.id) ?? 0 }
            return SVGBarChart.Group(heading: "\(service.localName) \(service.id) (\(service.physicalUnit))", bars: zip(zip(units, amounts),
                                     formatAmounts(amounts, unit: service.physicalUnit)).map { pair, text in
                SVGBarChart.Bar(label: pair.0.localName ?? pair.0.name, value: pair.1, annotation: text)
            })
        })
        var html = htmlHead(title) + """
            <h1>\(escapeHTML(title))</h1>
            <p>Prices: \(escapeHTML(priceBook))\(deflator.map { "; restated with " + escapeHTML($0) } ?? "").</p>
            <p class="total" id="gep-total">GEP: <strong>\(hundredMillionYuan(gepYuan)) 亿元</strong>\(servicesNotRun.isEmpty ? "" : " (partial: see the services not run)")</p>

            """
        html += table(["", "value"], headline.map { [$0.label.trimmingCharacters(in: .whitespaces), $0.value] }, numericColumns: [1])
        html += section("by-service", "Value by service", byService.render() + table(
            ["service", "名称", "method", "physical amount", "value (亿元)", "share"],
            services.map { [$0.id, $0.localName, $0.method, formatAmount($0.physicalAmount, unit: $0.physicalUnit), hundredMillionYuan($0.valueYuan), share($0)] },
            numericColumns: [3, 4, 5]))
        if !servicesNotRun.isEmpty {
            html += "<h2 id=\"not-run\">Services not run (the account is partial)</h2>\n<ul>\n"
                + notRunLines.map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
        }
        html += section("by-unit", "GEP by accounting unit", byUnit.render() + table(
            ["unit", "名称", "area (km²)", "GEP (亿元)"],
            units.map { [$0.id, $0.localName ?? "", formatNumber($0.areaSquareKilometres), hundredMillionYuan($0.gepYuan)] },
            numericColumns: [2, 3]))
        html += section("physical", "Physical accounts", physical.render())
        for map in maps ?? [] {
            let name = services.first { $0.id == map.service }.map { "\($0.localName) \($0.id)" } ?? map.service
            let title = "\(name): physical amount per ha (\(map.unit))"
            html += section(escapeHTML("map-\(map.service)"), title, SVGRasterMap(map: map, title: title).render())
        }
        if !warnings.isEmpty {
            html += "<h2>Warnings</h2>\n<ul>\n" + warnings.map { "<li>\(escapeHTML("\($0.service) / \($0.unit): \($0.message)"))</li>\n" }.joined() + "</ul>\n"
        }
        html += "<h2 id=\"provenance\">Provenance</h2>\n"
        html += table(["scope", "item", "value", "status", "year", "source", "note"], provenance.map {
            [$0.scope ?? "", $0.item, $0.value, $0.status, $0.year.map(String.init) ?? "", $0.source, $0.note ?? ""]
        })
        return html + "</body>\n</html>\n"
    }

    private func section(_ id: String, _ heading: String, _ content: String) -> String {
        "<section class=\"chart\" id=\"\(id)\">\n<h2>\(escapeHTML(heading))</h2>\n\(content)</section>\n"
    }

    private func table(_ headers: [String], _ rows: [[String]], numericColumns: Set<Int> = []) -> String {
        htmlTable(headers, rows, numericFrom: numericColumns.min() ?? 99)
    }
}
