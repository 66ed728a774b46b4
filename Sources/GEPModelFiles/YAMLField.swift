import Foundation
import Yams

/// A node of a parsed YAML model file with its path from the root, so that every accessor can throw a
/// ``ModelFileError`` naming the file, line, column and field.
struct YAMLField {
    let node: Node
    let file: String
    let path: String

    /// Tags left unresolved: every scalar stays text until an accessor reads it as a number, a whole number or a
    /// boolean (Yams constructs those from the text, whatever the tag). Resolving them with Yams' default rules ran
    /// a regular expression per scalar for the duplicate-key check, over a third of loading a large model file.
    /// Merge keys (`<<`) are not resolved either; model files do not use them.
    private static let resolver = Resolver.basic

    /// Parses `text` read from `file`.
    ///
    /// - Throws: ``ModelFileError`` for malformed YAML (with the parser's line and column), a file past
    ///   ``YAMLBounds``, or an empty document.
    static func parse(_ text: String, file: String) throws -> YAMLField {
        try YAMLBounds.check(text, file: file)
        let root: Node?
        do { root = try Yams.compose(yaml: text, Self.resolver) } catch let error as YamlError {
            throw ModelFileError(file: file, line: error.mark?.line, column: error.mark?.column, field: "",
                                 message: "malformed YAML: \(error.problem)")
        }
        guard let root else {
            throw ModelFileError(file: file, line: nil, column: nil, field: "", message: "the file is empty; expected a YAML mapping")
        }
        return YAMLField(node: root, file: file, path: "")
    }

    /// Reads and parses the file at `path`.
    ///
    /// - Throws: ``ModelFileError`` when the file cannot be read or parsed.
    static func load(_ path: String) throws -> YAMLField {
        ModelFilesRead.note(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelFileError(file: path, line: nil, column: nil, field: "", message: "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ModelFileError(file: path, line: nil, column: nil, field: "", message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// An error at this field.
    func error(_ message: String) -> ModelFileError {
        ModelFileError(file: file, line: node.mark?.line, column: node.mark?.column, field: path, message: message)
    }

    // MARK: Mappings

    /// The key–value pairs, in file order.
    func mapping() throws -> [(key: String, value: YAMLField)] {
        guard case let .mapping(pairs) = node else { throw error("expected a mapping (key: value lines), found \(kind)") }
        return try pairs.map { key, value in
            guard let name = key.string else { throw error("expected text keys") }
            return (name, YAMLField(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)"))
        }
    }

    /// The value at `key`, or nil.
    func optional(_ key: String) throws -> YAMLField? {
        try mapping().first { $0.key == key }?.value
    }

    /// The value at `key`.
    ///
    /// - Throws: a ``ModelFileError`` at this mapping naming the missing field.
    func required(_ key: String) throws -> YAMLField {
        guard let value = try optional(key) else {
            let field = path.isEmpty ? key : "\(path).\(key)"
            throw ModelFileError(file: file, line: node.mark?.line, column: node.mark?.column, field: field,
                                 message: "missing required field")
        }
        return value
    }

    /// Rejects keys outside `allowed`, so that a misspelt field is an error rather than silently ignored.
    func allowOnly(_ allowed: Set<String>) throws {
        for (key, value) in try mapping() where !allowed.contains(key) {
            throw value.error("unknown field; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    // MARK: Sequences

    /// The elements, in file order.
    func sequence() throws -> [YAMLField] {
        guard case let .sequence(items) = node else { throw error("expected a list (lines starting with -), found \(kind)") }
        return items.enumerated().map { index, item in YAMLField(node: item, file: file, path: "\(path)[\(index)]") }
    }

    // MARK: Scalars

    /// Text; empty text only when `allowEmpty` (a dimensionless unit is written `unit: ""`).
    func string(allowEmpty: Bool = false) throws -> String {
        guard case let .scalar(scalar) = node, allowEmpty || !scalar.string.isEmpty else { throw error("expected text, found \(kind)") }
        return scalar.string
    }

    /// A finite number.
    func double() throws -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            throw error("expected a number, found \(kind)")
        }
        return value
    }

    /// A whole number.
    func int() throws -> Int {
        guard case .scalar = node, let value = node.int else { throw error("expected a whole number, found \(kind)") }
        return value
    }

    /// A whole number within `range` (a count, a seed): a bound checked here, before any work.
    func int(in range: ClosedRange<Int>) throws -> Int {
        let value = try int()
        guard range.contains(value) else { throw error("expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(value)") }
        return value
    }

    /// The years a model file may name: four digits, so that year arithmetic cannot overflow.
    static let years = 1000...9999

    /// A year.
    func year() throws -> Int {
        let value = try int()
        guard Self.years.contains(value) else { throw error("expected a year from \(Self.years.lowerBound) to \(Self.years.upperBound), found \(value)") }
        return value
    }

    /// The keys of this mapping read as years (a `years:` block, a deflator table), with their values.
    func yearKeyed() throws -> [(year: Int, value: YAMLField)] {
        try mapping().map { key, value in
            guard let year = Int(key), Self.years.contains(year) else {
                throw value.error("expected a year from \(Self.years.lowerBound) to \(Self.years.upperBound) as the key, found \"\(key)\"")
            }
            return (year, value)
        }
    }

    /// A file path: absolute as written, or relative to `directory` (the folder of the file that names it).
    func filePath(in directory: String) throws -> String {
        let written = try string()
        return written.hasPrefix("/") ? written : (directory as NSString).appendingPathComponent(written)
    }

    /// true or false.
    func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("expected true or false, found \(kind)") }
        return value
    }

    /// Words for messages: what the node is.
    private var kind: String {
        switch node {
        case let .scalar(scalar): return scalar.string.isEmpty ? "nothing" : "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension YamlError {
    /// The position libYAML reported, when it reported one.
    var mark: Mark? {
        switch self {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark
        case let .duplicatedKeysInMapping(_, context): return context.mark
        default: return nil
        }
    }

    /// libYAML's own words for the problem.
    var problem: String {
        switch self {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            return [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ": ")
        case let .reader(problem, _, _, _), let .writer(problem), let .emitter(problem), let .representer(problem):
            return problem
        case let .duplicatedKeysInMapping(duplicates, _):
            return "duplicated keys \(duplicates.joined(separator: ", "))"
        default:
            return String(describing: self)
        }
    }
}
