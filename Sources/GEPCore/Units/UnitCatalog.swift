import Synchronization

/// The dimensions GEPKit knows, for reading unit strings from files, where the dimension is not known at
/// compile time.
public enum UnitCatalog {
    /// Every dimension whose units may appear in a model file.
    public static let dimensions: [any PhysicalDimension.Type] = [
        Area.self, Volume.self, Mass.self, Length.self, Energy.self, Count.self, Ratio.self, Currency.self,
        ArealMass.self, VolumePerArea.self, Density.self, MassPerLength.self, RainfallErosivity.self,
        SoilErodibility.self, ArealEnergyRate.self, Time.self, EnergyPerVolume.self,
    ]

    /// The spelling used to compare unit strings: trimmed, lower-cased, superscripts folded to digits and
    /// "·" read as a space, so that "km²", "KM2" and " km2 " match, and so do "t·hm⁻²" and "t hm-2".
    public static func normalise(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (from, to) in [("²", "2"), ("³", "3"), ("⁴", "4"), ("⁸", "8"), ("¹", "1"), ("⁻", "-"), ("·", " "), ("×", "*")] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return result
    }

    /// The factor that converts an amount in unit `from` into unit `to`, when both measure one dimension:
    /// `conversionFactor(from: "万m³", to: "m³")` is 10⁴.
    ///
    /// - Throws: ``UnitError/unknownUnit(_:expected:)`` when `from` is unknown, and
    ///   ``UnitError/wrongDimension(unit:found:expected:)`` when `to` measures another dimension.
    public static func conversionFactor(from: String, to: String) throws -> Double {
        guard let dimension = dimension(ofUnit: from) else {
            throw UnitError.unknownUnit(from, expected: "any dimension")
        }
        return try dimension.factor(from: from, to: to)
    }

    /// The dimension called `name` ("area", "mass per area"), or nil.
    public static func dimension(named name: String) -> (any PhysicalDimension.Type)? {
        dimensions.first { $0.name == name }
    }

    /// The dimension a unit string belongs to, or nil when no dimension has it.
    public static func dimension(ofUnit text: String) -> (any PhysicalDimension.Type)? {
        AnyUnit(text)?.dimension
    }

    /// Counts the unit-string lookups made inside ``UnitLookupCounter/counting(_:)``: a diagnostic for tests and
    /// benchmarks, which check that evaluating an account looks up none (every value parsed its unit when it was
    /// made). Task-local, so that lookups by other tasks running at the same time are not counted.
    @TaskLocal public static var lookupCounter: UnitLookupCounter?

    /// The name of the dimension a unit string belongs to ("area"), or nil when no dimension has it.
    public static func dimensionName(ofUnit text: String) -> String? { dimension(ofUnit: text)?.name }
}

extension PhysicalDimension {
    static func factor(from: String, to: String) throws -> Double {
        try unit(parsing: from).baseUnitsPerUnit / unit(parsing: to).baseUnitsPerUnit
    }
}

/// The number of unit-string lookups made while a piece of work runs.
public final class UnitLookupCounter: Sendable {
    private let lookups = Mutex(0)

    /// The lookups counted so far.
    public var count: Int { lookups.withLock { $0 } }

    /// Runs `work` with lookups counted by a new counter, and returns the counter with the result.
    public static func counting<T>(_ work: () throws -> T) rethrows -> (lookups: Int, result: T) {
        let counter = UnitLookupCounter()
        let result = try UnitCatalog.$lookupCounter.withValue(counter) { try work() }
        return (counter.count, result)
    }

    func increment() { lookups.withLock { $0 += 1 } }
}
