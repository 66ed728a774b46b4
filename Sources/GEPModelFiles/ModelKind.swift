/// The kinds of model file. A file may say which it is with `kind:`; otherwise its kind is told from the keys
/// only that kind has, so that a file given to the wrong command is named as the kind it is ("a compensation model,
/// not a region model: use gep compare-schemes") instead of failing on its first unexpected field.
public enum ModelKind: String, Sendable, CaseIterable {
    case region
    case rasterRegion = "raster-region"
    case priceBook = "price-book"
    case deflator
    case compensation
    case service
    case carbonProject = "carbon-project"
    case ecosystemAccounts = "ecosystem-accounts"
    case scenario

    /// Words for messages.
    var name: String {
        switch self {
        case .region: return "a region model"
        case .rasterRegion: return "a raster region model"
        case .priceBook: return "a price book"
        case .deflator: return "a deflator"
        case .compensation: return "a compensation model"
        case .service: return "a service definition"
        case .carbonProject: return "a carbon project"
        case .ecosystemAccounts: return "an ecosystem-accounts file"
        case .scenario: return "a scenario"
        }
    }

    /// What reads this kind, for messages.
    var reader: String {
        switch self {
        case .region: return "gep account, trend, uncertainty or sensitivity"
        case .rasterRegion: return "gep raster"
        case .priceBook, .deflator: return "the `prices:` or `deflator:` of a region model"
        case .compensation: return "gep compare-schemes"
        case .service: return "the `service-files:` of a region model"
        case .carbonProject: return "gep carbon-project"
        case .ecosystemAccounts: return "gep ecosystem-accounts"
        case .scenario: return "gep scenario"
        }
    }

    /// The kind a file says (`kind:`) or, failing that, the kind its keys show: `schemes` or `budget` make a
    /// compensation model, `physical` a service, `strata` a carbon project, `closing-year` ecosystem accounts, `base` a
    /// scenario, `index`, `change-on-previous-year` or `base-year` a deflator,
    /// `land-cover` a raster region,
    /// `services`, `units` or a `prices:` path a region, and a `prices:` mapping a price book.
    ///
    /// - Throws: ``ModelFileError`` for a `kind:` that names no kind, or a file of no recognisable kind.
    static func of(_ root: YAMLField) throws -> ModelKind {
        if let field = try root.optional("kind") {
            let text = try field.string()
            guard let kind = ModelKind(rawValue: text) else {
                throw field.error("unknown kind \"\(text)\"; expected \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
        let keys = Set(try root.mapping().map(\.key))
        if !keys.isDisjoint(with: ["schemes", "budget"]) { return .compensation }
        if keys.contains("physical") { return .service }
        if keys.contains("strata") { return .carbonProject }
        if keys.contains("closing-year") { return .ecosystemAccounts }
        if keys.contains("base") { return .scenario }
        if !keys.isDisjoint(with: ["index", "change-on-previous-year", "base-year"]) { return .deflator }
        if let prices = try root.optional("prices"), case .mapping = prices.node { return .priceBook }
        if keys.contains("land-cover") { return .rasterRegion }
        if !keys.isDisjoint(with: ["services", "units", "units-file", "prices", "region"]) { return .region }
        throw root.error("not a model file: expected a region (`services:`, `units:`), a price book (`prices:` with entries), "
            + "a deflator (`index:` or `change-on-previous-year:`), a compensation model (`schemes:`) or a service (`physical:`), or `kind:` saying which")
    }

    /// Refuses a file of another kind than `expected`, naming the kind it is and what reads it.
    static func expect(_ expected: ModelKind, _ root: YAMLField) throws {
        let found = try of(root)
        guard found == expected else {
            throw root.error("this is \(found.name), not \(expected.name); \(found.name) is read by \(found.reader)")
        }
    }
}
