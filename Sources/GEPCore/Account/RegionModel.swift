/// Everything needed to compute a region's GEP account: the region and its units, which services to run and how,
/// the inputs (region-wide, and per unit where a unit differs), the prices and the deflator.
///
/// Model files under `models/` are read into this type by `GEPModelFiles`; Swift code can build one directly.
public struct RegionModel: Sendable {
    /// One service to run, with its method and whether it counts towards GEP.
    public struct ServiceChoice: Sendable, Hashable {
        public let id: ServiceID
        /// The method id; nil for the service's default.
        public let method: String?
        /// False for services reported but not summed (oxygen release under the final-product rule, say).
        public let includedInTotal: Bool

        public init(_ id: ServiceID, method: String? = nil, includedInTotal: Bool = true) {
            self.id = id
            self.method = method
            self.includedInTotal = includedInTotal
        }
    }

    /// A service the account does not run, and why (no data, not relevant to the region): reports list these beside
    /// every total and call the account partial, as GB/T 46869—2025's reporting asks of a published GEP.
    public struct OmittedService: Sendable, Hashable {
        public let id: ServiceID
        public let reason: String

        public init(_ id: ServiceID, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    /// The region and its accounting units.
    public let region: Region
    /// The year the physical inputs describe.
    public let year: Int
    /// The price year of the report; prices are restated to it with `deflator`.
    public let reportYear: Int
    /// The services to run, in report order.
    public let services: [ServiceChoice]
    /// Inputs that apply to every unit.
    public let regionInputs: Inputs
    /// Inputs of single units, overriding region-wide ones.
    public let unitInputs: [String: Inputs]
    /// Where each unit's ecosystem areas come from.
    public let areaProvenance: AreaProvenance
    /// Region facts for ratios: "population" (count) and "gdp" (money), when known.
    public let facts: Inputs
    /// The unit prices.
    public let prices: PriceBook
    /// The index that restates prices to `reportYear`; nil when all prices are already at that year.
    public let deflator: Deflator?
    /// Services the model brings beside the registry's (declarative services named by the model file).
    public let extraServices: [any EcosystemService]
    /// Services of the standard's list that this account leaves out, with the reason; empty for a complete account.
    public let servicesNotRun: [OmittedService]

    public init(region: Region, year: Int, reportYear: Int, services: [ServiceChoice], regionInputs: Inputs,
                unitInputs: [String: Inputs] = [:], areaProvenance: AreaProvenance = [:], facts: Inputs = Inputs(),
                prices: PriceBook, deflator: Deflator?, extraServices: [any EcosystemService] = [],
                servicesNotRun: [OmittedService] = []) {
        self.region = region
        self.year = year
        self.reportYear = reportYear
        self.services = services
        self.regionInputs = regionInputs
        self.unitInputs = unitInputs
        self.areaProvenance = areaProvenance
        self.facts = facts
        self.prices = prices
        self.deflator = deflator
        self.extraServices = extraServices
        self.servicesNotRun = servicesNotRun
    }

    /// This model with other inputs or prices, everything else kept: an uncertainty draw, or another price book.
    public func replacing(regionInputs: Inputs? = nil, unitInputs: [String: Inputs]? = nil, prices: PriceBook? = nil) -> RegionModel {
        RegionModel(region: region, year: year, reportYear: reportYear, services: services, regionInputs: regionInputs ?? self.regionInputs,
                    unitInputs: unitInputs ?? self.unitInputs, areaProvenance: areaProvenance, facts: facts, prices: prices ?? self.prices,
                    deflator: deflator, extraServices: extraServices, servicesNotRun: servicesNotRun)
    }

    /// `registry` with the model's own services added.
    ///
    /// - Throws: ``RegistryError/duplicateID(_:)`` when a model service takes an id already registered.
    public func registry(extending registry: ServiceRegistry) throws -> ServiceRegistry { try registry.adding(extraServices) }

    /// The inputs one unit's services see: region-wide inputs overlaid with the unit's own.
    public func inputs(for unit: AccountingUnit) -> Inputs {
        regionInputs.merging(unitInputs[unit.id] ?? Inputs())
    }

    /// Runs every chosen service on every unit and builds the account at `reportYear` prices.
    ///
    /// Units are assessed in batches (``CellBatch/batches(of:shared:overrides:)``), each service over each batch
    /// in one call. When anything fails, the units are assessed again one by one, in region order, so that the
    /// error reported is the first a unit-by-unit run meets, with the same message.
    ///
    /// - Throws: ``RegistryError`` for an unknown service, and the first ``InputError``, ``PriceError``,
    ///   ``ServiceError``, ``AccountError`` or ``DeflatorError`` met, before any result is returned.
    public func run(with registry: ServiceRegistry) throws -> AccountRun {
        let registry = try self.registry(extending: registry)
        let modules = try services.map { try registry.service($0.id) }
        do {
            return try runInBatches(modules)
        } catch {
            try checkUnitByUnit(modules)
            throw error
        }
    }

    private func runInBatches(_ modules: [any EcosystemService]) throws -> AccountRun {
        var chosen = Set<ServiceID>()
        for choice in services where !chosen.insert(choice.id).inserted {
            throw AccountError.duplicateResult(service: choice.id.rawValue, unit: region.units.first?.id ?? region.id)
        }
        // Batches of at most a core's share of the units, so that every core has work when all units have one shape.
        let batches = CellBatch.batches(of: region.units, shared: regionInputs, overrides: unitInputs,
                                        maximumCells: max(1024, region.units.count / max(1, parallelChunks(region.units.count).count)))
        // Every (service, batch) pair is independent of the others: they run on all cores, the outcomes in order.
        let services = services, prices = prices
        let pairs = try parallelMap(services.count * batches.count) { index in
            let (s, b) = index.quotientAndRemainder(dividingBy: batches.count)
            return try modules[s].evaluate(batches[b].batch, method: services[s].method, prices: prices)
        }
        let outcomes = services.indices.map { s in Array(pairs[(s * batches.count)..<((s + 1) * batches.count)]) }
        var location = [(batch: Int, cell: Int)](repeating: (0, 0), count: region.units.count)
        for (b, batch) in batches.enumerated() {
            for (cell, position) in batch.positions.enumerated() { location[position] = (b, cell) }
        }
        let positions = batches.map(\.positions), units = region.units.count
        let account = try AccountAssembly(services: services, categories: modules.map(\.category), outcomes: outcomes,
                                          location: location, positions: positions, units: region.units.map(\.id),
                                          reportYear: reportYear, deflator: deflator).account()
        let runs = try parallelMap(services.count) { s in
            try ServiceRun(modules[s], method: services[s].method, outcomes: outcomes[s], positions: positions, units: units)
        }
        return AccountRun(model: self, services: runs, account: account)
    }

    /// Assesses unit by unit and builds the account from the results, for the error a batch run met.
    private func checkUnitByUnit(_ modules: [any EcosystemService]) throws {
        var results: [ServiceResult] = []
        for unit in region.units {
            let unitInputs = inputs(for: unit)
            for (choice, module) in zip(services, modules) {
                results.append(try module.evaluate(unit, method: choice.method, inputs: unitInputs, prices: prices))
            }
        }
        let excluded = Set(services.filter { !$0.includedInTotal }.map(\.id))
        _ = try Account(results: results, reportYear: reportYear, deflator: deflator, excludedFromTotal: excluded)
    }
}

/// The outcome of ``RegionModel/run(with:)``: the model, each service over every unit, and the account.
public struct AccountRun: Sendable {
    public let model: RegionModel
    /// Each service's physical amounts and warnings over the units, in model order.
    public let services: [ServiceRun]
    public let account: Account
    /// Per-service quick-look maps of a raster run, in service order; empty for a table model.
    public let maps: [QuickLookMap]

    /// A run from its parts; ``RegionModel/run(with:)`` and ``ZonalAccount`` build them.
    public init(model: RegionModel, services: [ServiceRun], account: Account, maps: [QuickLookMap] = []) {
        self.model = model
        self.services = services
        self.account = account
        self.maps = maps
    }

    /// The same run with quick-look maps.
    public func with(maps: [QuickLookMap]) -> AccountRun { AccountRun(model: model, services: services, account: account, maps: maps) }

    /// Every warning, units in region order and, within a unit, services in model order.
    public var warnings: [ServiceWarning] {
        let rows = Set(services.flatMap(\.warnings.keys)).sorted()
        return rows.flatMap { row in
            services.flatMap { service in
                (service.warnings[row] ?? []).map { ServiceWarning(service: service.id, unit: model.region.units[row].id, message: $0.description) }
            }
        }
    }

    /// GEP per km² of the region, in 元 at report-year prices; nil for a region of no area.
    public var gepPerSquareKilometre: Double? {
        let area = model.region.totalArea.value(in: .squareKilometre)
        return finiteRatio(account.gep.yuan, area)
    }

    /// GEP per resident, when the model gives a population.
    public func gepPerCapita() throws -> Double? {
        guard model.facts["population"] != nil else { return nil }
        let population = try facts().quantity("population", Count.self).baseValue
        return finiteRatio(account.gep.yuan, population)
    }

    /// GEP ÷ GDP, with GDP restated to the report year, when the model gives a GDP.
    public func gepToGDP() throws -> Double? {
        guard model.facts["gdp"] != nil else { return nil }
        var gdp = try facts().money("gdp")
        if gdp.priceYear != account.reportYear {
            guard let deflator = model.deflator else {
                throw AccountError.deflatorNeeded(line: "gdp", priceYear: gdp.priceYear, reportYear: account.reportYear)
            }
            gdp = try deflator.restate(gdp, to: account.reportYear)
        }
        return finiteRatio(account.gep.yuan, gdp.yuan)
    }

    /// A reader over the region facts; errors name the region as the unit.
    private func facts() throws -> InputReader {
        InputReader(inputs: model.facts, service: "region facts",
                    unit: try AccountingUnit(id: model.region.id, name: model.region.name, ecosystemAreas: [:]))
    }
}
