import Foundation
import GEPCore
import GEPServices
import Testing

/// The grid derivations' kernels against values worked by hand (in Python, from the published formulas).
@Suite("Grid derivations")
struct DerivationTests {
    static func input(_ operands: [[[Double]]], width: Int, height: Int = 1, size: Double = 30, year: Int = 2022) -> GridDerivationInput {
        GridDerivationInput(operands: operands, width: width, height: height, pixelSize: (size, size), year: year,
                            missing: [Bool](repeating: false, count: width * height))
    }

    @Test("EPIC erodibility of a loam (40 % sand, 40 % silt, 20 % clay, 1.5 % organic carbon) is 0.0343 t·ha·h/(ha·MJ·mm)")
    func epicLoam() throws {
        let k = try ErodibilityFromTexture.erodibility(sand: 40, silt: 40, clay: 20, organicCarbon: 1.5)
        #expect(abs(k - 0.03429989889394524) < 1e-15)
        // Silt raises K, organic carbon lowers it (Wischmeier's nomograph has the same signs).
        #expect(try ErodibilityFromTexture.erodibility(sand: 20, silt: 60, clay: 20, organicCarbon: 1.5) > k)
        #expect(try ErodibilityFromTexture.erodibility(sand: 40, silt: 40, clay: 20, organicCarbon: 4) < k)
    }

    @Test("EPIC erodibility refuses a texture over 100 % and names the pixel")
    func epicRefusal() {
        let derivation = ErodibilityFromTexture()
        #expect(throws: DerivationRejection(pixel: 1, KernelRejection(input: "sand", value: 70,
                                                                      expected: "sand, silt and clay together at most 100 % (silt 40, clay 20)"))) {
            try derivation.derive(Self.input([[[40, 70]], [[40, 40]], [[20, 20]], [[1.5, 1.5]]], width: 2))
        }
    }

    @Test("the monthly weather factor counts only months whose mean wind exceeds 5 m/s (one windy January: 20.154 kg/m)")
    func weatherFactor() throws {
        let months = { (january: Double, rest: Double) in [[january]] + Array(repeating: [rest], count: 11) }
        let operands = [months(6, 4), months(-10, 5), months(10, 40), months(3, 8), months(200, 500), months(0, 0), [[1000]]]
        let wf = try WeatherFactorFromMonthlySeries().derive(Self.input(operands, width: 1))
        #expect(abs(wf[0] - 20.154301512739075) < 1e-12)
        #expect(WeatherFactorFromMonthlySeries.monthDays(year: 2024)[1] == 29 && WeatherFactorFromMonthlySeries.monthDays(year: 2100)[1] == 28)
    }

    @Test("McCool's S and the m classes at their published breakpoints")
    func steepnessAndExponent() {
        let tangent = 0.2, sine = 0.2 / (1.04).squareRoot()
        #expect(abs(TerrainKernel.steepnessFactor(tangent: tangent) - (16.8 * sine - 0.5)) < 1e-12)
        #expect(abs(TerrainKernel.steepnessFactor(tangent: 0.05) - (10.8 * 0.05 / (1.0025).squareRoot() + 0.03)) < 1e-12)
        #expect([0.01, 0.02, 0.04, 0.08].map { TerrainKernel.lengthExponent(tangent: $0) } == [0.2, 0.3, 0.4, 0.5])
        let beta = (sine / 0.0896) / (3 * pow(sine, 0.8) + 0.56)
        #expect(abs(TerrainKernel.lengthExponent(tangent: tangent) - beta / (1 + beta)) < 1e-12)
    }

    @Test("D8 flow conserves water: on a DEM with a closed pit, every pixel drains off the grid, without cycles")
    func flowLeavesThroughEdges() {
        let width = 25, height = 20
        func elevation(_ x: Int, _ y: Int) -> Double {
            let dx = Double(x - 12), dy = Double(y - 9), r2 = dx * dx + dy * dy
            let pit: Double = x == 5 && y == 5 ? -30 : 0
            return 100 + r2 - 40 * exp(-r2 / 8) + pit
        }
        let dem: [Double] = (0..<height).flatMap { y in (0..<width).map { x in elevation(x, y) } }
        let (accumulation, receivers) = SlopeLengthSteepnessFromDEM.flowAccumulation(dem, width: width, height: height,
                                                                                     missing: [Bool](repeating: false, count: dem.count))
        let outlets = receivers.indices.filter { receivers[$0] < 0 }
        let drained: Int = outlets.map { Int(accumulation[$0]) }.reduce(0, +)
        #expect(drained == width * height)
        for start in receivers.indices {
            var pixel = start, steps = 0
            while receivers[pixel] >= 0, steps <= dem.count { pixel = Int(receivers[pixel]); steps += 1 }
            #expect(steps <= dem.count)
            let x = pixel % width, y = pixel / width
            #expect(x == 0 || y == 0 || x == width - 1 || y == height - 1)
        }
    }

    @Test("LS on a plane of 4 % slope is McCool's S times Desmet and Govers' L for the rows above")
    func planeLS() throws {
        let width = 9, height = 12, size = 30.0
        let dem = (0..<height).flatMap { y in (0..<width).map { _ in 500 - 0.04 * size * Double(y) } }
        let ls = try SlopeLengthSteepnessFromDEM().derive(Self.input([[dem], [[Double](repeating: 122, count: dem.count)]],
                                                                     width: width, height: height))
        let sine = 0.04 / (1.0016).squareRoot(), s = 10.8 * sine + 0.03
        for row in 1..<(height - 1) {
            let a = Double(row) * size * size
            let l = (pow(a + size * size, 1.4) - pow(a, 1.4)) / (pow(size, 2.4) * pow(22.13, 0.4))
            #expect(abs(ls[row * width + 4] - l * s) < 1e-9 * l * s)
        }
    }
}
