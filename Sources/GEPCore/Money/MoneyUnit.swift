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

    /// Reads "元", "万元", "亿元" or another spelling of ``Currency``'s units ("yuan", "CNY", "10^8 yuan").
    public init?(parsing text: String) {
        guard let unit = Currency.unit(named: text),
              let match = MoneyUnit.allCases.first(where: { $0.yuanPerUnit == unit.baseUnitsPerUnit }) else { return nil }
        self = match
    }

    public var description: String { rawValue }
}
