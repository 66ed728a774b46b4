/// The ecosystem classes of GEP accounting.
///
/// The classes follow the first- and second-level ecosystem classification of the GEP technical guideline
/// (《陆地生态系统生产总值（GEP）核算技术指南》, 2020; forest, shrub, grassland, wetland, cropland, urban, desert),
/// with the grassland and forest subtypes that matter in Inner Mongolia: larch (落叶针叶林) and birch (落叶阔叶林)
/// in the Greater Khingan range, and meadow, typical and desert steppe on the Hulunbuir and Xilin Gol plateaus.
/// Raw values are the identifiers used in model files.
public enum EcosystemType: String, Sendable, CaseIterable, Codable, Comparable {
    case evergreenNeedleleafForest = "evergreen-needleleaf-forest"
    case deciduousNeedleleafForest = "deciduous-needleleaf-forest"
    case evergreenBroadleafForest = "evergreen-broadleaf-forest"
    case deciduousBroadleafForest = "deciduous-broadleaf-forest"
    case mixedForest = "mixed-forest"
    case shrubland = "shrubland"
    case meadow = "meadow"
    case meadowSteppe = "meadow-steppe"
    case typicalSteppe = "typical-steppe"
    case desertSteppe = "desert-steppe"
    case marsh = "marsh"
    case lake = "lake"
    case river = "river"
    case reservoir = "reservoir"
    case cropland = "cropland"
    case sandyLand = "sandy-land"
    case bareLand = "bare-land"
    case builtUp = "built-up"

    /// The first-level class.
    public var group: EcosystemGroup {
        switch self {
        case .evergreenNeedleleafForest, .deciduousNeedleleafForest, .evergreenBroadleafForest,
             .deciduousBroadleafForest, .mixedForest: .forest
        case .shrubland: .shrubland
        case .meadow, .meadowSteppe, .typicalSteppe, .desertSteppe: .grassland
        case .marsh: .wetland
        case .lake, .river, .reservoir: .water
        case .cropland: .cropland
        case .sandyLand, .bareLand: .desert
        case .builtUp: .builtUp
        }
    }

    /// The Chinese name used in the guideline and the seeds.
    public var localName: String {
        switch self {
        case .evergreenNeedleleafForest: "常绿针叶林"
        case .deciduousNeedleleafForest: "落叶针叶林"
        case .evergreenBroadleafForest: "常绿阔叶林"
        case .deciduousBroadleafForest: "落叶阔叶林"
        case .mixedForest: "针阔混交林"
        case .shrubland: "灌丛"
        case .meadow: "草甸"
        case .meadowSteppe: "草甸草原"
        case .typicalSteppe: "典型草原"
        case .desertSteppe: "荒漠草原"
        case .marsh: "沼泽"
        case .lake: "湖泊"
        case .river: "河流"
        case .reservoir: "水库坑塘"
        case .cropland: "耕地"
        case .sandyLand: "沙地"
        case .bareLand: "裸地"
        case .builtUp: "建设用地"
        }
    }

    /// Orders types as declared (forests first), for stable report rows.
    public static func < (lhs: EcosystemType, rhs: EcosystemType) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }

    /// The type's place in the declaration (a test holds it to `allCases`' order). A switch, not a table: a
    /// dictionary keyed by the type hashes its raw string, which was a visible share of an account of 10⁵ units.
    var declarationIndex: Int {
        switch self {
        case .evergreenNeedleleafForest: 0
        case .deciduousNeedleleafForest: 1
        case .evergreenBroadleafForest: 2
        case .deciduousBroadleafForest: 3
        case .mixedForest: 4
        case .shrubland: 5
        case .meadow: 6
        case .meadowSteppe: 7
        case .typicalSteppe: 8
        case .desertSteppe: 9
        case .marsh: 10
        case .lake: 11
        case .river: 12
        case .reservoir: 13
        case .cropland: 14
        case .sandyLand: 15
        case .bareLand: 16
        case .builtUp: 17
        }
    }

    /// Hashes the declaration index, not the raw string (the standard library's default for a `RawRepresentable`
    /// type): types key the dictionaries of every unit's areas and inputs.
    public func hash(into hasher: inout Hasher) { hasher.combine(declarationIndex) }
}

/// First-level ecosystem classes.
public enum EcosystemGroup: String, Sendable, CaseIterable, Codable {
    case forest, shrubland, grassland, wetland, water, cropland, desert
    case builtUp = "built-up"

    /// Hashes the case's place in the declaration, not its raw string (the standard library's default for a
    /// `RawRepresentable` type): groups are looked up in sets for every unit and type.
    public func hash(into hasher: inout Hasher) {
        let index: Int = switch self {
        case .forest: 0
        case .shrubland: 1
        case .grassland: 2
        case .wetland: 3
        case .water: 4
        case .cropland: 5
        case .desert: 6
        case .builtUp: 7
        }
        hasher.combine(index)
    }

    /// Whether the class counts as vegetated (forest, shrub, grassland, wetland, cropland).
    public var isVegetated: Bool {
        switch self {
        case .forest, .shrubland, .grassland, .wetland, .cropland: true
        case .water, .desert, .builtUp: false
        }
    }
}
