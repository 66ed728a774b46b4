import Foundation
import ArgumentParser
import GEPModelFiles
import GEPReport
import GEPStore

/// A library error on its way to the terminal: printed to stderr as "Error: <message>" with exit status 1.
public struct CLIError: Error, CustomStringConvertible {
    public let description: String

    /// The message with control characters removed (``terminalSafe(_:)``), and any single value cut to
    /// ``longestValue`` characters: an id or value echoed from a file can neither drive the terminal nor flood it.
    init(description: String) {
        self.description = CLIError.shorten(terminalSafe(description))
    }

    /// The longest run of characters without a space that a message keeps whole.
    static let longestValue = 200

    static func shorten(_ message: String) -> String {
        message.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.count > longestValue ? word.prefix(longestValue) + "… (\(word.count) characters)" : String(word)
        }.joined(separator: " ")
    }

    /// Runs `body`, turning any thrown error into a `CLIError` carrying the error's own message. Errors that do not
    /// already name a file are located in `context`'s model files when they blame an input
    /// (``ComputedErrorLocation``), or else prefixed with `context`; model-file and store errors name their own.
    public static func wrap<T>(context: String? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CLIError {
            throw error
        } catch let error as ModelFileError {
            throw CLIError(description: String(describing: error))
        } catch let error as StoreError {
            throw CLIError(description: String(describing: error))
        } catch let error as EncodingError {
            guard case let .invalidValue(value, _) = error else { throw CLIError(description: "cannot encode the report: \(error)") }
            throw CLIError(description: [context, "cannot write the report: it holds \(value), not a finite number"].compactMap { $0 }.joined(separator: ": "))
        } catch {
            if let context, let located = ComputedErrorLocation.locate(error, from: context) {
                throw CLIError(description: String(describing: located))
            }
            throw CLIError(description: [context, String(describing: error)].compactMap { $0 }.joined(separator: ": "))
        }
    }
}
