/// One line per unit saying how its amount was derived, each made when it is read.
///
/// A comparison of 10⁵ units under six schemes would otherwise build and hold 6·10⁵ strings that only the CSV and
/// JSON reports print, one at a time; a scheme gives the arrays its lines are made from instead. Equal, encoded and
/// decoded as the array of its lines.
public struct Explanations: RandomAccessCollection, Sendable, Equatable, Codable {
    public let startIndex = 0
    public let endIndex: Int
    private let line: @Sendable (Int) -> String

    /// `count` lines, the i-th made by `line(i)` each time it is read.
    public init(count: Int, line: @escaping @Sendable (Int) -> String) {
        endIndex = count
        self.line = line
    }

    /// Lines already made.
    public init(_ lines: [String]) {
        self.init(count: lines.count) { lines[$0] }
    }

    public subscript(position: Int) -> String {
        precondition(indices.contains(position), "explanation \(position) of \(endIndex)")
        return line(position)
    }

    public static func == (lhs: Explanations, rhs: Explanations) -> Bool { lhs.elementsEqual(rhs) }

    public init(from decoder: any Decoder) throws { self.init(try [String](from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try Array(self).encode(to: encoder) }
}
