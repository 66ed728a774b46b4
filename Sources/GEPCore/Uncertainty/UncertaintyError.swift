/// A Monte Carlo or sensitivity run that cannot give a result. The messages say which values were sampled, so that a
/// value a service refuses is not taken for one the model file holds.
public enum UncertaintyError: Error, Sendable, Equatable {
    /// A count (draws, samples, bootstrap resamples) outside the range a run accepts.
    case count(name: String, value: Int, expected: ClosedRange<Int>)
    /// More draws refused as physically impossible than ``ImpossibleDrawRule`` allows.
    case tooManyImpossibleDraws(rejected: Int, draws: Int, refusal: String, sampled: [SampledValue])
    /// A model run on sampled (or perturbed) values failed for another reason than a physically impossible input.
    case drawFailed(reason: String, sampled: [SampledValue])
    /// Draws too large to summarise: their mean or spread passes the largest double.
    case summaryOverflow(item: String, mean: Double, standardDeviation: Double)
    /// A run whose model has no uncertain value to analyse.
    case nothingUncertain
}

extension UncertaintyError: CustomStringConvertible {
    /// Sampled values listed in a message, at most.
    static let listedValues = 8

    public var description: String {
        switch self {
        case let .count(name, value, expected):
            return "\(name) is \(value); expected \(expected.lowerBound) to \(expected.upperBound)"
        case let .tooManyImpossibleDraws(rejected, draws, refusal, sampled):
            return "\(rejected) sampled draws were physically impossible for \(draws) asked for (at most "
                + "\(ImpossibleDrawRule.rejectionsPerDraw) per draw are redrawn): the uncertainties put most of their "
                + "weight on impossible values; narrow them. The last refusal, \(refusal), came from sampled values: "
                + Self.list(sampled)
        case let .drawFailed(reason, sampled):
            return "a run on sampled or perturbed values failed: \(reason); these values were not read from the file: " + Self.list(sampled)
        case let .summaryOverflow(item, mean, standardDeviation):
            return "the draws of \(item) are too large to summarise (mean \(mean), standard deviation \(standardDeviation) 元); "
                + "an uncertainty is far too wide: narrow it"
        case .nothingUncertain:
            return "the model has no value with an uncertainty to analyse; give one an `uncertainty:` (see models/README.md)"
        }
    }

    private static func list(_ values: [SampledValue]) -> String {
        let shown = values.prefix(listedValues).map(String.init(describing:)).joined(separator: "; ")
        return values.count > listedValues ? "\(shown); and \(values.count - listedValues) more" : shown
    }
}
