import GEPCore

/// What the names in a formula stand for, with their dimensions: checked once when the service loads.
public struct FormulaSymbols: Sendable {
    public enum Scope: Sendable, Equatable {
        /// One value per accounting unit.
        case single
        /// One value per ecosystem type: usable only inside `sum(...)`.
        case perEcosystemType
    }

    public struct Symbol: Sendable, Equatable {
        public let dimension: DimensionVector
        public let scope: Scope
    }

    public private(set) var symbols: [String: Symbol] = [:]

    public init() {}

    public mutating func declare(_ name: String, _ dimension: DimensionVector, scope: Scope) {
        symbols[name] = Symbol(dimension: dimension, scope: scope)
    }

    /// The dimension of `expression`, checking every name, function and operator.
    ///
    /// - Throws: ``ExpressionError`` at the column of an unknown name, a per-type value outside `sum`, a nested `sum`,
    ///   or operands whose dimensions do not combine (adding an area to a volume, exp of a length).
    public func dimension(of expression: Expression, insideSum: Bool = false) throws -> DimensionVector {
        switch expression {
        case .number:
            return .dimensionless
        case let .variable(name, column):
            guard let symbol = symbols[name] else {
                let known = symbols.keys.sorted().joined(separator: ", ")
                throw ExpressionError(column: column, "unknown name \"\(name)\"; the formula may use \(known)")
            }
            if symbol.scope == .perEcosystemType && !insideSum {
                throw ExpressionError(column: column, "\"\(name)\" has one value per ecosystem type; use it inside sum(...)")
            }
            return symbol.dimension
        case let .negate(inner):
            return try dimension(of: inner, insideSum: insideSum)
        case let .binary(op, left, right, column):
            let (a, b) = (try dimension(of: left, insideSum: insideSum), try dimension(of: right, insideSum: insideSum))
            switch op {
            case .add, .subtract:
                if left.isZero { return b }
                if right.isZero { return a }
                guard a == b else { throw ExpressionError(column: column, "cannot \(op == .add ? "add" : "subtract") \(b) \(op == .add ? "to" : "from") \(a)") }
                return a
            case .multiply: return a * b
            case .divide: return a / b
            case .power:
                guard b.isDimensionless else { throw ExpressionError(column: column, "an exponent must be a pure number, not \(b)") }
                if a.isDimensionless { return a }
                guard case let .number(n) = right, n == n.rounded(), abs(n) <= 12 else {
                    throw ExpressionError(column: column, "a quantity with units (\(a)) can only be raised to a whole-number constant")
                }
                guard let raised = a.power(Int(n)) else {
                    throw ExpressionError(column: column, "(\(a))^\(Int(n)) has an exponent beyond ±\(DimensionVector.exponentLimit)")
                }
                return raised
            }
        case let .call(name, arguments, column):
            switch name {
            case "exp", "log":
                try expectArguments(1, arguments, name, column)
                let a = try dimension(of: arguments[0], insideSum: insideSum)
                guard a.isDimensionless else { throw ExpressionError(column: column, "\(name) needs a pure number, not \(a)") }
                return a
            case "sqrt":
                try expectArguments(1, arguments, name, column)
                let a = try dimension(of: arguments[0], insideSum: insideSum)
                guard let root = a.squareRoot() else { throw ExpressionError(column: column, "sqrt of \(a) has fractional units") }
                return root
            case "min", "max":
                guard arguments.count >= 2 else { throw ExpressionError(column: column, "\(name) needs at least two arguments") }
                // A literal 0 has every dimension: max(P − ET, 0) compares a length with zero length.
                let dimensions = try arguments.filter { !$0.isZero }.map { try dimension(of: $0, insideSum: insideSum) }
                guard let first = dimensions.first else { return .dimensionless }
                guard dimensions.allSatisfy({ $0 == first }) else {
                    throw ExpressionError(column: column, "\(name) needs arguments of one dimension, got \(dimensions.map(\.description).joined(separator: ", "))")
                }
                return first
            case "sum":
                try expectArguments(1, arguments, name, column)
                guard !insideSum else { throw ExpressionError(column: column, "sum(...) cannot be nested") }
                return try dimension(of: arguments[0], insideSum: true)
            default:
                throw ExpressionError(column: column, "unknown function \"\(name)\"; available: exp, log, sqrt, min, max, sum")
            }
        }
    }

    private func expectArguments(_ count: Int, _ arguments: [Expression], _ name: String, _ column: Int) throws {
        guard arguments.count == count else {
            throw ExpressionError(column: column, "\(name) takes \(count) argument\(count == 1 ? "" : "s"), got \(arguments.count)")
        }
    }
}

extension Expression {
    /// Whether the expression is the literal 0, which is dimensionless and also zero of any dimension.
    var isZero: Bool {
        if case .number(0) = self { return true }
        return false
    }
}
