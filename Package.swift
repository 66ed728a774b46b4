// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "GEPKit",
    products: [
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "GEPCore", targets: ["GEPCore"]),
        .library(name: "GEPServices", targets: ["GEPServices"]),
        .library(name: "GEPModelFiles", targets: ["GEPModelFiles"]),
        .library(name: "Compensation", targets: ["Compensation"]),
        .library(name: "Accounts", targets: ["Accounts"]),
        .library(name: "GEPReport", targets: ["GEPReport"]),
        .library(name: "GEPSpreadsheet", targets: ["GEPSpreadsheet"]),
        .library(name: "GEPCommandLine", targets: ["GEPCommandLine"]),
        .library(name: "GEPServiceTesting", targets: ["GEPServiceTesting"]),
        .library(name: "GEPRaster", targets: ["GEPRaster"]),
        .library(name: "GEPRasterFixtures", targets: ["GEPRasterFixtures"]),
        .executable(name: "gep", targets: ["gep"]),
        .executable(name: "gep-raster", targets: ["gep-raster"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLapack"]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "GEPSpreadsheet", dependencies: ["CXlsxWriter", "GEPReport"]),
        .target(name: "GEPRaster", dependencies: ["CGDAL", "GEPCore"]),
        .target(name: "GEPCore", dependencies: ["LinearAlgebra"]),
        .target(name: "GEPServices", dependencies: ["GEPCore"]),
        .target(name: "Accounts", dependencies: ["GEPCore"]),
        .target(name: "GEPModelFiles", dependencies: ["GEPCore", "Compensation", "Accounts", .product(name: "Yams", package: "Yams")]),
        .target(name: "Compensation", dependencies: ["GEPCore", "LinearAlgebra"]),
        .target(name: "GEPReport", dependencies: ["GEPCore", "Compensation", "Accounts"]),
        .target(
            name: "GEPCommandLine",
            dependencies: [
                "GEPCore",
                "GEPServices",
                "Compensation",
                "Accounts",
                "GEPModelFiles",
                "GEPReport",
                "GEPSpreadsheet",
                "GEPStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "CLibCrypto",
            ]
        ),
        .executableTarget(name: "gep", dependencies: ["GEPCommandLine", "GEPServices"]),
        .target(
            name: "GEPRasterCommandLine",
            dependencies: ["GEPCommandLine", "GEPRaster", "GEPModelFiles", "GEPReport", "GEPServices", "Accounts",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "gep-raster", dependencies: ["GEPRasterCommandLine", "GEPServices"]),
        .target(name: "GEPRasterFixtures", dependencies: ["GEPRaster"]),
        .executableTarget(name: "gep-raster-fixture", dependencies: ["GEPRasterFixtures"]),
        .target(name: "GEPServiceTesting", dependencies: ["GEPCore"]),
        .target(name: "GEPStore", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "GEPScaffold"),
        .target(name: "GEPFuzz", dependencies: ["GEPCore", "GEPModelFiles", "GEPReport", "Compensation", "Accounts"]),
        .executableTarget(name: "gep-fuzz", dependencies: ["GEPFuzz", "GEPServices"]),
        .executableTarget(
            name: "gep-bench",
            dependencies: ["GEPCore", "GEPServices", "GEPModelFiles", "GEPReport", "Compensation", "LinearAlgebra", "GEPRaster",
                           "GEPRasterFixtures"],
            path: "Benchmarks/gep-bench"
        ),
        .executableTarget(name: "gep-scaffold", dependencies: ["GEPScaffold"]),
        .plugin(
            name: "NewServiceModule",
            capability: .command(
                intent: .custom(verb: "new-service-module", description: "Write a new service module and its test skeleton"),
                permissions: [.writeToPackageDirectory(reason: "The plugin writes the new module's source and test files")]
            ),
            dependencies: ["gep-scaffold"]
        ),
        .plugin(
            name: "ValidateModels",
            capability: .command(intent: .custom(verb: "validate-models", description: "Run gep validate on every file under models/")),
            dependencies: ["gep"]
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(
            name: "GEPCoreTests",
            dependencies: [
                "GEPCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "GEPServicesTests", dependencies: ["GEPServices", "GEPServiceTesting"]),
        .testTarget(name: "GEPModelFilesTests", dependencies: ["GEPModelFiles", "GEPServices"]),
        .testTarget(
            name: "CompensationTests",
            dependencies: ["Compensation", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "GEPReportTests", dependencies: ["GEPReport"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts", "GEPServices", "GEPModelFiles"]),
        .testTarget(name: "GEPRasterTests", dependencies: ["GEPRaster", "GEPServices", "GEPModelFiles"]),
        .testTarget(name: "GEPScaffoldTests", dependencies: ["GEPScaffold"]),
        .testTarget(name: "GEPFuzzTests", dependencies: ["GEPFuzz", "GEPServices"]),
        .testTarget(name: "GEPStoreTests", dependencies: ["GEPStore"]),
        .testTarget(name: "GEPCLITests", dependencies: ["gep", "gep-raster", "GEPReport", "GEPCommandLine", "GEPRaster", "GEPRasterFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
