import GEPCore
import LinearAlgebra
import PropertyBased
import Testing

@Suite("Account: Q, p, V = Q·diag(p) and GEP = Q·p")
struct AccountTests {
    /// Two units, two services at 2010 prices (Garzê table: reservoir 7.06 元/m³, carbon 380 元/t CO₂).
    /// Unit A: 1000 m³ and 10 t, so 7060 + 3800 = 10 860 元. Unit B: 500 m³ and 4 t, so 3530 + 1520 = 5050 元.
    /// GEP = 15 910 元.
    @Test func handWorkedTwoByTwo() throws {
        let results = [
            result("water", unit: "a", lineID: "retained", quantity: 1000, unit: "m³", price: 7.06, key: "reservoir"),
            result("carbon", unit: "a", lineID: "co2", quantity: 10, unit: "t", price: 380, key: "carbon"),
            result("water", unit: "b", lineID: "retained", quantity: 500, unit: "m³", price: 7.06, key: "reservoir"),
            result("carbon", unit: "b", lineID: "co2", quantity: 4, unit: "t", price: 380, key: "carbon"),
        ]
        let account = try Account(results: results, reportYear: 2010)
        #expect(account.units == ["a", "b"])
        #expect(account.physical == Matrix([[1000, 10], [500, 4]]))
        #expect(account.prices == [7.06, 380])
        expectClose(account.gepByUnit, [10_860, 5050])
        #expect(abs(account.gep.yuan - 15_910) < 1e-9)
        #expect(abs(account.value(of: "water", unit: "b").yuan - 3530) < 1e-9)
        #expect(abs(account.value(of: "carbon").yuan - 5320) < 1e-9)
        #expect(abs(account.total(of: .regulating).yuan - 15_910) < 1e-9)
    }

    /// Excluding carbon from the total (as the final-product rule excludes oxygen release) leaves its values in V
    /// but drops them from GEP: 7060 + 3530 = 10 590 元.
    @Test func excludedServicesAreReportedButNotSummed() throws {
        let results = [
            result("water", unit: "a", lineID: "retained", quantity: 1000, unit: "m³", price: 7.06, key: "reservoir"),
            result("carbon", unit: "a", lineID: "co2", quantity: 10, unit: "t", price: 380, key: "carbon"),
            result("water", unit: "b", lineID: "retained", quantity: 500, unit: "m³", price: 7.06, key: "reservoir"),
        ]
        let account = try Account(results: results, reportYear: 2010, excludedFromTotal: ["carbon"])
        #expect(abs(account.gep.yuan - 10_590) < 1e-9)
        #expect(abs(account.value(of: "carbon").yuan - 3800) < 1e-9)
        #expect(account.lines.map(\.includedInTotal) == [true, false])
    }

    /// A 2010 price in a 2022 account: 7.06 × 130.5/100 = 9.2133 元/m³, so 1000 m³ is 9213.3 元.
    @Test func restatesPricesToTheReportYear() throws {
        let deflator = try Deflator(name: "idx", indexByYear: [2010: 100, 2022: 130.5], provenance: testProvenance)
        let results = [result("water", unit: "a", lineID: "retained", quantity: 1000, unit: "m³", price: 7.06, key: "reservoir")]
        let account = try Account(results: results, reportYear: 2022, deflator: deflator)
        #expect(abs(account.gep.yuan - 9213.3) < 1e-9)
        #expect(account.gep.priceYear == 2022)
        #expect(throws: AccountError.deflatorNeeded(line: "retained", priceYear: 2010, reportYear: 2022)) {
            try Account(results: results, reportYear: 2022)
        }
    }

    /// Two price draws as columns, carbon left out of the total: (7.06, 380) gives 7060 and 3530 元, (10, 400) gives
    /// 10 000 and 5000 元. Unit a: mean 8530, sd |10 000 − 7060|/√2 = 2078.894; unit b: mean 4265, sd 1470/√2 =
    /// 1039.447. Blocks of one draw give the same.
    @Test func gepMomentsUnderPriceDraws() throws {
        let account = try Account(results: [
            result("water", unit: "a", lineID: "retained", quantity: 1000, unit: "m³", price: 7.06, key: "reservoir"),
            result("carbon", unit: "a", lineID: "co2", quantity: 10, unit: "t", price: 380, key: "carbon"),
            result("water", unit: "b", lineID: "retained", quantity: 500, unit: "m³", price: 7.06, key: "reservoir"),
            result("carbon", unit: "b", lineID: "co2", quantity: 4, unit: "t", price: 380, key: "carbon"),
        ], reportYear: 2010, excludedFromTotal: ["carbon"])
        let draws = Matrix([[7.06, 10], [380, 400]])
        for block in [1, 2, 1024] {
            let moments = try account.gepDrawMoments(prices: draws, blockSize: block)
            expectClose(moments.map(\.mean), [8530, 4265])
            expectClose(moments.map(\.standardDeviation), [2940 / 2.0.squareRoot(), 1470 / 2.0.squareRoot()])
        }
        #expect(throws: LinearAlgebraError.self) { try account.gepDrawMoments(prices: Matrix([[1, 2]])) }
        #expect(throws: LinearAlgebraError.self) { try account.gepDrawMoments(prices: Matrix(rows: 2, columns: 0)) }
        #expect(throws: LinearAlgebraError.self) {
            try account.gepMoments(priceMeans: [7.06, 380], priceCovariance: Matrix(rows: 2, columns: 1))
        }
    }

    /// GEP is linear in prices, so the sample mean and variance of each unit's GEP over any set of draws equal
    /// q·p̄ and q·S·qᵀ, with p̄ and S the sample mean and covariance of the draws (computed here in plain loops): the
    /// blocked reduction and the closed form must agree for random tables, draws and block sizes.
    @Test func blockedMomentsEqualTheClosedForm() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let (units, lines, draws) = (Int.random(in: 1...6, using: &generator), Int.random(in: 1...5, using: &generator),
                                         Int.random(in: 2...300, using: &generator))
            let q = Matrix(rows: units, columns: lines, columnMajor: (0..<(units * lines)).map { _ in Double.random(in: 0...1e3, using: &generator) })
            let accountLines = (0..<lines).map { AccountLine(service: ServiceID("s\($0)"), category: .regulating, line: "l", label: "l",
                                                             unit: AnyUnit("t")!, priceKey: "p\($0)", includedInTotal: $0 != 0 || lines == 1) }
            let prices = (0..<lines).map { _ in Double.random(in: 1...100, using: &generator) }
            let account = try Account(reportYear: 2022, units: (0..<units).map { "u\($0)" }, lines: accountLines, physical: q, prices: prices)
            let p = Matrix(rows: lines, columns: draws, columnMajor: (0..<(lines * draws)).map { _ in Double.random(in: 0...200, using: &generator) })
            let mean = (0..<lines).map { l in (0..<draws).reduce(0) { $0 + p[l, $1] } / Double(draws) }
            var covariance = Matrix(rows: lines, columns: lines)
            for l in 0..<lines {
                for m in 0..<lines {
                    covariance[l, m] = (0..<draws).reduce(0) { $0 + (p[l, $1] - mean[l]) * (p[m, $1] - mean[m]) } / Double(draws - 1)
                }
            }
            let exact = try account.gepMoments(priceMeans: mean, priceCovariance: covariance)
            let blocked = try account.gepDrawMoments(prices: p, blockSize: Int.random(in: 1...64, using: &generator))
            expectClose(blocked.map(\.mean), exact.map(\.mean), relative: 1e-10)
            expectClose(blocked.map(\.standardDeviation), exact.map(\.standardDeviation), relative: 1e-8)
        }
    }

    @Test func oneLinePricedDifferentlyInTwoUnitsIsRefused() {
        let results = [
            result("water", unit: "a", lineID: "retained", quantity: 1, unit: "m³", price: 7.06, key: "reservoir"),
            result("water", unit: "b", lineID: "retained", quantity: 1, unit: "m³", price: 6.11, key: "reservoir"),
        ]
        #expect(throws: AccountError.self) { try Account(results: results, reportYear: 2010) }
    }

    /// Line units are compared as units, not as text: "m3" and "m³" are one unit and share a column; 万m³ is another
    /// scale of the same dimension, and a column cannot hold both.
    @Test func lineUnitsAreComparedAsUnits() throws {
        let spelt = try Account(results: [
            result("water", unit: "a", lineID: "retained", quantity: 1, unit: "m³", price: 7.06, key: "reservoir"),
            result("water", unit: "b", lineID: "retained", quantity: 2, unit: "m3", price: 7.06, key: "reservoir"),
        ], reportYear: 2010)
        #expect(spelt.lines.count == 1 && spelt.lines[0].unit.symbol == "m³")
        #expect(abs(spelt.gep.yuan - 3 * 7.06) < 1e-12)
        #expect(throws: AccountError.inconsistentLine(service: "water", line: "retained",
                                                      detail: "unit \"m³\" in one accounting unit, \"万m³\" in another")) {
            try Account(results: [
                result("water", unit: "a", lineID: "retained", quantity: 1, unit: "m³", price: 7.06, key: "reservoir"),
                result("water", unit: "b", lineID: "retained", quantity: 1, unit: "万m³", price: 7.06, key: "reservoir"),
            ], reportYear: 2010)
        }
    }

    @Test func duplicateResultIsRefused() {
        let one = result("water", unit: "a", lineID: "retained", quantity: 1, unit: "m³", price: 7.06, key: "reservoir")
        #expect(throws: AccountError.duplicateResult(service: "water", unit: "a")) {
            try Account(results: [one, one], reportYear: 2010)
        }
    }

    /// For random tables (1–8 units, 1–6 services with 1–3 lines each, random quantities, prices and exclusions),
    /// each unit's GEP from BLAS equals the sum of its counted services' values, computed line by line without BLAS,
    /// and the total equals the sum over units. Tolerance: 1e−12 relative.
    @Test func gepEqualsSumOfServiceValues() async {
        await propertyCheck(
            count: 200,
            input: Gen.int(in: 1...8), Gen.int(in: 1...6),
            Gen.double(in: 0...1e6).array(of: 144), Gen.bool.array(of: 6)
        ) { unitCount, serviceCount, numbers, excluded in
            var results: [ServiceResult] = []
            var expectedByUnit = [Double](repeating: 0, count: unitCount)
            let excludedIDs = Set((0..<serviceCount).filter { excluded[$0] }.map { ServiceID("s\($0)") })
            for u in 0..<unitCount {
                for s in 0..<serviceCount {
                    let lineCount = 1 + s % 3
                    let lines = (0..<lineCount).map { l in
                        let quantity = numbers[(u * 18 + s * 3 + l) % numbers.count]
                        let price = numbers[(s * 3 + l + 100) % numbers.count] / 1e3
                        return ValuedLine(id: "l\(l)", label: "line \(l)", amount: quantity, unit: AnyUnit("t")!,
                                          priceKey: "p\(s)-\(l)", yuanPerUnit: price, priceYear: 2020)
                    }
                    if !excludedIDs.contains(ServiceID("s\(s)")) {
                        expectedByUnit[u] += lines.reduce(0) { $0 + $1.quantity.amount * $1.yuanPerUnit }
                    }
                    results.append(ServiceResult(service: ServiceID("s\(s)"), category: .regulating, unit: "u\(u)",
                                                 method: "m", physical: PhysicalAmount(amount: 0, unit: "t"), lines: lines))
                }
            }
            let account = try Account(results: results, reportYear: 2020, excludedFromTotal: excludedIDs)
            for u in 0..<unitCount {
                let byService = account.services.filter { !excludedIDs.contains($0) }
                    .reduce(0) { $0 + account.value(of: $1, unit: "u\(u)").yuan }
                #expect(relativeGap(account.gepByUnit[u], byService) <= 1e-12)
                #expect(relativeGap(account.gepByUnit[u], expectedByUnit[u]) <= 1e-12)
            }
            #expect(relativeGap(account.gep.yuan, expectedByUnit.reduce(0, +)) <= 1e-12)
        }
    }

    private func result(_ service: ServiceID, unit: String, lineID: String, quantity: Double, unit symbol: String,
                        price: Double, key: String) -> ServiceResult {
        let line = ValuedLine(id: lineID, label: lineID, amount: quantity, unit: AnyUnit(symbol)!,
                              priceKey: key, yuanPerUnit: price, priceYear: 2010)
        return ServiceResult(service: service, category: .regulating, unit: unit, method: "default",
                             physical: line.quantity, lines: [line])
    }
}

func relativeGap(_ a: Double, _ b: Double) -> Double {
    let scale = max(abs(a), abs(b))
    return scale == 0 ? 0 : abs(a - b) / scale
}

func expectClose(_ actual: [Double], _ expected: [Double], relative: Double = 1e-12,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(relativeGap(a, e) <= relative, "\(a) vs \(e)", sourceLocation: sourceLocation)
    }
}
