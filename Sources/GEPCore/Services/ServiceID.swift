/// The identifier of an ecosystem service module, e.g. "water-conservation": lower-case words joined by hyphens.
public struct ServiceID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Whether the identifier is lower-case letters, digits and single hyphens, starting with a letter.
    public var isWellFormed: Bool {
        guard let first = rawValue.first, first.isLetter, !rawValue.hasSuffix("-"), !rawValue.contains("--") else { return false }
        return rawValue.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    public var description: String { rawValue }
    public static func < (lhs: ServiceID, rhs: ServiceID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The three GEP categories of the guideline: provisioning products (物质产品), regulating services (调节服务) and
/// cultural services (文化服务).
public enum ServiceCategory: String, Sendable, CaseIterable, Codable, Comparable {
    case provisioning, regulating, cultural

    /// The Chinese name used in GEP reports.
    public var localName: String {
        switch self {
        case .provisioning: "物质产品"
        case .regulating: "调节服务"
        case .cultural: "文化服务"
        }
    }

    public static func < (lhs: ServiceCategory, rhs: ServiceCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
