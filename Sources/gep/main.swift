import GEPCommandLine
import GEPServices

// `gep` with the built-in service modules; see GEPCommand.main(registry:) to add others.
GEPCommand.main(registry: BuiltInServices.registry())
