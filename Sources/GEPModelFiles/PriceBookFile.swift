import GEPCore

/// Reads a price book file:
///
/// ```yaml
/// name: GEP guideline unit prices (Garzê 2010 table)
/// sources:
///   garze: "白玛卓嘎 et al. 2017, 生态学报 37(19): 6302–6312, Table 3"
/// prices:
///   reservoir-construction-cost: {value: 7.06, unit: 元/m³, year: 2010, source: garze, status: published}
/// ```
///
/// `unit` is a money unit (元, 万元, 亿元), a slash, and the unit priced; `year` is the price year and is required.
public enum PriceBookFile {
    /// `model` with the price books at `paths` laid over its own in order (``PriceBook/overlaid(with:)``).
    ///
    /// - Throws: ``ModelFileError`` for a book that cannot be read.
    public static func overlay(_ paths: [String], on model: RegionModel) throws -> RegionModel {
        try paths.isEmpty ? model : model.replacing(prices: paths.reduce(model.prices) { try $0.overlaid(with: read($1)) })
    }

    /// - Throws: ``ModelFileError`` naming the file, line and field of the first problem.
    public static func read(_ path: String) throws -> PriceBook {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.priceBook, root)
        try root.allowOnly(["kind", "name", "sources", "prices"])
        let values = ValueReader(sources: try SourceCatalog(root))
        var prices: [Price] = []
        for (key, field) in try root.required("prices").mapping() {
            try field.allowOnly(ValueReader.singleKeys)
            let unitField = try field.required("unit")
            let unitText = try unitField.string()
            guard let slash = unitText.firstIndex(of: "/"),
                  let money = MoneyUnit(parsing: String(unitText[..<slash])) else {
                throw unitField.error("expected a money unit and the unit priced, such as 元/m³ or 万元/t")
            }
            let perUnit = String(unitText[unitText.index(after: slash)...]).trimmingCharacters(in: .whitespaces)
            guard UnitCatalog.dimensionName(ofUnit: perUnit) != nil else {
                throw unitField.error("unknown unit \"\(perUnit)\" after the slash")
            }
            let amount = try field.required("value").double()
            guard amount >= 0 else { throw field.error("a price cannot be negative (found \(amount))") }
            guard try field.optional("year") != nil else { throw field.error("missing price year: add `year:`") }
            let provenance = try values.provenance(field)
            let uncertainty = try values.uncertainty(field, value: amount)
            // A drawn price is a price too: its distribution must stop at zero.
            if let uncertainty, !(uncertainty.distribution.truncatedBelow.map { $0 >= 0 } ?? false) {
                throw (try field.required("uncertainty")).error("a price cannot be negative: its draws need truncate-below 0 or more (the default), not \(uncertainty.distribution.truncatedBelow.map(sixFigures) ?? "none")")
            }
            prices.append(Price(key, amount, money, per: perUnit, priceYear: provenance.year!, provenance: provenance,
                                uncertainty: uncertainty))
        }
        return PriceBook(name: try root.required("name").string(), prices: prices)
    }
}
