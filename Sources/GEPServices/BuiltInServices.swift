import GEPCore

/// The service modules that ship with GEPKit, following the GEP technical guideline (2020).
public enum BuiltInServices {
    /// One instance of each built-in module, in the order reports list them.
    public static let all: [any EcosystemService] = [
        ProvisioningProducts(),
        WaterConservation(),
        SoilRetention(),
        WindSandFixation(),
        FloodRegulation(),
        CarbonSink(),
        OxygenRelease(),
        ClimateRegulation(),
        AirPurification(),
        WaterPurification(),
        CulturalTourism(),
        InVESTCarbon(),
        InVESTCarbonSequestration(),
        InVESTAnnualWaterYield(),
    ]

    /// The grid derivations that ship with GEPKit, for raster models (`derive:` under `grids:`).
    public static let derivations: [any GridDerivation] = [
        ErodibilityFromTexture(),
        SlopeLengthSteepnessFromDEM(),
        WeatherFactorFromMonthlySeries(),
    ]

    /// A registry holding the built-in modules and derivations; add plug-ins to it with
    /// ``ServiceRegistry/register(_:)``.
    public static func registry() -> ServiceRegistry {
        do {
            var registry = try ServiceRegistry(all)
            for derivation in derivations { try registry.register(derivation: derivation) }
            return registry
        } catch {
            preconditionFailure("built-in services conflict: \(error)")
        }
    }
}
