/// Parses formula text into an ``Expression`` by recursive descent:
///
///     expression := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := "-" unary | power
///     power      := primary ("^" unary)?           (right-associative)
///     primary    := number | name | name "(" arguments ")" | "(" expression ")"
///
/// "×", "÷" and "−" are accepted for "*", "/" and "-". Every failure is an ``ExpressionError`` with the column of
/// the offending character; nothing traps, whatever the input.
public struct ExpressionParser {
    /// Bounds that keep parsing and evaluation small.
    public enum limits {
        /// Longest formula, in characters.
        public static let characters = 2_000
        /// Deepest nesting of parentheses, calls and unary minus.
        public static let depth = 64
        /// Most nodes in the tree.
        public static let nodes = 1_000
    }

    private enum Token: Equatable {
        case number(Double), name(String), symbol(Character), end
    }

    private let tokens: [(token: Token, column: Int)]
    private var index = 0
    private var depth = 0
    private var nodes = 0

    /// Parses `text`.
    ///
    /// - Throws: ``ExpressionError`` with the column of the first problem.
    public static func parse(_ text: String) throws -> Expression {
        guard text.count <= limits.characters else {
            throw ExpressionError(column: limits.characters + 1, "formula longer than \(limits.characters) characters")
        }
        var parser = ExpressionParser(tokens: try tokenize(text))
        let expression = try parser.expression()
        guard case .end = parser.current.token else {
            throw ExpressionError(column: parser.current.column, "unexpected \(parser.describe(parser.current.token)) after a complete formula")
        }
        return expression
    }

    private init(tokens: [(Token, Int)]) {
        self.tokens = tokens
    }

    private static func tokenize(_ text: String) throws -> [(Token, Int)] {
        var tokens: [(Token, Int)] = []
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let column = i + 1
            if c.isWhitespace {
                i += 1
            } else if c.isASCII && (c.isNumber || c == ".") {
                var j = i
                while j < characters.count, characters[j].isASCII, characters[j].isNumber || characters[j] == "." { j += 1 }
                if j < characters.count, characters[j] == "e" || characters[j] == "E" {
                    var k = j + 1
                    if k < characters.count, characters[k] == "+" || characters[k] == "-" { k += 1 }
                    if k < characters.count, characters[k].isASCII, characters[k].isNumber {
                        while k < characters.count, characters[k].isASCII, characters[k].isNumber { k += 1 }
                        j = k
                    }
                }
                guard let value = Double(String(characters[i..<j])), value.isFinite else {
                    throw ExpressionError(column: column, "malformed number \"\(String(characters[i..<j]))\"")
                }
                tokens.append((.number(value), column))
                i = j
            } else if c.isASCII && (c.isLetter || c == "_") {
                var j = i
                while j < characters.count, characters[j].isASCII, characters[j].isLetter || characters[j].isNumber || characters[j] == "_" { j += 1 }
                tokens.append((.name(String(characters[i..<j])), column))
                i = j
            } else if let symbol = ["+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/", "^": "^",
                                    "(": "(", ")": ")", ",": ","][String(c)] {
                tokens.append((.symbol(Character(symbol)), column))
                i += 1
            } else {
                throw ExpressionError(column: column, "unexpected character \"\(c)\"")
            }
        }
        tokens.append((.end, characters.count + 1))
        return tokens
    }

    private var current: (token: Token, column: Int) { tokens[index] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private mutating func node() throws {
        nodes += 1
        if nodes > limits.nodes { throw ExpressionError(column: current.column, "formula has more than \(limits.nodes) parts") }
    }

    private mutating func nested<T>(_ body: (inout ExpressionParser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > limits.depth { throw ExpressionError(column: current.column, "formula nests deeper than \(limits.depth) levels") }
        return try body(&self)
    }

    private mutating func expression() throws -> Expression {
        var left = try term()
        while case let .symbol(s) = current.token, s == "+" || s == "-" {
            let column = current.column
            advance()
            try node()
            left = .binary(s == "+" ? .add : .subtract, left, try term(), column: column)
        }
        return left
    }

    private mutating func term() throws -> Expression {
        var left = try unary()
        while case let .symbol(s) = current.token, s == "*" || s == "/" {
            let column = current.column
            advance()
            try node()
            left = .binary(s == "*" ? .multiply : .divide, left, try unary(), column: column)
        }
        return left
    }

    private mutating func unary() throws -> Expression {
        if case .symbol("-") = current.token {
            advance()
            try node()
            return try nested { .negate(try $0.unary()) }
        }
        return try power()
    }

    private mutating func power() throws -> Expression {
        let base = try primary()
        if case .symbol("^") = current.token {
            let column = current.column
            advance()
            try node()
            return .binary(.power, base, try nested { try $0.unary() }, column: column)
        }
        return base
    }

    private mutating func primary() throws -> Expression {
        try node()
        let (token, column) = current
        switch token {
        case let .number(value):
            advance()
            return .number(value)
        case let .name(name):
            advance()
            guard case .symbol("(") = current.token else { return .variable(name, column: column) }
            advance()
            return try nested { parser in
                var arguments: [Expression] = []
                if case .symbol(")") = parser.current.token {
                    parser.advance()
                    return .call(name, arguments, column: column)
                }
                while true {
                    arguments.append(try parser.expression())
                    if case .symbol(",") = parser.current.token { parser.advance(); continue }
                    guard case .symbol(")") = parser.current.token else {
                        throw ExpressionError(column: parser.current.column, "expected \",\" or \")\" in the arguments of \(name), found \(parser.describe(parser.current.token))")
                    }
                    parser.advance()
                    return .call(name, arguments, column: column)
                }
            }
        case .symbol("("):
            advance()
            return try nested { parser in
                let inner = try parser.expression()
                guard case .symbol(")") = parser.current.token else {
                    throw ExpressionError(column: parser.current.column, "expected \")\" to close the \"(\" at column \(column), found \(parser.describe(parser.current.token))")
                }
                parser.advance()
                return inner
            }
        default:
            throw ExpressionError(column: column, "expected a number, a name or \"(\", found \(describe(token))")
        }
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case let .number(value): return "the number \(value)"
        case let .name(name): return "\"\(name)\""
        case let .symbol(symbol): return "\"\(symbol)\""
        case .end: return "the end of the formula"
        }
    }
}
