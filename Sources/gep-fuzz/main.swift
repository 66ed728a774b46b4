import Foundation
import GEPFuzz
import GEPServices

// gep-fuzz MODELS MUTANTS [SEED]: runs MUTANTS mutants of the bundled model files (make fuzz), split over two
// threads, and prints what it found. A mutant running longer than 20 s is a hang: it is printed and the run exits 2.
// Exit 1 on any finding. A trap ends the process; the mutant it was running is left in the worker's scratch folder.

let arguments = CommandLine.arguments
guard arguments.count >= 3, let mutants = Int(arguments[2]), mutants > 0 else {
    FileHandle.standardError.write(Data("usage: gep-fuzz MODELS MUTANTS [SEED]\n".utf8))
    exit(64)
}
let models = URL(fileURLWithPath: arguments[1])
let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1
let workers = 2
let hangLimit: TimeInterval = 20
let progress = FuzzProgress(workers: workers)
let start = Date()
let group = DispatchGroup()
for worker in 0..<workers {
    group.enter()
    Thread.detachNewThread {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gep-fuzz-\(getpid())-\(worker)")
        let first = worker * (mutants / workers) + min(worker, mutants % workers)
        let count = mutants / workers + (worker < mutants % workers ? 1 : 0)
        do {
            let harness = try FuzzHarness(models: models, scratch: scratch, registry: BuiltInServices.registry())
            progress.finished(harness.run(seed: seed, range: first..<(first + count)) { progress.started($0, worker: worker) }, worker: worker)
            try? FileManager.default.removeItem(at: scratch)
        } catch {
            print("worker \(worker): cannot set up \(scratch.path): \(error)")
            exit(70)
        }
        group.leave()
    }
}
while group.wait(timeout: .now() + 1) == .timedOut {
    if let stuck = progress.stuck(after: hangLimit) {
        print("hang: mutant \(stuck) (seed \(seed)) has run for more than \(Int(hangLimit)) s")
        exit(2)
    }
}
let total = progress.total
print("\(total.mutants) mutants (seed \(seed)) in \(Int(Date().timeIntervalSince(start))) s: \(total.accepted) accepted with every output finite, "
    + "\(total.refused) refused with a message, \(total.findings.count) findings; no trap, no hang")
for finding in total.findings.prefix(20) { print(finding) }
exit(total.findings.isEmpty ? 0 : 1)
