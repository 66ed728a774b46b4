import Foundation

/// Writes the starting files of a new service module: a Swift type conforming to `EcosystemService` with one
/// method to fill in, and a test file whose worked-example test fails until the author writes one.
///
/// Used by the `new-service-module` command plugin through the `gep-scaffold` tool.
public struct ServiceScaffold: Sendable, Equatable {
    /// The service id, lower-case words joined by hyphens: "reindeer-pasture".
    public let id: String
    /// The Swift type name: "ReindeerPasture".
    public let typeName: String
    /// The source target the module goes into, and its test target (`<target>Tests`).
    public let target: String

    /// - Throws: ``ScaffoldError/badName(_:)`` unless `id` is lower-case words joined by hyphens.
    public init(id: String, target: String) throws {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        guard !words.isEmpty, words.allSatisfy({ word in !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }),
              words[0].first?.isLetter == true else {
            throw ScaffoldError.badName(id)
        }
        self.id = id
        self.typeName = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        self.target = target
    }

    /// Paths, relative to the package root, and contents of the files to write.
    public var files: [(path: String, contents: String)] {
        [("Sources/\(target)/\(typeName).swift", moduleSource), ("Tests/\(target)Tests/\(typeName)Tests.swift", testSource)]
    }

    /// Writes the files under `packageDirectory`, refusing to overwrite any.
    ///
    /// - Throws: ``ScaffoldError/exists(_:)`` or ``ScaffoldError/missingTarget(_:)``; file-system errors.
    public func write(into packageDirectory: URL) throws -> [URL] {
        let sources = packageDirectory.appendingPathComponent("Sources/\(target)")
        guard FileManager.default.fileExists(atPath: sources.path) else { throw ScaffoldError.missingTarget(target) }
        let urls = files.map { packageDirectory.appendingPathComponent($0.path) }
        if let existing = urls.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { throw ScaffoldError.exists(existing.path) }
        for (url, file) in zip(urls, files) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
        }
        return urls
    }

    var moduleSource: String {
        """
        import GEPCore

        /// \(id): one line saying what the service is and why it has value.
        ///
        /// Physical model: the formula, each variable with its unit.
        /// Value: the valuation formula and the price it uses.
        /// Sources: the document and section, or the paper and its DOI.
        public struct \(typeName): EcosystemService {
            public let id: ServiceID = "\(id)"
            public let name = "\(id.replacingOccurrences(of: "-", with: " "))"
            public let localName = "\(id)"
            public let category = ServiceCategory.regulating
            public let physicalUnit = "t"
            public let methods = [ServiceMethod(
                id: "default",
                formula: "Q = A · r (A area, r amount per area); V = Q · p",
                source: "state the document and section here",
                inputs: [InputRequirement("\(id)-rate", "amount per area r", dimension: ArealMass.self, scope: .perEcosystemType)],
                prices: [PriceRequirement("\(id)-price", "price per t", per: Mass.self)]
            )]

            public init() {}

            public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
                var total = Quantity<Mass>.zero
                for type in unit.ecosystemTypes {
                    total += try inputs.quantity("\(id)-rate", ArealMass.self, for: type) * unit.area(of: type)
                }
                let line = ValuedLine(id: "amount", label: name, quantity: total,
                                      price: try prices.unitPrice("\(id)-price", Mass.self), priceKey: "\(id)-price")
                return result(for: unit, method: method, physical: PhysicalAmount(total, in: .tonne), lines: [line])
            }
        }

        """
    }

    var testSource: String {
        """
        import GEPCore
        import Testing
        @testable import \(target)

        @Suite("\(id)")
        struct \(typeName)Tests {
            /// Replace with a worked example: inputs, the arithmetic by hand in this comment, and the expected values.
            @Test func workedExample() throws {
                Issue.record("\(typeName) has no worked example yet: write one from its formula and a published table")
            }
        }

        """
    }
}

/// A scaffold that cannot be written.
public enum ScaffoldError: Error, Equatable, CustomStringConvertible {
    case badName(String)
    case missingTarget(String)
    case exists(String)

    public var description: String {
        switch self {
        case let .badName(name): return "\"\(name)\" is not a service id: use lower-case words joined by hyphens, like reindeer-pasture"
        case let .missingTarget(target): return "there is no Sources/\(target) folder; pass --target with an existing source target"
        case let .exists(path): return "\(path) exists already; choose another name"
        }
    }
}
