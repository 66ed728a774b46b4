import GEPCommandLine
import GEPServices
import ReindeerPasture

// gep with the reindeer-pasture module registered beside the built-ins.
var registry = BuiltInServices.registry()
do {
    try registry.register(ReindeerPasture())
} catch {
    fatalError("cannot register reindeer-pasture: \(error)")
}
GEPCommand.main(registry: registry)
