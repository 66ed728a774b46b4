import Foundation

/// A number for messages and explanations: six significant figures and no float noise ("-1000", "0.0038432",
/// "1.75e+06"), so that a message reads the same on every run.
public func sixFigures(_ value: Double) -> String { String(format: "%.6g", value) }
