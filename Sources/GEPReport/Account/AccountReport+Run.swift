import GEPCore

extension AccountReport {
    /// How much of a run a report holds.
    public enum Content: Sendable {
        /// Everything: figures, provenance and warnings (every format, the store).
        case full
        /// The figures only, with empty `provenance` and `warnings`: what the CSV shows. At 10⁵ units the provenance
        /// rows and warnings (two per unit each) were a fifth of `gep account --format csv`.
        case figures
    }

    /// The report of `run`, with service names from `registry`.
    ///
    /// - Throws: the errors of ``AccountRun/gepPerCapita()`` and ``AccountRun/gepToGDP()`` (a population or GDP in
    ///   the wrong unit, a GDP year the deflator does not cover).
    public init(_ run: AccountRun, registry: ServiceRegistry, content: Content = .full) throws {
        let account = run.account
        let model = run.model
        let registry = try model.registry(extending: registry)
        var services: [ServiceRow] = []
        for (choice, serviceRun) in zip(model.services, run.services) {
            let module = try registry.service(choice.id)
            let lines = account.lines.indices.filter { account.lines[$0].service == choice.id }.map { l in
                let line = account.lines[l]
                let quantity = account.physical.column(l).reduce(0, +)
                return LineRow(id: line.line, label: line.label, quantity: quantity, unit: line.unit.symbol, priceKey: line.priceKey,
                               priceYuan: account.prices[l], valueYuan: account.values.column(l).reduce(0, +))
            }
            services.append(ServiceRow(
                id: choice.id.rawValue, name: module.name, localName: module.localName, category: module.category.rawValue,
                method: serviceRun.method, includedInTotal: choice.includedInTotal,
                physicalAmount: serviceRun.physical.reduce(0, +), physicalUnit: serviceRun.physicalUnit,
                valueYuan: account.value(of: choice.id).yuan, lines: lines))
        }
        // Columns found once, by service: searching them for every unit made the report quadratic in the number of
        // units.
        let columns = Dictionary(grouping: account.lines.indices, by: { account.lines[$0].service })
        // One piece of the units per core: a report of 10⁵ units builds 2·10⁵ small dictionaries.
        let serviceRuns = run.services
        let valueServices = model.services.map(\.id.rawValue), amountServices = serviceRuns.map(\.id.rawValue)
        let serviceColumns = model.services.map { columns[$0.id] ?? [] }
        let pieces = parallelChunks(model.region.units.count)
        let units = parallelMap(pieces.count) { p in
            pieces[p].map { row in
                let unit = model.region.units[row]
                return UnitRow(id: unit.id, name: unit.name, localName: unit.localName,
                               areaSquareKilometres: unit.totalArea.value(in: .squareKilometre), gepYuan: account.gepByUnit[row],
                               services: valueServices, values: serviceColumns.map { $0.reduce(0) { $0 + account.values[row, $1] } },
                               amountServices: amountServices, amounts: serviceRuns.map { $0.physical[row] })
            }
        }.flatMap { $0 }
        self.init(
            schema: AccountReport.schema,
            region: RegionInfo(id: model.region.id, name: model.region.name, localName: model.region.localName,
                               areaSquareKilometres: model.region.totalArea.value(in: .squareKilometre)),
            year: model.year, reportYear: model.reportYear, priceBook: model.prices.name, deflator: model.deflator?.name,
            gepYuan: account.gep.yuan,
            byCategoryYuan: Dictionary(uniqueKeysWithValues: ServiceCategory.allCases.map { ($0.rawValue, account.total(of: $0).yuan) }),
            gepPerSquareKilometreYuan: run.gepPerSquareKilometre, gepPerCapitaYuan: try run.gepPerCapita(),
            gepToGDP: try run.gepToGDP(), services: services, units: units,
            provenance: content == .full ? AccountReport.provenanceRows(model) : [],
            warnings: content == .full ? run.warnings.map { Warning(service: $0.service.rawValue, unit: $0.unit, message: $0.message) } : [],
            servicesNotRun: try model.servicesNotRun.map { omitted in
                let service = try registry.service(omitted.id)
                return OmittedRow(id: omitted.id.rawValue, name: service.name, localName: service.localName, reason: omitted.reason)
            },
            maps: run.maps.isEmpty ? nil : run.maps)
    }

    /// Every sourced number of the model: areas, region facts, inputs, prices and the deflator.
    static func provenanceRows(_ model: RegionModel) -> [ProvenanceRow] {
        @Sendable func row(_ scope: String, _ item: String, _ value: String, _ provenance: Provenance) -> ProvenanceRow {
            ProvenanceRow(scope: scope, item: item, value: value, provenance: provenance)
        }
        // Units' rows one piece per core: a table of 10⁵ units gives a row for every unit's areas and inputs.
        let units = model.region.units
        let pieces = parallelChunks(units.count)
        let unitRows = parallelMap(pieces.count) { p in
            var areas: [ProvenanceRow] = [], inputs: [ProvenanceRow] = []
            for unit in units[pieces[p]] {
                if let provenance = model.areaProvenance[unit.id] {
                    areas.append(row(unit.id, "areas", "\(formatNumber(unit.totalArea.value(in: .squareKilometre))) km²", provenance))
                }
                for input in (model.unitInputs[unit.id] ?? Inputs()).all {
                    inputs.append(row(unit.id, input.key, describe(input.value), input.provenance))
                }
            }
            return (areas: areas, inputs: inputs)
        }
        var rows = unitRows.flatMap(\.areas)
        for input in model.facts.all { rows.append(row("region", input.key, describe(input.value), input.provenance)) }
        for input in model.regionInputs.all { rows.append(row("region", input.key, describe(input.value), input.provenance)) }
        rows += unitRows.flatMap(\.inputs)
        for price in model.prices.all {
            rows.append(row("prices", price.key, "\(formatNumber(price.amount)) \(price.moneyUnit)/\(price.perUnit) (\(price.priceYear))",
                            price.provenance))
        }
        if let deflator = model.deflator {
            rows.append(row("deflator", deflator.name, deflator.coverage, deflator.provenance))
        }
        return rows
    }

    private static func describe(_ value: Input.Value) -> String {
        switch value {
        case let .single(measure):
            return measure.unit.isEmpty ? formatNumber(measure.value) : "\(formatNumber(measure.value)) \(measure.unit)"
        case let .byEcosystemType(values):
            let unit = values.values.first?.unit ?? ""
            let parts = values.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \(formatNumber($0.value.value))" }
            return parts.joined(separator: ", ") + (unit.isEmpty ? "" : " \(unit)")
        }
    }
}
