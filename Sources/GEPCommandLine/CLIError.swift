import ArgumentParser
import GEPModelFiles

/// A library error on its way to the terminal: printed to stderr as "Error: <message>" with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    /// Runs `body`, turning any thrown error into a `CLIError` carrying the error's own message. Errors that do not
    /// already name a file (an input error found while computing, say) are prefixed with `context`.
    static func wrap<T>(context: String? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CLIError {
            throw error
        } catch let error as ModelFileError {
            throw CLIError(description: String(describing: error))
        } catch {
            throw CLIError(description: [context, String(describing: error)].compactMap { $0 }.joined(separator: ": "))
        }
    }
}
