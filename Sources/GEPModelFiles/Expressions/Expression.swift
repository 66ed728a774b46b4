/// A formula of a declarative service: numbers, named inputs, + − × ÷ ^, parentheses and the functions exp, log,
/// sqrt, min, max and sum (over the unit's ecosystem types).
///
/// The language has no assignment, loops, recursion or I/O; a formula is a finite tree evaluated once per unit (and
/// once per ecosystem type inside `sum`), so evaluation always ends. ``ExpressionParser/limits`` bound its size.
public indirect enum Expression: Sendable, Equatable {
    case number(Double)
    /// A named input, price, `area` or `physical`, with its 1-based column for messages.
    case variable(String, column: Int)
    case negate(Expression)
    case binary(BinaryOperator, Expression, Expression, column: Int)
    /// A function call with its 1-based column.
    case call(String, [Expression], column: Int)

    public enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }
}

/// A formula that cannot be used, with the 1-based column where the problem is.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let column: Int
    public let message: String

    public init(column: Int, _ message: String) {
        self.column = column
        self.message = message
    }

    public var description: String { "column \(column): \(message)" }
}
