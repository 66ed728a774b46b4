/// A value of a region model that carries an uncertainty: a price, a region-wide input or one unit's input.
public struct UncertainParameter: Sendable, Hashable {
    public enum Location: Sendable, Hashable {
        case price(String)
        case regionInput(String)
        case unitInput(unit: String, key: String)
    }

    public let location: Location
    public let uncertainty: Uncertainty

    /// "price carbon-price", "precipitation", "jinhe: area".
    public var label: String {
        switch location {
        case let .price(key): return "price \(key)"
        case let .regionInput(key): return key
        case let .unitInput(unit, key): return "\(unit): \(key)"
        }
    }

    /// The value the parameter takes in the deterministic model: the value itself (absolute) or 1 (relative).
    public func baseline(in model: RegionModel) -> Double {
        guard case .absolute = uncertainty else { return 1 }
        switch location {
        case let .price(key): return (try? model.prices.price(key).amount) ?? 0
        case let .regionInput(key): return model.regionInputs[key]?.singleValue ?? 0
        case let .unitInput(unit, key): return model.unitInputs[unit]?[key]?.singleValue ?? 0
        }
    }
}

extension Input {
    /// The number of a single-valued input.
    var singleValue: Double? {
        if case let .single(measure) = value { return measure.value }
        return nil
    }
}

extension RegionModel {
    /// Every uncertain value, in a fixed order: prices by key, region inputs by key, then each unit's inputs.
    public var uncertainParameters: [UncertainParameter] {
        var parameters = prices.all.compactMap { price in price.uncertainty.map { UncertainParameter(location: .price(price.key), uncertainty: $0) } }
        parameters += regionInputs.all.compactMap { input in input.uncertainty.map { UncertainParameter(location: .regionInput(input.key), uncertainty: $0) } }
        for unit in region.units {
            parameters += (unitInputs[unit.id] ?? Inputs()).all.compactMap { input in
                input.uncertainty.map { UncertainParameter(location: .unitInput(unit: unit.id, key: input.key), uncertainty: $0) }
            }
        }
        return parameters
    }

    /// The model with each parameter set to a value (a draw, or a perturbed baseline).
    public func with(_ parameters: [UncertainParameter], values: [Double]) -> RegionModel {
        precondition(parameters.count == values.count, "one value per parameter")
        var priceList = Dictionary(uniqueKeysWithValues: prices.all.map { ($0.key, $0) })
        var region = regionInputs
        var units = unitInputs
        for (parameter, value) in zip(parameters, values) {
            switch parameter.location {
            case let .price(key): priceList[key] = priceList[key]?.drawn(value)
            case let .regionInput(key): if let input = region[key] { region.set(input.drawn(value)) }
            case let .unitInput(unit, key): if let input = units[unit]?[key] { units[unit]?.set(input.drawn(value)) }
            }
        }
        return replacing(regionInputs: region, unitInputs: units, prices: PriceBook(name: prices.name, prices: Array(priceList.values)))
    }
}
