import GEPCore
@testable import GEPModelFiles
import Testing

@Suite("Formula expressions: parsing, units, evaluation, limits")
struct ExpressionTests {
    func value(_ text: String, _ scalars: [String: Double] = [:]) throws -> Double {
        var values = FormulaValues()
        values.scalars = scalars
        return try values.evaluate(try ExpressionParser.parse(text))
    }

    /// 1 + 2·3 = 7; (1 + 2)·3 = 9; 2^3^2 = 2^9 = 512 (right-associative); −2^2 = −4; 10 ÷ 4 − 1 = 1.5.
    @Test func precedenceAndAssociativity() throws {
        #expect(try value("1 + 2 * 3") == 7)
        #expect(try value("(1 + 2) * 3") == 9)
        #expect(try value("2 ^ 3 ^ 2") == 512)
        #expect(try value("-2 ^ 2") == -4)
        #expect(try value("10 ÷ 4 − 1") == 1.5)
        #expect(try value("2 × 3") == 6)
        #expect(try value("max(1, min(5, 3), 2) + sqrt(16) + exp(0) + log(1)") == 8)
        #expect(try value("1.5e3 + x", ["x": 0.5]) == 1500.5)
    }

    /// sum(area·P) over two types: 10 m² × 2 m + 20 m² × 3 m = 80 m³.
    @Test func sumRunsOverEcosystemTypes() throws {
        var values = FormulaValues()
        values.types = [.meadow, .marsh]
        values.perType = ["area": [.meadow: 10, .marsh: 20], "P": [.meadow: 2, .marsh: 3]]
        #expect(try values.evaluate(try ExpressionParser.parse("sum(area * P)")) == 80)
    }

    @Test(arguments: [
        ("1 +", 4, "expected a number, a name or \"(\", found the end of the formula"),
        ("(1 + 2", 7, "expected \")\" to close the \"(\" at column 1, found the end of the formula"),
        ("2 $ 3", 3, "unexpected character \"$\""),
        ("max(1 2)", 7, "expected \",\" or \")\" in the arguments of max, found the number 2.0"),
        ("1 2", 3, "unexpected the number 2.0 after a complete formula"),
        ("1..2", 1, "malformed number \"1..2\""),
    ])
    func syntaxErrorsCarryTheirColumn(text: String, column: Int, message: String) {
        #expect(throws: ExpressionError(column: column, message)) { try ExpressionParser.parse(text) }
    }

    @Test func sizeIsBounded() {
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(String(repeating: "1+", count: 1_000) + "1") }
        #expect(throws: ExpressionError(column: 66, "formula nests deeper than 64 levels")) {
            try ExpressionParser.parse(String(repeating: "(", count: 70) + "1" + String(repeating: ")", count: 70))
        }
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(String(repeating: "x", count: 2_001)) }
    }

    /// 10⁴ random strings over the formula alphabet and beyond (letters, digits, operators, brackets, commas, spaces,
    /// Unicode, control characters), from a seeded generator: parsing never traps, and every failure is an
    /// ExpressionError whose column lies within the text (or just past its end).
    @Test func fuzzedTextNeverCrashes() {
        let alphabet = Array("0123456789.eE+-−*×/÷^(),  abcxyzPET_area sum max min exp log sqrt$#@!{}[]\u{00}\u{7F}é水源\n\t")
        var generator = SeededGenerator(seed: 20_261_123)
        var failures = 0
        for _ in 0..<10_000 {
            let length = Int.random(in: 0...60, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            do {
                _ = try ExpressionParser.parse(text)
            } catch let error as ExpressionError {
                failures += 1
                #expect(error.column >= 1 && error.column <= text.count + 1, "\(text.debugDescription): column \(error.column)")
            } catch {
                Issue.record("\(text.debugDescription) threw \(error)")
            }
        }
        #expect(failures > 5_000)
    }

    /// Structured fuzz: random well-formed trees printed and parsed back give the same value.
    @Test func printedTreesParseBack() throws {
        var generator = SeededGenerator(seed: 7)
        func tree(_ depth: Int) -> (String, Double) {
            if depth == 0 || Int.random(in: 0...3, using: &generator) == 0 {
                let n = Double(Int.random(in: 1...9, using: &generator))
                return ("\(Int(n))", n)
            }
            let (a, x) = tree(depth - 1), (b, y) = tree(depth - 1)
            switch Int.random(in: 0...3, using: &generator) {
            case 0: return ("(\(a) + \(b))", x + y)
            case 1: return ("(\(a) - \(b))", x - y)
            case 2: return ("(\(a) * \(b))", x * y)
            default: return ("max(\(a), \(b))", max(x, y))
            }
        }
        for _ in 0..<500 {
            let (text, expected) = tree(5)
            #expect(try value(text) == expected, "\(text)")
        }
    }
}

@Suite("Formula units checked at load")
struct FormulaUnitTests {
    var symbols: FormulaSymbols {
        var symbols = FormulaSymbols()
        symbols.declare("area", DimensionVector(length: 2), scope: .perEcosystemType)
        symbols.declare("P", DimensionVector(length: 1), scope: .perEcosystemType)
        symbols.declare("V", DimensionVector(length: 3), scope: .single)
        symbols.declare("price", DimensionVector(money: 1) / DimensionVector(length: 3), scope: .single)
        return symbols
    }

    func dimension(_ text: String) throws -> DimensionVector { try symbols.dimension(of: try ExpressionParser.parse(text)) }

    @Test func productsAndQuotientsCombineUnits() throws {
        #expect(try dimension("sum(area * P)") == DimensionVector(length: 3))
        #expect(try dimension("V * price") == DimensionVector(money: 1))
        #expect(try dimension("sqrt(V / sum(P))") == DimensionVector(length: 1))
        #expect(try dimension("V ^ 2").description == "m⁶")
        #expect(try dimension("sum(area * max(P, 0))") == DimensionVector(length: 3))
        #expect(throws: ExpressionError.self) { try dimension("max(V, 1)") }
    }

    /// Powers of a quantity nested 18 deep, ((V^12)^12)…, would take the exponent of length to 3·12¹⁸, past Int's
    /// range: the check stops at ±64 with the column of the power that passes it (V^12 is m³⁶; (m³⁶)^12, the "^" at
    /// column 11, would be m⁴³²).
    @Test func nestedPowersAreRefusedNotOverflowed() throws {
        let text = String(repeating: "(", count: 18) + "V" + String(repeating: " ^ 12)", count: 18)
        #expect(throws: ExpressionError.self) { try dimension(text) }
        #expect(try dimension("(V ^ 12)").description == "m³⁶")
        #expect(throws: ExpressionError(column: 11, "(m³⁶)^12 has an exponent beyond ±64")) { try dimension("((V ^ 12) ^ 12)") }
        #expect(DimensionVector(length: 3).power(Int.max) == nil)
    }

    @Test(arguments: [
        ("V + sum(area)", 3, "cannot add m² to m³"),
        ("sum(area * Q)", 12, "unknown name \"Q\"; the formula may use P, V, area, price"),
        ("area * 2", 1, "\"area\" has one value per ecosystem type; use it inside sum(...)"),
        ("exp(V)", 1, "exp needs a pure number, not m³"),
        ("sum(sum(area))", 5, "sum(...) cannot be nested"),
        ("V ^ 0.5", 3, "a quantity with units (m³) can only be raised to a whole-number constant"),
        ("frobnicate(V)", 1, "unknown function \"frobnicate\"; available: exp, log, sqrt, min, max, sum"),
    ])
    func unitAndNameErrors(text: String, column: Int, message: String) {
        #expect(throws: ExpressionError(column: column, message)) { try dimension(text) }
    }
}
