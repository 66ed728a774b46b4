import Foundation
import Testing

/// The outcome of one `gep` run.
struct GEPRun {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// The `gep` executable built beside the test bundle.
let gepExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("gep")

/// Runs the `gep` executable built beside the test bundle with `arguments`.
func runGEP(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> GEPRun {
    let process = Process()
    process.executableURL = gepExecutable
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

/// Starts `path` as a shell starts a foreground command, with no signal blocked and SIGINT at its default action,
/// and returns its process id. Foundation's `Process` passes on the spawning thread's signal mask, and the test
/// runner's threads block nearly every signal, so a child started that way never sees a Ctrl-C. Its standard
/// output and error go to /dev/null.
func spawnAsForeground(_ path: String, _ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t(), defaults = sigset_t()
    sigemptyset(&empty)
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
    return pid
}

/// A report's text without the run's metadata (``RunMetadata``), which differs from run to run by its time, command
/// and inputs: the `"run"` object of JSON, the `#` lines before a CSV's header, the closing "Run" section of a table or
/// Markdown report, the run footer of HTML.
func withoutRun(_ text: String) -> String {
    if let start = text.range(of: "\n  \"run\" : {\n"), let end = text.range(of: "\n  }", range: start.upperBound..<text.endIndex) {
        let after = text[end.upperBound...]
        return String(text[..<start.lowerBound]) + (after.hasPrefix(",") ? String(after.dropFirst()) : String(after))
    }
    if let footer = text.range(of: "<footer id=\"run\">"), let end = text.range(of: "</footer>\n", range: footer.upperBound..<text.endIndex) {
        return String(text[..<footer.lowerBound]) + String(text[end.upperBound...])
    }
    for marker in ["\n\n## Run\n", "\n\nRun\n", "\n\n## 运行信息\n", "\n\n运行信息\n"] where text.contains(marker) {
        return String(text[..<(text.range(of: marker, options: .backwards)?.lowerBound ?? text.endIndex)]) + "\n"
    }
    return text.split(separator: "\r\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("# ") }.joined(separator: "\r\n")
}

/// Runs another program (a browser, unzip, sha256sum) to its end and returns what it printed on standard output,
/// expecting it to succeed; its standard error is discarded.
func runProgram(_ path: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(path) \(arguments.joined(separator: " "))", sourceLocation: sourceLocation)
    return data
}
