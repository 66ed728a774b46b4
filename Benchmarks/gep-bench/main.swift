import Compensation
import Foundation
import GEPCore
import GEPModelFiles
import GEPRaster
import GEPRasterFixtures
import GEPReport
import GEPServices
import LinearAlgebra

// gep-bench: times GEPKit against baselines doing the same work in the same run and prints ratios.
// Run with `make bench` (release build, OPENBLAS_NUM_THREADS=1). Absolute times vary between machines; the ratios
// are what to compare.

/// Results of timed work are added here and printed at the end, so the optimiser cannot remove the work.
nonisolated(unsafe) var sink = 0.0

/// The median wall time of `repeats` runs of `body`, in seconds; `body` returns a number that lands in `sink`.
func median(_ repeats: Int, _ body: () throws -> Double) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        sink += try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

func line(_ label: String, _ value: String) { print(label.padding(toLength: 58, withPad: " ", startingAt: 0) + value) }

/// A whole process timed by `/usr/bin/time`: the median wall time of `repeats` runs and the largest peak resident
/// memory, or nil when the command fails (its standard error is printed).
func timedProcess(_ arguments: [String], in directory: URL, repeats: Int = 3) throws -> (seconds: Double, peakMB: Double)? {
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("gep-bench-time-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: report) }
    var times: [Double] = [], peak = 0.0
    for _ in 0..<repeats {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%e %M", "-o", report.path] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = try String(contentsOf: report, encoding: .utf8).split(whereSeparator: \.isWhitespace).suffix(2).compactMap { Double($0) }
        guard process.terminationStatus == 0, fields.count == 2 else {
            print("   \(arguments.joined(separator: " ")) failed: \(message)")
            return nil
        }
        times.append(fields[0])
        peak = max(peak, fields[1] / 1024)
    }
    return (times.sorted()[times.count / 2], peak)
}

/// Whether `python3` can import the baselines' modules.
let pythonBaselines: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import numpy, pandas, yaml"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

let root = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : FileManager.default.currentDirectoryPath)
var generator = SeededGenerator(seed: 2026)

// 1. One region's account: GEPKit (services, registry, Account with BLAS) against the same service calls summed in
//    plain loops.
do {
    let registry = BuiltInServices.registry()
    let (loadLookups, model) = try UnitLookupCounter.counting {
        try RegionModelFile.read(root.appendingPathComponent("models/regions/genhe.yaml").path, registry: registry)
    }
    let (runLookups, _) = try UnitLookupCounter.counting { try model.run(with: registry) }
    let gepkit = try median(101) { try model.run(with: registry).account.gep.yuan }
    let naive = try median(101) {
        var total = 0.0
        for unit in model.region.units {
            for choice in model.services where choice.includedInTotal {
                let result = try registry.service(choice.id).evaluate(unit, method: choice.method, inputs: model.inputs(for: unit), prices: model.prices)
                for priced in result.lines { total += try priced.value(atPricesOf: model.reportYear, deflator: model.deflator).yuan }
            }
        }
        return total
    }
    print("1. Genhe account (6 units, 5 services)")
    line("   GEPKit RegionModel.run", String(format: "%.3f ms (target < 10 ms)", gepkit * 1e3))
    line("   unit-string lookups: loading the model / one run", "\(loadLookups) / \(runLookups) (target: 0 per run)")
    line("   naive loop over the same service calls", String(format: "%.3f ms", naive * 1e3))
    line("   ratio naive / GEPKit", String(format: "%.2f", naive / gepkit))
}

// 2. Monte Carlo valuation: the mean and standard deviation of every unit's GEP over 10⁵ price draws × 10³ units ×
//    12 lines. GEPKit forms the product in blocks of draws in one reused buffer and reduces as it goes; the floor is a
//    warm-buffer dgemm of the whole product (no reduction), and numpy does the same work its usual way.
do {
    let (units, lines, draws, block) = (1000, 12, 100_000, 1024)
    let q = Matrix(rows: units, columns: lines, columnMajor: (0..<(units * lines)).map { _ in Double.random(in: 0...1e6, using: &generator) })
    let accountLines = (0..<lines).map { AccountLine(service: ServiceID("s\($0)"), category: .regulating, line: "l", label: "l", unit: AnyUnit(MeasurementUnit<Mass>.tonne), priceKey: "p\($0)") }
    let account = try Account(reportYear: 2022, units: (0..<units).map { "u\($0)" }, lines: accountLines, physical: q,
                              prices: (0..<lines).map { _ in Double.random(in: 1...100, using: &generator) })
    let distributions = try account.prices.map { try Distribution(.normal(mean: $0, sd: 0.1 * $0), truncatedBelow: 0) }
    var priceDraws = Matrix(rows: lines, columns: draws)
    let sampling = median(3) {
        for k in 0..<draws { for l in 0..<lines { priceDraws[l, k] = distributions[l].sample(using: &generator) } }
        return priceDraws[0, 0]
    }
    var moments: [DrawMoments] = []
    let gepkit = try median(3) {
        moments = try account.gepDrawMoments(prices: priceDraws, blockSize: block)
        return moments[units - 1].mean
    }
    var full = [Double](repeating: 0, count: units * draws)
    try q.multiply(priceDraws, columns: 0..<draws, into: &full)
    let warm = try median(3) {
        try q.multiply(priceDraws, columns: 0..<draws, into: &full)
        return full[full.count - 1]
    }
    // The closed form from the prices' means and (diagonal) covariance; truncation at zero is 10 sd away here.
    var covariance = Matrix(rows: lines, columns: lines)
    for l in 0..<lines { covariance[l, l] = pow(0.1 * account.prices[l], 2) }
    var exact: [DrawMoments] = []
    let closed = try median(3) {
        exact = try account.gepMoments(priceMeans: account.prices, priceCovariance: covariance)
        return exact[0].mean
    }
    let gap = zip(moments, exact).map { abs($0.standardDeviation / $1.standardDeviation - 1) }.max() ?? 0
    print("2. Monte Carlo valuation: per-unit GEP mean and sd, 10⁵ draws × 10³ units × 12 lines")
    line("   sampling 1.2 × 10⁶ price draws", String(format: "%.3f s", sampling))
    line("   GEPKit Account.gepDrawMoments (blocks of \(block) draws)", String(format: "%.3f s, buffer %.1f MB", gepkit, Double(units * block * 8) / 1e6))
    line("   warm-buffer dgemm of the whole product (floor)", String(format: "%.3f s, buffer %.0f MB", warm, Double(units * draws * 8) / 1e6))
    line("   ratio floor / GEPKit", String(format: "%.2f", warm / gepkit))
    line("   closed form Account.gepMoments (q·μ, q·Σ·qᵀ)", String(format: "%.4f s; sd within %.1e of the draws'", closed, gap))
    let numpy = Process()
    numpy.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    numpy.arguments = ["python3", "-c", """
        import os, time
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        import numpy as np
        rng = np.random.default_rng(0)
        q = rng.random((1000, 12)); p = rng.random((12, 100000))
        def work():
            t = time.perf_counter(); g = q @ p; g.mean(axis=1); g.std(axis=1, ddof=1)
            return time.perf_counter() - t
        print(min(work() for _ in range(3)))
        """]
    let pipe = Pipe()
    numpy.standardOutput = pipe
    numpy.standardError = FileHandle.nullDevice
    if (try? numpy.run()) != nil {
        numpy.waitUntilExit()
        if numpy.terminationStatus == 0, let seconds = Double(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) {
            line("   numpy q @ p, then mean and std per unit", String(format: "%.3f s", seconds))
            line("   ratio GEPKit / numpy", String(format: "%.2f (target ≤ 1.2)", gepkit / seconds))
        } else {
            line("   numpy", "not available")
        }
    }
}

// 3. Compensation optimisation for 10⁴ units: GEPKit's active set against a plain bisection on the multiplier λ.
do {
    let n = 10_000
    let target = (0..<n).map { _ in Double.random(in: 0...1000, using: &generator) }
    let weights = (0..<n).map { _ in Double.random(in: 0.5...2, using: &generator) }
    let floors = [Double](repeating: 100, count: n)
    let caps = [Double](repeating: 900, count: n)
    let budget = 4_800_000.0
    let gepkit = try median(5) { try OptimisedAllocation.solve(target: target, weights: weights, budget: budget, floors: floors, caps: caps)[0] }
    var passes = 0
    let naive = median(5) {
        // x(λ) = clamp(t + λ/2w, L, U) is increasing in λ; bisect until the bracket cannot shrink (λ to double
        // precision), which takes about 70 passes from ±10⁷.
        var (low, high) = (-1e7, 1e7)
        passes = 0
        while true {
            let mid = (low + high) / 2
            guard mid > low && mid < high else { break }
            passes += 1
            var sum = 0.0
            for i in 0..<n { sum += min(max(target[i] + mid / (2 * weights[i]), floors[i]), caps[i]) }
            if sum < budget { low = mid } else { high = mid }
        }
        return min(max(target[0] + (low + high) / 4 / weights[0], floors[0]), caps[0])
    }
    print("3. Optimised compensation allocation, 10⁴ units with floors and caps")
    line("   GEPKit OptimisedAllocation.solve", String(format: "%.3f ms", gepkit * 1e3))
    line("   bisection on λ to convergence (\(passes) passes)", String(format: "%.3f ms", naive * 1e3))
    line("   ratio bisection / GEPKit", String(format: "%.2f", naive / gepkit))
}

/// A compensation file for the growth case's region (`../regions/bench.yaml`) and its units table: an opportunity cost
/// and a public-welfare forest area for every unit, a budget of 1 亿元, six schemes.
func writeCompensationFiles(units: Int, in folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let rows = (0..<units).map { "u\($0),\(1000 + ($0 * 37) % 2000),\(String(format: "%.4f", Double(100 + $0 % 97) * 0.9175 * 0.15))" }
    try (["id,opportunity-cost [万元],regime:public-welfare-forest [万亩]"] + rows).joined(separator: "\n")
        .write(to: folder.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
    try """
        name: generated compensation benchmark, \(units) units
        sources:
          bench: "generated for the benchmark"
        region: ../regions/bench.yaml
        budget: {value: 1, unit: 亿元, year: 2022, source: bench, status: assumed, note: generated}
        indicators:
          opportunity-cost: {unit: 元, direction: benefit}
        units-file: {path: units.csv, source: bench, year: 2022, status: assumed, note: generated}
        schemes:
          gep-share: {}
          opportunity-cost: {}
          area-rates:
            rates:
              public-welfare-forest: {value: 10, unit: 元/亩, year: 2022, source: bench, status: assumed, note: generated}
          ahp:
            indicators: [gep, opportunity-cost, service:water-conservation]
            pairwise: [[1, 2, 3], [1/2, 1, 2], [1/3, 1/2, 1]]
            source: bench
            status: assumed
            note: generated
          entropy-topsis:
            indicators: [gep, opportunity-cost, service:water-conservation]
          optimised:
            target: gep-share
            caps: {u0: {value: 100, unit: 元}, u1: {value: 100, unit: 元}}

        """.write(to: folder.appendingPathComponent("bench.yaml"), atomically: true, encoding: .utf8)
}

// 4. The account as the unit count grows: Genhe's model with its towns replaced by N generated units in a CSV table
//    (a total area split by the region's shares, and a per-unit precipitation), read, run and rendered as JSON, the
//    work of `gep account --format json` in one process. The growth exponent between two sizes is
//    log(t₂/t₁)/log(n₂/n₁): 1 is linear; a quadratic step shows as a value heading for 2.
do {
    let registry = BuiltInServices.registry()
    let genhe = try String(contentsOf: root.appendingPathComponent("models/regions/genhe.yaml"), encoding: .utf8)
    let parts = genhe.components(separatedBy: "\nunits:\n")
    guard parts.count == 2, let rest = parts[1].range(of: "\n\n# Other years") else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "genhe.yaml no longer has the units block this case replaces"])
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gep-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("regions"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try? FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("prices"), withDestinationURL: root.appendingPathComponent("models/prices"))
    let region = parts[0] + "\nunits-file: {path: units.csv, source: genhe-plan, status: assumed, note: generated for the benchmark}\n"
        + parts[1][rest.lowerBound...]
    let regionPath = folder.appendingPathComponent("regions/bench.yaml").path
    try region.write(toFile: regionPath, atomically: true, encoding: .utf8)
    let gep = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gep").path
    let baselines = root.appendingPathComponent("Benchmarks/baselines")
    let regions = folder.appendingPathComponent("regions")
    var wholeProcess: [String] = []
    print("4. Account growth: read a CSV of N units, run, render JSON (Genhe's services)")
    var previous: (units: Int, seconds: Double)?
    for units in [10, 100, 1_000, 10_000, 100_000] {
        let rows = (0..<units).map { "u\($0),Unit \($0),\(100 + Double($0 % 97)),\(450 + $0 % 100)" }
        try (["id,name,area [km²],precipitation [mm]"] + rows).joined(separator: "\n")
            .write(to: folder.appendingPathComponent("regions/units.csv"), atomically: true, encoding: .utf8)
        // Whole processes on the same files: `gep account --format csv` against the pandas script writing the same
        // table, and `gep uncertainty` against the numpy script doing the same draws.
        if pythonBaselines, units >= 10_000,
           let ours = try timedProcess([gep, "account", "bench.yaml", "--format", "csv", "--out", "gep.csv"], in: regions),
           let theirs = try timedProcess(["python3", baselines.appendingPathComponent("account_pandas.py").path, "bench.yaml", "--csv", "pandas.csv"], in: regions) {
            wholeProcess.append(String(format: "   account, %d units: gep %.2f s (%.0f MB), pandas %.2f s (%.0f MB), pandas / gep %.2f",
                                       units, ours.seconds, ours.peakMB, theirs.seconds, theirs.peakMB, theirs.seconds / ours.seconds))
        }
        // `gep compare-schemes` against the pandas script on a generated compensation file whose indicators and
        // regime areas come from a units table (six schemes: GEP share, opportunity cost, area rates, AHP,
        // entropy-TOPSIS, optimised with two binding caps).
        if pythonBaselines, units >= 10_000 {
            try writeCompensationFiles(units: units, in: folder.appendingPathComponent("compensation"))
            let compensation = folder.appendingPathComponent("compensation")
            if let ours = try timedProcess([gep, "compare-schemes", "bench.yaml", "--format", "csv", "--out", "gep.csv"], in: compensation),
               let theirs = try timedProcess(["python3", baselines.appendingPathComponent("compare_pandas.py").path, "bench.yaml", "--csv", "pandas.csv"], in: compensation) {
                wholeProcess.append(String(format: "   compare-schemes, %d units: gep %.2f s (%.0f MB), pandas %.2f s (%.0f MB), pandas / gep %.2f",
                                           units, ours.seconds, ours.peakMB, theirs.seconds, theirs.peakMB, theirs.seconds / ours.seconds))
            }
        }
        if pythonBaselines, units == 100,
           let ours = try timedProcess([gep, "uncertainty", "bench.yaml", "--draws", "1000", "--format", "json", "--out", "gep.json"], in: regions),
           let theirs = try timedProcess(["python3", baselines.appendingPathComponent("uncertainty_numpy.py").path, "bench.yaml", "1000"], in: regions) {
            wholeProcess.append(String(format: "   uncertainty, 1000 draws, 100 units: gep %.2f s (%.0f MB), numpy %.2f s (%.0f MB), gep / numpy %.2f",
                                       ours.seconds, ours.peakMB, theirs.seconds, theirs.peakMB, ours.seconds / theirs.seconds))
        }
        let seconds = try median(units >= 100_000 ? 1 : 3) {
            let model = try RegionModelFile.read(regionPath, registry: registry)
            let report = try AccountReport(try model.run(with: registry), registry: registry)
            return Double(try report.render(.json).utf8.count)
        }
        var text = String(format: "%.3f s, %.1f µs per unit", seconds, seconds / Double(units) * 1e6)
        if let previous { text += String(format: ", exponent %.2f", log(seconds / previous.seconds) / log(Double(units) / Double(previous.units))) }
        line("   \(units) units", text)
        previous = (units, seconds)
    }
    line("   target", "exponent ≤ 1.1 from 10⁴ to 10⁵")
    print("5. Whole processes against the Python baselines (/usr/bin/time, median of 3)")
    if pythonBaselines {
        wholeProcess.forEach { print($0) }
        line("   targets", "pandas / gep ≥ 3 (account, compare-schemes); gep / numpy ≤ 2 (uncertainty)")
    } else {
        print("   skipped: python3 with numpy, pandas and PyYAML not found (pip install numpy pandas pyyaml)")
    }
}

// 6. A raster run against the I/O floor: the generated Genhe-like set (GenheRasterFixture, GEPKIT_BENCH_RASTER
//    pixels a side, 4000 by default), `gep-raster` with five services writing five compressed GeoTIFFs, against a
//    decode-only pass of GDAL over the same three inputs (land cover, zones, precipitation), block by block.
do {
    let size = Int(ProcessInfo.processInfo.environment["GEPKIT_BENCH_RASTER"] ?? "") ?? 4000
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gep-bench-raster-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = try GenheRasterFixture.write(to: folder.path, size: size, models: root.appendingPathComponent("models").path)
    print("6. Raster run, \(size) × \(size) pixels, 5 services (GenheRasterFixture)")
    let decode = try median(3) {
        var total = 0.0, values: [Double] = []
        for name in ["landcover.tif", "zones.tif", "precipitation.tif"] {
            let band = try RasterDataset.open(folder.appendingPathComponent(name).path).band(1)
            for window in band.blocks() {
                try band.read(window, into: &values)
                total += values[0]
            }
        }
        return total
    }
    line("   decode-only pass over the inputs (the floor)", String(format: "%.2f s", decode))
    let raster = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gep-raster").path
    for threads in [1, 2] {
        guard let run = try timedProcess([raster, model, "--out", "out-\(threads)", "--threads", String(threads)], in: folder, repeats: 1) else { continue }
        line("   gep-raster --threads \(threads), writing 5 GeoTIFFs", String(format: "%.2f s, %.0f MB peak, ratio to the floor %.1f", run.seconds, run.peakMB, run.seconds / decode))
    }
    guard let bare = try timedProcess([raster, model, "--threads", "2"], in: folder, repeats: 1) else { throw CocoaError(.fileReadUnknown) }
    line("   gep-raster --threads 2, no GeoTIFFs (account only)", String(format: "%.2f s, %.0f MB peak, ratio to the floor %.1f", bare.seconds, bare.peakMB, bare.seconds / decode))
    line("   target", "within 1.5× of the floor; peak under 1 GiB")
}

print("(checksum \(sink))")
