import Foundation
import GEPCore

/// Values for the names of a formula, in the base units of their dimensions, for one accounting unit.
public struct FormulaValues: Sendable {
    /// Single values by name.
    public var scalars: [String: Double] = [:]
    /// Per-ecosystem-type values by name, then type.
    public var perType: [String: [EcosystemType: Double]] = [:]
    /// The types `sum(...)` runs over, in order.
    public var types: [EcosystemType] = []

    public init() {}

    /// Evaluates a formula already checked by ``FormulaSymbols/dimension(of:insideSum:)``.
    ///
    /// - Throws: ``ExpressionError`` when a per-type name has no value for a type, or the result is not finite (a
    ///   logarithm of zero, a division by zero).
    public func evaluate(_ expression: Expression) throws -> Double {
        try value(expression, type: nil)
    }

    private func value(_ expression: Expression, type: EcosystemType?) throws -> Double {
        switch expression {
        case let .number(x):
            return x
        case let .variable(name, column):
            if let scalar = scalars[name] { return scalar }
            guard let type, let byType = perType[name] else { throw ExpressionError(column: column, "\"\(name)\" has no value") }
            guard let x = byType[type] else { throw ExpressionError(column: column, "\"\(name)\" has no value for \(type.rawValue)") }
            return x
        case let .negate(inner):
            return -(try value(inner, type: type))
        case let .binary(op, left, right, column):
            let (a, b) = (try value(left, type: type), try value(right, type: type))
            let result: Double
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            case .divide: result = a / b
            case .power: result = pow(a, b)
            }
            guard result.isFinite else { throw ExpressionError(column: column, "\(op.rawValue) gives \(result) (\(a) \(op.rawValue) \(b))") }
            return result
        case let .call(name, arguments, column):
            if name == "sum" {
                let total = try types.reduce(0) { $0 + (try value(arguments[0], type: $1)) }
                guard total.isFinite else { throw ExpressionError(column: column, "sum gives \(total): the terms are finite, their sum is not") }
                return total
            }
            let xs = try arguments.map { try value($0, type: type) }
            let result: Double
            switch name {
            case "exp": result = exp(xs[0])
            case "log": result = log(xs[0])
            case "sqrt": result = xs[0].squareRoot()
            default:
                guard let extreme = name == "min" ? xs.min() : xs.max() else {
                    throw ExpressionError(column: column, "\(name) needs at least one argument")
                }
                result = extreme
            }
            guard result.isFinite else { throw ExpressionError(column: column, "\(name) gives \(result) for \(xs)") }
            return result
        }
    }
}
