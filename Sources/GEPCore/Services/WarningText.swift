/// A warning's text, written when it is read.
///
/// A run over 10⁵ units can meet a warning in nearly every unit (a marsh's evaporation above its rain, say), and
/// most reports (a CSV, a scheme comparison) print none of them: a kernel states what it found and the numbers, and
/// the sentence is written only for a report that shows it. Equal and hashed as its text.
public struct WarningText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    private let text: @Sendable () -> String

    /// A warning written by `text` when read; `text` captures the values it states, not the sentence.
    public init(_ text: @escaping @Sendable () -> String) {
        self.text = text
    }

    /// A warning already written.
    public init(written text: String) {
        self.text = { text }
    }

    public init(stringLiteral value: String) {
        self.init(written: value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(written: String(stringInterpolation: stringInterpolation))
    }

    public var description: String { text() }

    public static func == (lhs: WarningText, rhs: WarningText) -> Bool { lhs.description == rhs.description }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
