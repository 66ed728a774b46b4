import CYaml

/// Bounds on what a model file may expand to, checked on libyaml's event stream before Yams builds the tree.
///
/// YAML aliases (`*name`) repeat an anchored node, so a few hundred bytes of nested aliases stand for an exponential
/// number of nodes ("billion laughs"); used as mapping keys they cost exponential time inside the composer itself,
/// before any of GEPKit's own checks could run. The event stream is read once, in time linear in the text, adding up
/// how many nodes each anchor expands to, and a file past ``maximumNodes`` expanded nodes, ``maximumAliases``
/// aliases or ``maximumDepth`` levels of nesting is refused with the line where it passes the bound. A mapping key
/// must be text: an alias, list or mapping as a key is refused where it stands (model files have text keys only, and
/// such keys are what the composer spends exponential time hashing).
enum YAMLBounds {
    /// The bundled models expand to a few thousand nodes; a 10⁵-unit table to about two million.
    static let maximumNodes = 5_000_000
    static let maximumAliases = 10_000
    static let maximumDepth = 64

    /// - Throws: ``ModelFileError`` at the line where `text` passes a bound. Malformed YAML passes here and is
    ///   reported by the composer with its own position.
    static func check(_ text: String, file: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchors: [String: Int] = [:]
            var open: [(size: Int, anchor: String?, isMapping: Bool, nextIsKey: Bool)] = []
            var total = 0, aliases = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let refuse = { (message: String) in
                    ModelFileError(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1, field: "", message: message)
                }
                let startsNode = [YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT].contains(event.type)
                if startsNode, let parent = open.last, parent.isMapping, parent.nextIsKey, event.type != YAML_SCALAR_EVENT {
                    let kind = event.type == YAML_ALIAS_EVENT ? "an alias" : event.type == YAML_SEQUENCE_START_EVENT ? "a list" : "a mapping"
                    throw refuse("a mapping key must be text, not \(kind)")
                }
                let size: Int
                var anchor: String?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    (size, anchor) = (1, name(event.data.scalar.anchor))
                case YAML_ALIAS_EVENT:
                    aliases += 1
                    guard aliases <= maximumAliases else { throw refuse("more than \(maximumAliases) YAML aliases (*name); a model file needs none") }
                    size = name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let named = event.type == YAML_SEQUENCE_START_EVENT ? name(event.data.sequence_start.anchor) : name(event.data.mapping_start.anchor)
                    open.append((1, named, event.type == YAML_MAPPING_START_EVENT, true))
                    guard open.count <= maximumDepth else { throw refuse("YAML nested deeper than \(maximumDepth) levels") }
                    continue
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let closed = open.popLast() else { continue }
                    (size, anchor) = (closed.size, closed.anchor)
                default:
                    continue
                }
                if let anchor { anchors[anchor] = size }
                if open.isEmpty {
                    total += size
                } else {
                    open[open.count - 1].size += size
                    if open[open.count - 1].isMapping { open[open.count - 1].nextIsKey.toggle() }
                }
                guard total + open.reduce(0, { $0 + $1.size }) <= maximumNodes else {
                    throw refuse(aliases > 0
                        ? "the file expands to more than \(maximumNodes) YAML nodes through its aliases (*name); a model file needs no aliases"
                        : "the file holds more than \(maximumNodes) YAML nodes, more than any model file needs (about 10⁵ units)")
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
