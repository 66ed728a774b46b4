import Testing

/// Asserts that two arrays agree entry by entry within an absolute tolerance.
func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= tolerance, "\(a) vs \(e)", sourceLocation: sourceLocation)
    }
}
