/// The `sources:` block of a model file: short names for citations, so that a value can say `source: chinaflux`
/// and the report prints the full reference.
struct SourceCatalog {
    private var citations: [String: String] = [:]

    init() {}

    /// Reads the optional `sources` mapping of `root`.
    init(_ root: YAMLField) throws {
        guard let block = try root.optional("sources") else { return }
        for (key, value) in try block.mapping() { citations[key] = try value.string() }
    }

    /// The full citation for a short name, or the text itself when it is not a short name.
    func expand(_ text: String) -> String { citations[text] ?? text }
}
