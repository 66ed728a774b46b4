import Foundation

extension AccountReport {
    /// The report as JSON (schema `gepkit.account/1`): keys sorted, pretty-printed, so that output is stable and
    /// diffs are readable. Decoding it with `JSONDecoder` gives back an equal ``AccountReport``.
    func renderJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
