import Foundation

/// Writes the starting files of a new service module: a pure kernel holding the formula and a Swift type conforming
/// to `EcosystemService` that adapts it, with one method to fill in, and a test file whose worked-example test fails
/// until the author writes one.
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

        /// \(id) for one ecosystem type or one pixel: one line saying what the service is and why it has value.
        ///
        /// Formula (as `gep services show` prints it): Q = Σᵢ Aᵢ·rᵢ (A area, r amount per area); V = Q·p
        ///
        /// - Aᵢ: area of type i; rᵢ: amount per area (t/ha, ...); p: price per t. State each variable with its unit.
        ///
        /// Domain rules: say which input combinations are impossible (throw a `KernelRejection` naming the input) and
        /// which results count as zero with a warning (return a `KernelOutput` with its warning).
        ///
        /// Sources: the document and section, or the paper and its DOI.
        public enum \(typeName)Kernel {
            /// The formula as `gep services show` prints it; the doc comment above holds the same text.
            public static let formula = "Q = Σᵢ Aᵢ·rᵢ (A area, r amount per area); V = Q·p"

            /// Aᵢ·rᵢ: what one ecosystem type (or pixel) of `area` provides. Pure: a raster driver calls it per pixel.
            public static func amount(area: Quantity<Area>, rate: Quantity<ArealMass>) -> Quantity<Mass> {
                rate * area
            }
        }

        /// \(id): reads the inputs of each ecosystem type, calls ``\(typeName)Kernel`` and values the result. The
        /// formula and its sources are documented once, on the kernel.
        public struct \(typeName): EcosystemService {
            /// The inputs and prices, each named once with its dimension.
            public enum Keys {
                public static let rate = InputKey<ArealMass>("\(id)-rate")
                public static let price = PriceKey<Mass>("\(id)-price")
            }

            public let id: ServiceID = "\(id)"
            public let name = "\(id.replacingOccurrences(of: "-", with: " "))"
            public let localName = "\(id)"
            public let category = ServiceCategory.regulating
            public let physicalUnit = "t"
            public let methods = [ServiceMethod(
                id: "default",
                formula: \(typeName)Kernel.formula,
                source: "state the document and section here",
                inputs: [InputRequirement(Keys.rate, "amount per area r", scope: .perEcosystemType)],
                prices: [PriceRequirement(Keys.price, "price per t")]
            )]

            public init() {}

            public func assess(_ unit: AccountingUnit, method: ServiceMethod, inputs: InputReader, prices: PriceBook) throws -> ServiceResult {
                var total = Quantity<Mass>.zero
                for type in unit.ecosystemTypes {
                    total += \(typeName)Kernel.amount(area: unit.area(of: type), rate: try inputs.quantity(Keys.rate, for: type))
                }
                let line = ValuedLine(id: "amount", label: name, quantity: total,
                                      price: try prices.unitPrice(Keys.price), priceKey: Keys.price.name)
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
