/// The one treatment of physically impossible draws, shared by ``MonteCarloAccount`` and ``SobolIndices``.
///
/// A draw is impossible when a service refuses the values it produces as outside their physical domain
/// (``InputError/outOfRange(input:service:unit:value:expected:)``: evapotranspiration above precipitation less
/// runoff on land, say). Such a draw is rejected, counted and drawn again from the same generator, so both runs sample
/// the file's distributions truncated to the physically possible set, and both report how many draws they replaced.
/// In the sensitivity run the draw is a whole row of the estimator (the rows of A and B and every mix of the two),
/// rejected when any of its runs is refused. When rejections pass ``rejectionsPerDraw`` per draw asked for, most of
/// the distribution's mass is impossible, the truncated distribution is no longer the file's, and the run stops with
/// ``UncertaintyError/tooManyImpossibleDraws(rejected:draws:refusal:sampled:)``.
public struct ImpossibleDrawRule: Sendable {
    /// Rejected draws allowed per draw asked for before the run stops.
    public static let rejectionsPerDraw = 10

    /// Draws rejected so far.
    public private(set) var rejected = 0
    private let draws: Int

    /// A rule for a run of `draws` draws.
    public init(draws: Int) { self.draws = draws }

    /// Runs `body` on one draw.
    ///
    /// - Parameter sampled: the draw's values, named, for messages.
    /// - Returns: `body`'s result, or nil when a service refused the draw as physically impossible (counted).
    /// - Throws: ``UncertaintyError/tooManyImpossibleDraws(rejected:draws:refusal:sampled:)`` past the limit, and
    ///   ``UncertaintyError/drawFailed(reason:sampled:)`` for any other error of `body`: both say the values were
    ///   sampled and from which distributions.
    public mutating func attempt<T>(sampled: @autoclosure () -> [SampledValue], _ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as InputError {
            guard case .outOfRange = error else { throw UncertaintyError.drawFailed(reason: String(describing: error), sampled: sampled()) }
            rejected += 1
            if rejected > Self.rejectionsPerDraw * draws {
                throw UncertaintyError.tooManyImpossibleDraws(rejected: rejected, draws: draws, refusal: String(describing: error), sampled: sampled())
            }
            return nil
        } catch let error as UncertaintyError {
            throw error
        } catch {
            throw UncertaintyError.drawFailed(reason: String(describing: error), sampled: sampled())
        }
    }
}

/// One value of a draw and where it came from, for messages: "precipitation = 1.0223 (factor on the value, drawn
/// from normal, mean 1, sd 0.05, ≥ 0)".
public struct SampledValue: Sendable, Equatable, CustomStringConvertible {
    public let label: String
    public let value: Double
    /// "drawn from normal, mean 1, sd 0.05", or "the deterministic value + 1 %" for an elasticity's step.
    public let origin: String

    public init(label: String, value: Double, origin: String) {
        self.label = label
        self.value = value
        self.origin = origin
    }

    public var description: String { "\(label) = \(sixFigures(value)) (\(origin))" }
}

extension UncertainParameter {
    /// This parameter's value in a draw, described with its distribution.
    func sampled(_ value: Double) -> SampledValue {
        let origin = uncertainty.isRelative ? "factor on the file's value, drawn from \(uncertainty.distribution)" : "drawn from \(uncertainty.distribution)"
        return SampledValue(label: label, value: value, origin: origin)
    }
}
