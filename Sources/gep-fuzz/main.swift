import Foundation
import GEPFuzz
import GEPServices

// gep-fuzz MODELS FIRST COUNT [SEED]: runs mutants FIRST ..< FIRST + COUNT of the sequence SEED gives (make fuzz runs
// two of these side by side, one per core: threads in one process contend inside the YAML parser and gain little)
// and prints what it found. A mutant running longer than 20 s is a hang: it is printed and the run exits 2. Exit 1
// on any finding. A trap ends the process; the mutant it was running is left in the scratch folder.

let arguments = CommandLine.arguments
guard arguments.count >= 4, let first = Int(arguments[2]), let count = Int(arguments[3]), first >= 0, count > 0 else {
    FileHandle.standardError.write(Data("usage: gep-fuzz MODELS FIRST COUNT [SEED]\n".utf8))
    exit(64)
}
let models = URL(fileURLWithPath: arguments[1])
let seed = arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1
let hangLimit: TimeInterval = 20
let progress = FuzzProgress(workers: 1)
let start = Date()
let done = DispatchSemaphore(value: 0)
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gep-fuzz-\(getpid())")
Thread.detachNewThread {
    do {
        let harness = try FuzzHarness(models: models, scratch: scratch, registry: BuiltInServices.registry())
        progress.finished(harness.run(seed: seed, range: first..<(first + count)) { progress.started($0, worker: 0) }, worker: 0)
        try? FileManager.default.removeItem(at: scratch)
    } catch {
        print("cannot set up \(scratch.path): \(error)")
        exit(70)
    }
    done.signal()
}
while done.wait(timeout: .now() + 1) == .timedOut {
    if let stuck = progress.stuck(after: hangLimit) {
        print("hang: mutant \(stuck) (seed \(seed)) has run for more than \(Int(hangLimit)) s; it is in \(scratch.path)")
        exit(2)
    }
}
let total = progress.total
print("mutants \(first)..<\(first + count) (seed \(seed)) in \(Int(Date().timeIntervalSince(start))) s: \(total.accepted) accepted with every output finite, "
    + "\(total.refused) refused with a message, \(total.findings.count) findings; no trap, no hang")
for finding in total.findings.prefix(20) { print(finding) }
exit(total.findings.isEmpty ? 0 : 1)
