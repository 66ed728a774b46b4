import GEPCore
import Testing

@Suite("Units: every conversion the seeds need")
struct UnitConversionTests {
    /// Each case: a unit and how many base units one of it is, by definition.
    /// 亩 = 1/15 ha = 10 000/15 m² = 666.666… m²; 万亩 = 10⁴ 亩 = 10⁸/15 m².
    static let areaCases: [(String, Double)] = [
        ("m²", 1), ("ha", 1e4), ("km²", 1e6), ("亩", 10_000.0 / 15), ("万亩", 1e8 / 15),
        ("km2", 1e6), ("hm²", 1e4), ("公顷", 1e4), ("mu", 10_000.0 / 15), ("平方公里", 1e6),
    ]

    @Test(arguments: areaCases)
    func areaUnits(symbol: String, squareMetres: Double) throws {
        let area = try Measure(1, symbol).quantity(Area.self)
        #expect(abs(area.value(in: .squareMetre) - squareMetres) <= 1e-9 * squareMetres)
    }

    @Test func areaCrossConversions() {
        // 15 亩 = 1 ha exactly; 1 km² = 100 ha = 1500 亩; 1 万亩 = 666.67 ha.
        #expect(abs(Quantity<Area>(15, .mu).value(in: .hectare) - 1) < 1e-12)
        #expect(abs(Quantity<Area>(1, .squareKilometre).value(in: .mu) - 1500) < 1e-9)
        #expect(abs(Quantity<Area>(1, .tenThousandMu).value(in: .hectare) - 10_000.0 / 15) < 1e-9)
        #expect(abs(Quantity<Area>(3, .tenThousandMu).value(in: .squareKilometre) - 20) < 1e-12)
    }

    @Test(arguments: [("m³", 1.0), ("万m³", 1e4), ("亿m³", 1e8), ("m3", 1.0), ("万立方米", 1e4), ("亿m3", 1e8)])
    func volumeUnits(symbol: String, cubicMetres: Double) throws {
        #expect(try Measure(2.5, symbol).quantity(Volume.self).value(in: .cubicMetre) == 2.5 * cubicMetres)
    }

    @Test(arguments: [("t", 1.0), ("万t", 1e4), ("kg", 1e-3), ("吨", 1.0), ("万吨", 1e4)])
    func massUnits(symbol: String, tonnes: Double) throws {
        #expect(try Measure(4, symbol).quantity(Mass.self).value(in: .tonne) == 4 * tonnes)
    }

    @Test(arguments: [("mm", 1e-3), ("mm/a", 1e-3), ("m", 1.0)])
    func depthUnits(symbol: String, metres: Double) throws {
        #expect(try Measure(450, symbol).quantity(Depth.self).value(in: .metre) == 450 * metres)
    }

    @Test func percentIsAFraction() throws {
        #expect(try Measure(91.75, "%").quantity(Ratio.self).fraction == 0.9175)
        #expect(try Measure(0.3, "").quantity(Ratio.self).fraction == 0.3)
    }

    /// The water-balance identity: 1 mm of water over 1 km² is 10⁻³ m × 10⁶ m² = 1000 m³;
    /// 100 mm over 1 万亩 (10⁸/15 m²) is 0.1 × 10⁸/15 = 666 666.67 m³.
    @Test func depthTimesAreaIsVolume() {
        let volume: Quantity<Volume> = Quantity(1, .millimetre) * Quantity<Area>(1, .squareKilometre)
        #expect(abs(volume.value(in: .cubicMetre) - 1000) < 1e-9)
        let other: Quantity<Volume> = Quantity<Area>(1, .tenThousandMu) * Quantity<Depth>(100, .millimetre)
        #expect(abs(other.value(in: .tenThousandCubicMetres) - 66.666_666_666_666_7) < 1e-9)
    }

    @Test func parsesNumberAndUnitText() throws {
        let measure = try Measure(parsing: "12.5 万亩")
        #expect(measure == Measure(12.5, "万亩"))
        #expect(try Measure(parsing: "3e4 km²") == Measure(30_000, "km²"))
        #expect(try Measure(parsing: "91.75%") == Measure(91.75, "%"))
        #expect(throws: UnitError.malformedMeasure("about ten ha")) { try Measure(parsing: "about ten ha") }
    }

    @Test func volumeWhereAreaExpectedIsRejectedWithBothDimensions() {
        let error = #expect(throws: UnitError.self) { try Measure(5, "万m³").quantity(Area.self) }
        #expect(error == .wrongDimension(unit: "万m³", found: "volume", expected: "area"))
        #expect(String(describing: error!) == "unit \"万m³\" measures volume, but area was expected (for example m², ha, km², 亩, 万亩)")
    }

    @Test func unknownUnitIsRejected() {
        let error = #expect(throws: UnitError.self) { try Measure(5, "acres").quantity(Area.self) }
        #expect(error == .unknownUnit("acres", expected: "area"))
    }

    /// Every unit spelling, after normalisation, is listed once in one dimension, so a unit read from a file is never
    /// ambiguous and no alias is dead weight.
    @Test func spellingsAreUniqueAcrossDimensions() {
        var owners: [String: String] = [:]
        for dimension in UnitCatalog.dimensions {
            for spelling in dimension.allSpellingsForTesting {
                #expect(owners[spelling] == nil, "\(spelling) is in \(owners[spelling] ?? "") and \(dimension.name)")
                owners[spelling] = dimension.name
            }
        }
        #expect(owners.count > 35)
    }
}

extension PhysicalDimension {
    static var allSpellingsForTesting: [String] {
        units.flatMap { ([$0.symbol] + $0.aliases).map(UnitCatalog.normalise) }
    }
}
