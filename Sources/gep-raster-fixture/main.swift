import Foundation
import GEPRasterFixtures

// gep-raster-fixture SIZE FOLDER [MODELS]: writes the generated Genhe-like raster set and its model file
// (GenheRasterFixture); MODELS is the package's models/ folder (default: ./models).
let arguments = CommandLine.arguments
guard arguments.count >= 3, let size = Int(arguments[1]), (8...20_000).contains(size) else {
    FileHandle.standardError.write(Data("usage: gep-raster-fixture SIZE FOLDER [MODELS]  (SIZE 8 to 20000 pixels a side)\n".utf8))
    exit(64)
}
let models = arguments.count > 3 ? arguments[3] : FileManager.default.currentDirectoryPath + "/models"
do {
    print(try GenheRasterFixture.write(to: arguments[2], size: size, models: URL(fileURLWithPath: models).standardizedFileURL.path))
} catch {
    FileHandle.standardError.write(Data("gep-raster-fixture: \(error)\n".utf8))
    exit(1)
}
