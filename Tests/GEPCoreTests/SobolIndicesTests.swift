import Foundation
import GEPCore
import Testing

@Suite("Sobol indices: Saltelli 2010 first order, Jansen 1999 total order, bootstrap intervals")
struct SobolIndicesTests {
    /// The Ishigami function f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, xᵢ ~ U(−π, π), a = 7, b = 0.1 (Ishigami & Homma
    /// 1990). Its variance parts (Sobol' & Levitan 1999): V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8, V₃ = 0,
    /// V₁₃ = b²π⁸(1/18 − 1/50), V = V₁ + V₂ + V₁₃ = a²/8 + bπ⁴/5 + b²π⁸/18 + ½. So S₁ = 0.3139, S₂ = 0.4424, S₃ = 0,
    /// S_T1 = (V₁ + V₁₃)/V = 0.5576, S_T2 = 0.4424, S_T3 = V₁₃/V = 0.2437.
    @Test func ishigamiIndicesMatchTheAnalyticValues() throws {
        let (a, b) = (7.0, 0.1)
        let v1 = 0.5 * pow(1 + b * pow(.pi, 4) / 5, 2)
        let v2 = a * a / 8
        let v13 = b * b * pow(.pi, 8) * (1.0 / 18 - 1.0 / 50)
        let v = v1 + v2 + v13
        let first = [v1 / v, v2 / v, 0]
        let total = [(v1 + v13) / v, v2 / v, v13 / v]
        // The analytic values, as published.
        for (computed, published) in zip(first + total, [0.3139, 0.4424, 0, 0.5576, 0.4424, 0.2437]) {
            #expect(abs(computed - published) < 5e-5)
        }
        let inputs = try (0..<3).map { _ in try Distribution(.uniform(min: -.pi, max: .pi)) }
        // N = 20 000 base samples (100 000 runs); the estimators' standard errors there are below 0.01.
        let indices = try SobolIndices(inputs, samples: 20_000, seed: 2, bootstrapResamples: 100) { x in
            sin(x[0]) + a * pow(sin(x[1]), 2) + b * pow(x[2], 4) * sin(x[0])
        }
        for i in 0..<3 {
            #expect(abs(indices.firstOrder[i].value - first[i]) < 0.02, "S\(i + 1) = \(indices.firstOrder[i].value), exact \(first[i])")
            #expect(abs(indices.totalOrder[i].value - total[i]) < 0.02, "ST\(i + 1) = \(indices.totalOrder[i].value), exact \(total[i])")
        }
        // 1 − ΣSᵢ = V₁₃/V = 0.2437.
        #expect(abs(indices.interaction.value - v13 / v) < 0.03)
        #expect(abs(indices.variance / v - 1) < 0.03)
    }

    /// Y = 10¹⁰ + X₁ + 2X₂ + 3X₃ with Xᵢ ~ U(0, 1): additive, so Sᵢ = S_Tᵢ = aᵢ²/Σa² = 1/14, 4/14, 9/14. The offset
    /// is the case of a GEP of 10¹⁰ 元: uncentred, f(B)·(f(A_B) − f(A)) carries 10¹⁰ times a noise of order one, and
    /// the estimate is off by about 10¹⁰/√N times the variance (1.17); centred, it is as good as without the offset.
    @Test func aLargeOffsetDoesNotSwampTheIndices() throws {
        let inputs = try (0..<3).map { _ in try Distribution(.uniform(min: 0, max: 1)) }
        let exact = [1.0 / 14, 4.0 / 14, 9.0 / 14]
        let indices = try SobolIndices(inputs, samples: 20_000, seed: 5, bootstrapResamples: 100) { x in 1e10 + x[0] + 2 * x[1] + 3 * x[2] }
        for i in 0..<3 {
            #expect(abs(indices.firstOrder[i].value - exact[i]) < 0.02, "S\(i + 1) = \(indices.firstOrder[i].value)")
            #expect(abs(indices.totalOrder[i].value - exact[i]) < 0.02, "ST\(i + 1) = \(indices.totalOrder[i].value)")
        }
        #expect(abs(indices.interaction.value) < 0.03)
        // V = (1 + 4 + 9)/12.
        #expect(abs(indices.variance / (14.0 / 12) - 1) < 0.03)
    }

    /// The bootstrap intervals hold their estimate, narrow as 1/√N (16 times the samples: a quarter of the width,
    /// between 0.15 and 0.4 allowing for the noise of the width itself), and cover the exact index about as often as
    /// their level says: of 40 seeds at N = 400, the 95 % interval of S₃ = 9/14 holds it at least 32 times (the
    /// binomial(40, 0.95) probability of fewer is below 10⁻³).
    @Test func intervalsHoldTheEstimateShrinkAndCover() throws {
        let inputs = try (0..<3).map { _ in try Distribution(.uniform(min: 0, max: 1)) }
        let model = { (x: [Double]) in x[0] + 2 * x[1] + 3 * x[2] }
        let small = try SobolIndices(inputs, samples: 500, seed: 1, bootstrapResamples: 400, model: model)
        let large = try SobolIndices(inputs, samples: 8000, seed: 1, bootstrapResamples: 400, model: model)
        for estimate in small.firstOrder + small.totalOrder + large.firstOrder + large.totalOrder {
            #expect(estimate.lower <= estimate.value && estimate.value <= estimate.upper)
        }
        let ratio = (large.firstOrder[2].upper - large.firstOrder[2].lower) / (small.firstOrder[2].upper - small.firstOrder[2].lower)
        #expect(ratio > 0.15 && ratio < 0.4, "\(ratio)")
        let covered = try (1...40).filter { seed in
            let s3 = try SobolIndices(inputs, samples: 400, seed: UInt64(seed), bootstrapResamples: 200, model: model).firstOrder[2]
            return s3.lower <= 9.0 / 14 && 9.0 / 14 <= s3.upper
        }.count
        #expect(covered >= 32, "\(covered) of 40")
    }

    /// An index whose interval is wider than itself is flagged: x₃ enters with weight 0.001 (S₃ ≈ 7·10⁻⁷) and
    /// 50 samples cannot tell it from zero; x₁'s index is large and sure.
    @Test func anIndexLostInItsIntervalIsFlagged() throws {
        let inputs = try (0..<3).map { _ in try Distribution(.uniform(min: 0, max: 1)) }
        let indices = try SobolIndices(inputs, samples: 50, seed: 8, bootstrapResamples: 200) { x in 3 * x[0] + x[1] + 0.001 * x[2] }
        #expect(indices.firstOrder[2].isUncertain)
        #expect(!indices.firstOrder[0].isUncertain)
    }

    /// A row whose runs a model refuses as physically impossible (here x₁ + x₂ > 1.9, in any of the row's runs) is
    /// drawn again and counted; the same seed gives the same indices.
    @Test func impossibleRowsAreRedrawnDeterministically() throws {
        let inputs = try (0..<2).map { _ in try Distribution(.uniform(min: 0, max: 1)) }
        let model = { (x: [Double]) throws -> Double in
            guard x[0] + x[1] <= 1.9 else {
                throw InputError.outOfRange(input: "x1 + x2", service: "test", unit: nil, value: x[0] + x[1], expected: "at most 1.9")
            }
            return x[0] + x[1]
        }
        let first = try SobolIndices(inputs, samples: 2000, seed: 4, bootstrapResamples: 100, model: model)
        let second = try SobolIndices(inputs, samples: 2000, seed: 4, bootstrapResamples: 100, model: model)
        #expect(first == second)
        // P(x₁ + x₂ > 1.9) = 0.005 for one run; a row has four runs, so some tens of the 2000 rows are redrawn.
        #expect(first.rejectedSamples > 5 && first.rejectedSamples < 100, "\(first.rejectedSamples)")
        #expect(first.firstOrder.allSatisfy { abs($0.value - 0.5) < 0.1 })
    }

    /// A model output that is not finite stops the analysis instead of turning every index into nan.
    @Test func aNonFiniteOutputStopsTheAnalysis() throws {
        let inputs = [try Distribution(.uniform(min: 0, max: 1))]
        #expect {
            try SobolIndices(inputs, samples: 10, seed: 1, bootstrapResamples: 100) { x in x[0] > 0.5 ? .infinity : x[0] }
        } throws: { error in String(describing: error).contains("the model gave inf, not a finite number") }
    }

    /// Any other failure of a run stops the analysis with the row's sampled values named, A's and B's apart.
    @Test func aFailingRunNamesItsSampledValues() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "broken" } }
        let inputs = [try Distribution(.normal(mean: 3, sd: 1))]
        #expect {
            try SobolIndices(inputs, samples: 10, seed: 1, bootstrapResamples: 100) { x in
                if x[0] > 3 { throw Broken() }
                return x[0]
            }
        } throws: { error in
            let message = String(describing: error)
            return message.contains("failed: broken") && message.contains("x1 (A) = ") && message.contains("x1 (B) = ")
                && message.contains("drawn from normal, mean 3, sd 1")
        }
    }
}
