import GEPCore

/// The SEEA ecosystem extent account of a region between two years: for each ecosystem type the opening area,
/// additions, reductions, net change and closing area, and the conversion matrix (from type × to type) where the
/// conversions are known.
///
/// closing = opening + additions − reductions, type by type (SEEA Ecosystem Accounting, UN 2021, §4.3, Table 4.1).
/// With conversions, a type's additions are the areas converted into it and its reductions the areas converted out
/// of it, and every unit's extent is checked to balance. Without them only the net change is known; it is shown as
/// an addition or a reduction, and the account says that it holds no conversion matrix.
public struct ExtentAccount: Sendable {
    public struct Row: Sendable, Hashable {
        public let type: EcosystemType
        public let opening: Quantity<Area>
        public let additions: Quantity<Area>
        public let reductions: Quantity<Area>
        public let closing: Quantity<Area>
        /// closing − opening.
        public var netChange: Quantity<Area> { closing - opening }
    }

    /// One cell of the conversion matrix, summed over the units.
    public struct Conversion: Sendable, Hashable {
        public let from: EcosystemType
        public let to: EcosystemType
        public let area: Quantity<Area>
    }

    /// Every type present in either year, in declaration order.
    public let rows: [Row]
    /// The non-zero off-diagonal cells of the conversion matrix, ordered by `from` then `to`; empty without conversions.
    public let conversions: [Conversion]
    /// Whether additions and reductions come from listed conversions (true) or only from the net change (false).
    public let hasConversionMatrix: Bool

    /// The extent account of units at two dates, with the conversions between them when known.
    ///
    /// - Parameters:
    ///   - opening: the units at the opening date.
    ///   - closing: the same units at the closing date.
    ///   - conversions: the land that changed type in the period; empty when unknown.
    /// - Throws: ``AccountsError/differentUnits(_:)`` when the unit ids differ, ``AccountsError/unknownUnit(_:region:)``
    ///   for a conversion in no unit, and ``AccountsError/unbalancedExtent(unit:type:opening:closing:listedNet:)``
    ///   when a unit's change of a type is not what the conversions make it (to 10⁻⁹ of the unit's area).
    public init(opening: [AccountingUnit], closing: [AccountingUnit], conversions listed: [LandConversion]) throws {
        guard opening.map(\.id) == closing.map(\.id) else {
            throw AccountsError.differentUnits("opening \(opening.map(\.id).joined(separator: ", ")); closing \(closing.map(\.id).joined(separator: ", "))")
        }
        var additions: [EcosystemType: Quantity<Area>] = [:]
        var reductions: [EcosystemType: Quantity<Area>] = [:]
        if listed.isEmpty {
            for (before, after) in zip(opening, closing) {
                for type in Set(before.ecosystemTypes + after.ecosystemTypes) {
                    let net = after.area(of: type) - before.area(of: type)
                    if net.baseValue > 0 { additions[type, default: .zero] += net } else { reductions[type, default: .zero] += -net }
                }
            }
        } else {
            try Self.checkBalance(opening: opening, closing: closing, conversions: listed)
            for conversion in listed {
                additions[conversion.to, default: .zero] += conversion.area
                reductions[conversion.from, default: .zero] += conversion.area
            }
        }
        let types = Set(opening.flatMap(\.ecosystemTypes) + closing.flatMap(\.ecosystemTypes)).sorted()
        rows = types.map { type in
            Row(type: type, opening: opening.sum { $0.area(of: type) }, additions: additions[type] ?? .zero,
                reductions: reductions[type] ?? .zero, closing: closing.sum { $0.area(of: type) })
        }
        var matrix: [EcosystemType: [EcosystemType: Quantity<Area>]] = [:]
        for conversion in listed { matrix[conversion.from, default: [:]][conversion.to, default: .zero] += conversion.area }
        conversions = matrix.keys.sorted().flatMap { from in
            matrix[from, default: [:]].keys.sorted().map { to in Conversion(from: from, to: to, area: matrix[from]?[to] ?? .zero) }
        }
        hasConversionMatrix = !listed.isEmpty
    }

    /// Each unit's change of each type equals the area converted into it less the area converted out of it.
    private static func checkBalance(opening: [AccountingUnit], closing: [AccountingUnit], conversions: [LandConversion]) throws {
        var listedNet: [String: [EcosystemType: Quantity<Area>]] = [:]
        for conversion in conversions {
            guard opening.contains(where: { $0.id == conversion.unit }) else {
                throw AccountsError.unknownUnit(conversion.unit, region: "of the extent account")
            }
            listedNet[conversion.unit, default: [:]][conversion.to, default: .zero] += conversion.area
            listedNet[conversion.unit, default: [:]][conversion.from, default: .zero] += -conversion.area
        }
        for (before, after) in zip(opening, closing) {
            let tolerance = 1e-9 * max(before.totalArea.baseValue, after.totalArea.baseValue)
            for type in Set(before.ecosystemTypes + after.ecosystemTypes).sorted() {
                let listed = listedNet[before.id]?[type] ?? .zero
                let change = after.area(of: type) - before.area(of: type)
                if abs(change.baseValue - listed.baseValue) > tolerance {
                    throw AccountsError.unbalancedExtent(unit: before.id, type: type, opening: before.area(of: type),
                                                         closing: after.area(of: type), listedNet: listed)
                }
            }
        }
    }

    /// The total area at the opening and at the closing date.
    public var totalOpening: Quantity<Area> { rows.sum(of: \.opening) }
    public var totalClosing: Quantity<Area> { rows.sum(of: \.closing) }
}
