/// A model file that cannot be used, located precisely enough to fix: the file, the line and column, the field
/// (as a path such as `units[2].areas.by-ecosystem-type.meadow`) and what was expected there.
public struct ModelFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as given to the reader.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// 1-based column, when known.
    public let column: Int?
    /// The field path, empty for the whole document.
    public let field: String
    /// What is wrong and what was expected.
    public let message: String

    public init(file: String, line: Int?, column: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// "models/regions/genhe.yaml:12:7: units[0].areas: expected a number, found \"many\"".
    public var description: String {
        let position = [line, column].compactMap { $0 }.map(String.init).joined(separator: ":")
        let location = position.isEmpty ? file : "\(file):\(position)"
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
