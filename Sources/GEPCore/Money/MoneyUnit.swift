/// A unit of Chinese currency as written in planning documents: 元, 万元 (10⁴ 元) or 亿元 (10⁸ 元).
public enum MoneyUnit: String, Sendable, CaseIterable, CustomStringConvertible {
    case yuan = "元"
    case tenThousandYuan = "万元"
    case hundredMillionYuan = "亿元"

    /// How many 元 one of this unit is.
    public var yuanPerUnit: Double {
        switch self {
        case .yuan: 1
        case .tenThousandYuan: 1e4
        case .hundredMillionYuan: 1e8
        }
    }

    /// Reads "元", "万元", "亿元" or their pinyin/English spellings ("yuan", "wan yuan", "CNY", "10^8 yuan").
    public init?(parsing text: String) {
        switch UnitCatalog.normalise(text) {
        case "元", "yuan", "cny", "rmb": self = .yuan
        case "万元", "wan yuan", "10^4 yuan", "10^4 元": self = .tenThousandYuan
        case "亿元", "yi yuan", "10^8 yuan", "10^8 元": self = .hundredMillionYuan
        default: return nil
        }
    }

    public var description: String { rawValue }
}
