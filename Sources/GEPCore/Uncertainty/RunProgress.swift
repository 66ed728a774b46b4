/// How far a long run has got: `completed` of `total` steps (draws, or model runs), for a progress line.
public struct RunProgress: Sendable, Equatable {
    public let completed: Int
    public let total: Int
    /// What a step is, plural: "draws", "model runs".
    public let steps: String

    public init(completed: Int, total: Int, steps: String) {
        self.completed = completed
        self.total = total
        self.steps = steps
    }
}

/// Called as a run advances; a caller throttles its own output (the call comes after every step).
public typealias ProgressHandler = (RunProgress) -> Void
