import ArgumentParser

/// A library error on its way to the terminal: printed to stderr as "Error: <message>" with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    /// Runs `body`, turning any thrown error into a `CLIError` carrying the error's own message.
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError(description: String(describing: error))
        }
    }
}
