import GEPCore

/// Seeded mutations of a model file's text, of the kinds that reach users: a flipped byte, a deleted or repeated
/// line, two numbers swapped, and numbers replaced by the values at the edges of what a double or an Int can hold.
///
/// One seed gives one sequence of mutants on every machine (``SeededGenerator``), so a finding is reproduced from
/// its seed and index alone.
public struct ModelMutator: Sendable {
    /// Numbers at the edges: zero, negatives, the largest and smallest doubles, subnormals, Int.max, non-numbers.
    static let boundaryNumbers = ["0", "-0", "-1", "1e308", "-1e308", "1.8e308", "4.9e-324", "1e-300", "1e300", "9223372036854775807",
                                  "-9223372036854775808", "18446744073709551616", ".nan", ".inf", "-.inf", "0x7fffffff", "1e3000", "''", "~"]

    private var generator: SeededGenerator

    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// One mutant of `text`: one to three mutations in a row.
    public mutating func mutate(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + pick(3)) {
            guard !lines.isEmpty else { break }
            switch pick(5) {
            case 0: flipByte(&lines)
            case 1: lines.remove(at: pick(lines.count))
            case 2: let i = pick(lines.count); lines.insert(lines[i], at: i)
            case 3: swapNumbers(&lines)
            default: replaceNumber(&lines)
            }
        }
        return lines.joined(separator: "\n")
    }

    private mutating func pick(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }

    private mutating func flipByte(_ lines: inout [String]) {
        let i = pick(lines.count)
        var bytes = Array(lines[i].utf8)
        guard !bytes.isEmpty else { return }
        bytes[pick(bytes.count)] ^= UInt8(1 << pick(8))
        lines[i] = String(decoding: bytes, as: UTF8.self)
    }

    /// The numbers of a line: (start, end) of each run of digits with its sign, point and exponent.
    private func numbers(in line: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = line.startIndex
        while index < line.endIndex {
            guard line[index].isNumber else { index = line.index(after: index); continue }
            var start = index
            if start > line.startIndex, line[line.index(before: start)] == "-" { start = line.index(before: start) }
            var end = index
            while end < line.endIndex, line[end].isNumber || ".eE".contains(line[end]) { end = line.index(after: end) }
            ranges.append(start..<end)
            index = end
        }
        return ranges
    }

    private mutating func replaceNumber(_ lines: inout [String]) {
        let candidates = lines.indices.filter { !numbers(in: lines[$0]).isEmpty }
        guard !candidates.isEmpty else { return }
        let i = candidates[pick(candidates.count)]
        let ranges = numbers(in: lines[i])
        lines[i].replaceSubrange(ranges[pick(ranges.count)], with: Self.boundaryNumbers[pick(Self.boundaryNumbers.count)])
    }

    private mutating func swapNumbers(_ lines: inout [String]) {
        let candidates = lines.indices.filter { !numbers(in: lines[$0]).isEmpty }
        guard candidates.count >= 2 else { return }
        let (i, j) = (candidates[pick(candidates.count)], candidates[pick(candidates.count)])
        guard i != j else { return }
        guard let a = numbers(in: lines[i]).first, let b = numbers(in: lines[j]).first else { return }
        let (x, y) = (String(lines[i][a]), String(lines[j][b]))
        lines[i].replaceSubrange(a, with: y)
        lines[j].replaceSubrange(b, with: x)
    }
}
