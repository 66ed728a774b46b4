import GEPCore

/// Reads a deflator file, either as index values or as annual changes chained from a base year:
///
/// ```yaml
/// name: China CPI, chained, 2010 = 100
/// source: "国家统计局, 国民经济和社会发展统计公报 (各年)"
/// status: published
/// base-year: 2010
/// change-on-previous-year:      # preceding year = 100, as the statistical communiqués print it
///   2011: 105.4
///   2012: 102.6
/// ```
///
/// or `index: {2010: 100, 2015: 112.4}`. Chaining: I(base) = 100 and I(t) = I(t − 1) · c(t) / 100.
public enum DeflatorFile {
    /// - Throws: ``ModelFileError`` naming the file, line and field of the first problem.
    public static func read(_ path: String) throws -> Deflator {
        let root = try YAMLField.load(path)
        try ModelKind.expect(.deflator, root)
        try root.allowOnly(["kind", "name", "sources", "source", "year", "status", "note", "base-year", "change-on-previous-year", "index"])
        let values = ValueReader(sources: try SourceCatalog(root))
        var index: [Int: Double] = [:]
        if let table = try root.optional("index") {
            for (year, value) in try yearTable(table) { index[year] = value }
        } else if let changes = try root.optional("change-on-previous-year") {
            let base = try root.required("base-year").year()
            index[base] = 100
            var level = 100.0
            var expected = base + 1
            for (year, change) in try yearTable(changes).sorted(by: { $0.0 < $1.0 }) {
                guard year == expected else {
                    throw changes.error("years must run on from base-year \(base) without gaps; expected \(expected), found \(year)")
                }
                level *= change / 100
                index[year] = level
                expected += 1
            }
        } else {
            throw root.error("missing `index:` or `change-on-previous-year:` with `base-year:`")
        }
        do {
            return try Deflator(name: try root.required("name").string(), indexByYear: index, provenance: try values.provenance(root))
        } catch let error as DeflatorError {
            throw root.error(String(describing: error))
        }
    }

    private static func yearTable(_ field: YAMLField) throws -> [(Int, Double)] {
        let table = try field.yearKeyed()
        guard !table.isEmpty else { throw field.error("expected at least one year: value line") }
        return try table.map { year, value in
            let number = try value.double()
            guard number > 0 else { throw value.error("expected a positive index, found \(number)") }
            return (year, number)
        }
    }
}
