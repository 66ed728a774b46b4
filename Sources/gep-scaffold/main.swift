import Foundation
import GEPScaffold

// gep-scaffold PACKAGE-DIRECTORY TARGET SERVICE-ID: the tool behind the new-service-module plugin.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: gep-scaffold PACKAGE-DIRECTORY TARGET SERVICE-ID\n".utf8))
    exit(2)
}
let values = Array(arguments)
do {
    let scaffold = try ServiceScaffold(id: values[2], target: values[1])
    for url in try scaffold.write(into: URL(fileURLWithPath: values[0])) { print("wrote \(url.path)") }
} catch {
    FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
    exit(1)
}
