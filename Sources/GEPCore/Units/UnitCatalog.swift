/// The dimensions GEPKit knows, for reading unit strings from files, where the dimension is not known at
/// compile time.
public enum UnitCatalog {
    /// Every dimension whose units may appear in a model file.
    public static let dimensions: [any PhysicalDimension.Type] = [
        Area.self, Volume.self, Mass.self, Depth.self, Energy.self, Count.self, Ratio.self,
    ]

    /// The spelling used to compare unit strings: trimmed, lower-cased, superscripts folded to digits and
    /// "·"-free, so that "km²", "KM2" and " km2 " match.
    public static func normalise(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespaces).lowercased()
        for (from, to) in [("²", "2"), ("³", "3"), ("⁴", "4"), ("⁸", "8"), ("·", ""), ("×", "*")] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return result
    }

    /// The name of the dimension a unit string belongs to ("area"), or nil when no dimension has it.
    public static func dimensionName(ofUnit text: String) -> String? {
        let key = normalise(text)
        return dimensions.first { dimension in dimension.hasSpelling(key) }?.name
    }
}

extension PhysicalDimension {
    static func hasSpelling(_ normalisedText: String) -> Bool {
        units.contains { $0.spellings.contains(normalisedText) }
    }
}
