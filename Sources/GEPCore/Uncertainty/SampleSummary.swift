/// Summary statistics of a sample: mean, median and the 5th and 95th percentiles.
public struct SampleSummary: Sendable, Equatable, Codable {
    public let mean: Double
    public let median: Double
    public let p5: Double
    public let p95: Double
    public let standardDeviation: Double

    /// - Precondition: `values` is not empty.
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "SampleSummary of an empty sample")
        let sorted = values.sorted()
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        self.mean = mean
        median = SampleSummary.quantile(sorted, 0.5)
        p5 = SampleSummary.quantile(sorted, 0.05)
        p95 = SampleSummary.quantile(sorted, 0.95)
        standardDeviation = values.count > 1 ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() : 0
    }

    /// The q-quantile of sorted values, linear between order statistics (Hyndman & Fan type 7, as numpy's default).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
