import Foundation
import GEPCore

/// Where in the model files an error found while computing comes from.
///
/// A service refuses an input only when it runs (evapotranspiration above precipitation less runoff, say), long
/// after the file was read, and its ``InputError`` names the input and the accounting unit, not a line. This finds
/// the entry the error blames, the unit's own `inputs:` entry when it has one, else the region-wide one, in the region
/// model (directly, or the one a compensation model names), and gives the error its file, line and field.
public enum ComputedErrorLocation {
    /// `error` as a ``ModelFileError`` at the input it blames, or nil when it names no input of the files behind
    /// `path`.
    public static func locate(_ error: Error, from path: String) -> ModelFileError? {
        guard let error = error as? InputError, let (input, unit) = blamed(error) else { return nil }
        let key = input.split(separator: "[").first.map(String.init) ?? input
        for file in ModelDocument.inputFiles(path) {
            guard let root = try? YAMLField.load(file), (try? ModelKind.of(root)) == .region else { continue }
            if let unit, let units = try? root.optional("units")?.sequence(),
               let entry = units.first(where: { (try? $0.optional("id")?.string()) == unit }),
               let field = try? entry.optional("inputs")?.optional(key) {
                return field.error(String(describing: error))
            }
            if let field = try? root.optional("inputs")?.optional(key) { return field.error(String(describing: error)) }
        }
        return nil
    }

    /// The input and unit an input error names.
    private static func blamed(_ error: InputError) -> (input: String, unit: String?)? {
        switch error {
        case let .outOfRange(input, _, unit, _, _), let .wrongUnit(input, _, unit, _), let .wrongShape(input, _, unit, _),
             let .missingYear(input, _, unit), let .missingForEcosystemType(input, _, _, unit):
            return (input, unit)
        case .missing, .negativeArea, .duplicateUnit:
            return nil
        }
    }
}
