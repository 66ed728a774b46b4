import Foundation

/// The outcome of one `gep` run.
struct GEPRun {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// Runs the `gep` executable built beside the test bundle with `arguments`.
func runGEP(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> GEPRun {
    let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let process = Process()
    process.executableURL = buildDirectory.appendingPathComponent("gep")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return GEPRun(status: process.terminationStatus,
                  standardOutput: String(decoding: outData, as: UTF8.self),
                  standardError: String(decoding: errData, as: UTF8.self))
}

/// The package's root folder (holding Package.swift and models/).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
