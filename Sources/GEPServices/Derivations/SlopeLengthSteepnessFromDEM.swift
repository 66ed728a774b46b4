import Foundation
import GEPCore

/// The RUSLE LS factor per pixel from a DEM (``TerrainKernel``): slope and aspect by Horn's 3 × 3 gradient, the
/// upslope area by D8 flow accumulation over the depression-filled DEM, then S (McCool) times L (Desmet & Govers).
///
/// Steps, over the whole grid:
/// 1. Depressions are filled by Priority-Flood+ε (Barnes, Lehman & Mulla, Computers & Geosciences 2014, 62:117–127),
///    from the grid's edge and the edge of missing pixels inward, raising each pit and flat by the smallest
///    representable step, so that every pixel has a strictly lower neighbour and water leaves the grid.
/// 2. Each pixel drains to the neighbour of steepest descent on the filled DEM (D8, O'Callaghan & Mark 1984);
///    flow is accumulated in the reverse of the fill's order, which visits every pixel after all that drain into it.
/// 3. Slope and aspect come from the unfilled DEM by Horn (1981), Proc. IEEE 69(1):14–47, with a missing neighbour
///    taken as the centre.
///
/// Memory is about 50 bytes per pixel (the DEM and the `l-max` cap as read, the filled DEM, the fill order and its
/// queue, the accumulation and receivers, the result), so a 4000 × 4000 DEM needs about 800 MB for this step; it
/// runs once, before the blocks, and is freed before they start.
public struct SlopeLengthSteepnessFromDEM: GridDerivation {
    public let id = "rusle-ls"
    public let output = SoilRetention.Keys.slopeLengthSteepness.name
    public let outputUnit = ""
    public let formula = "LS = S·L; S = 10.8 sin θ + 0.03 (< 9 %) or 16.8 sin θ − 0.5; L = [(A + D²)^(m+1) − A^(m+1)]/[D^(m+2) x^m 22.13^m]"
    public let source = "McCool et al., Trans. ASAE 1987, 30(5); Desmet & Govers, J. Soil Water Conserv. 1996, 51(5) eq. 3; Barnes et al. 2014 (pit filling)"
    public let reach = GridDerivationReach.wholeGrid
    public let operands = [
        GridOperand("elevation", "ground elevation (a DEM on square pixels in a projected reference system)", unit: "m"),
        GridOperand("l-max", "cap on the slope-length factor L (InVEST's l_max; 122 in its sample data)", unit: "", defaultValue: 122),
    ]

    public init() {}

    public func derive(_ input: GridDerivationInput) throws(DerivationRejection) -> [Double] {
        let width = input.width, height = input.height, size = input.pixelSize.x
        guard abs(input.pixelSize.x - input.pixelSize.y) <= 1e-9 * input.pixelSize.x else {
            throw DerivationRejection(pixel: 0, KernelRejection(input: "elevation", value: input.pixelSize.y,
                                                                expected: "square pixels (\(sixFigures(input.pixelSize.x)) m wide); resample with `gdalwarp -tr`"))
        }
        let dem = input[0], cap = input[1]
        let accumulation = Self.flowAccumulation(dem, width: width, height: height, missing: input.missing).accumulation
        var result = [Double](repeating: 0, count: dem.count)
        for y in 0..<height {
            for x in 0..<width where !input.missing[y * width + x] {
                let i = y * width + x
                func z(_ dx: Int, _ dy: Int) -> Double {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, nx < width, ny >= 0, ny < height, !input.missing[ny * width + nx] else { return dem[i] }
                    return dem[ny * width + nx]
                }
                let dzdx = ((z(1, -1) + 2 * z(1, 0) + z(1, 1)) - (z(-1, -1) + 2 * z(-1, 0) + z(-1, 1))) / (8 * size)
                let dzdy = ((z(-1, 1) + 2 * z(0, 1) + z(1, 1)) - (z(-1, -1) + 2 * z(0, -1) + z(1, -1))) / (8 * size)
                let (tangent, aspect) = TerrainKernel.slopeAndAspect(dzdx: dzdx, dzdy: dzdy)
                let length = TerrainKernel.lengthFactor(
                    contributingArea: Double(accumulation[i] - 1) * size * size, pixelSize: size,
                    exponent: TerrainKernel.lengthExponent(tangent: tangent), aspectTerm: aspect, cap: cap[i])
                result[i] = length * TerrainKernel.steepnessFactor(tangent: tangent)
            }
        }
        return result
    }

    /// D8 flow over the depression-filled DEM: each pixel's count of pixels draining through it (itself included)
    /// and the pixel it drains to (−1 where water leaves the grid, and for missing pixels).
    public static func flowAccumulation(_ dem: [Double], width: Int, height: Int, missing: [Bool]) -> (accumulation: [Int32], receivers: [Int32]) {
        let (filled, order) = fill(dem, width: width, height: height, missing: missing)
        var accumulation = [Int32](repeating: 1, count: dem.count)
        var receivers = [Int32](repeating: -1, count: dem.count)
        for i in order.reversed() {
            guard let next = steepestDescent(from: Int(i), filled, width: width, height: height, missing: missing) else { continue }
            receivers[Int(i)] = Int32(next)
            accumulation[next] += accumulation[Int(i)]
        }
        return (accumulation, receivers)
    }

    /// The eight neighbours' offsets, and their distances in pixel sizes.
    private static let neighbours: [(dx: Int, dy: Int, distance: Double)] = [
        (-1, -1, 2.0.squareRoot()), (0, -1, 1), (1, -1, 2.0.squareRoot()), (-1, 0, 1),
        (1, 0, 1), (-1, 1, 2.0.squareRoot()), (0, 1, 1), (1, 1, 2.0.squareRoot()),
    ]

    /// The neighbour of steepest descent on `filled`, or nil for a pixel that drains off the grid.
    private static func steepestDescent(from i: Int, _ filled: [Double], width: Int, height: Int, missing: [Bool]) -> Int? {
        let x = i % width, y = i / width
        var best: Int?, bestDrop = 0.0
        for n in neighbours {
            let nx = x + n.dx, ny = y + n.dy
            guard nx >= 0, nx < width, ny >= 0, ny < height else { continue }
            let j = ny * width + nx
            guard !missing[j] else { continue }
            let drop = (filled[i] - filled[j]) / n.distance
            if drop > bestDrop { best = j; bestDrop = drop }
        }
        return best
    }

    /// Priority-Flood+ε: the filled DEM and the order pixels were taken from the queue (nondecreasing in filled
    /// elevation, ties by pixel index). Missing pixels are neither filled nor ordered.
    private static func fill(_ dem: [Double], width: Int, height: Int, missing: [Bool]) -> (filled: [Double], order: [Int32]) {
        var filled = dem
        var queued = missing
        var heap = ElevationHeap()
        var order: [Int32] = []
        order.reserveCapacity(dem.count)
        for y in 0..<height {
            for x in 0..<width where !queued[y * width + x] {
                let i = y * width + x
                let onEdge = x == 0 || y == 0 || x == width - 1 || y == height - 1
                    || neighbours.contains { n in missing[(y + n.dy) * width + (x + n.dx)] }
                if onEdge {
                    queued[i] = true
                    heap.push(dem[i], i)
                }
            }
        }
        while let (level, i) = heap.pop() {
            order.append(Int32(i))
            let x = i % width, y = i / width
            for n in neighbours {
                let nx = x + n.dx, ny = y + n.dy
                guard nx >= 0, nx < width, ny >= 0, ny < height else { continue }
                let j = ny * width + nx
                guard !queued[j] else { continue }
                queued[j] = true
                filled[j] = max(dem[j], level.nextUp)
                heap.push(filled[j], j)
            }
        }
        return (filled, order)
    }
}

/// A binary min-heap of pixels by elevation, ties broken by pixel index so the fill order is deterministic.
private struct ElevationHeap {
    private var levels: [Double] = []
    private var pixels: [Int32] = []

    private func less(_ a: Int, _ b: Int) -> Bool {
        levels[a] < levels[b] || (levels[a] == levels[b] && pixels[a] < pixels[b])
    }

    private mutating func swapAt(_ a: Int, _ b: Int) {
        levels.swapAt(a, b)
        pixels.swapAt(a, b)
    }

    mutating func push(_ level: Double, _ pixel: Int) {
        levels.append(level)
        pixels.append(Int32(pixel))
        var child = levels.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = levels.first, let pixel = pixels.first else { return nil }
        let last = levels.count - 1
        swapAt(0, last)
        levels.removeLast()
        pixels.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < levels.count, less(left, smallest) { smallest = left }
            if right < levels.count, less(right, smallest) { smallest = right }
            guard smallest != parent else { break }
            swapAt(parent, smallest)
            parent = smallest
        }
        return (top, Int(pixel))
    }
}
