import GEPRasterCommandLine
import GEPServices

// `gep-raster`, started by `gep raster`: the raster command with the built-in service modules.
RasterCommand.main(registry: BuiltInServices.registry())
