// swift-tools-version: 6.1
// A service module that lives outside GEPKit: it depends on GEPKit by relative path, registers its service beside
// the built-ins, and builds `gep-reindeer`, the gep command line with the new module.
import PackageDescription

let package = Package(
    name: "ReindeerPasture",
    products: [
        .library(name: "ReindeerPasture", targets: ["ReindeerPasture"]),
        .executable(name: "gep-reindeer", targets: ["gep-reindeer"]),
    ],
    dependencies: [
        .package(name: "GEPKit", path: "../.."),
    ],
    targets: [
        .target(name: "ReindeerPasture", dependencies: [.product(name: "GEPCore", package: "GEPKit")]),
        .executableTarget(
            name: "gep-reindeer",
            dependencies: [
                "ReindeerPasture",
                .product(name: "GEPCommandLine", package: "GEPKit"),
                .product(name: "GEPServices", package: "GEPKit"),
            ]
        ),
        .testTarget(
            name: "ReindeerPastureTests",
            dependencies: [
                "ReindeerPasture",
                .product(name: "GEPServiceTesting", package: "GEPKit"),
                .product(name: "GEPRaster", package: "GEPKit"),
                .product(name: "GEPRasterFixtures", package: "GEPKit"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
