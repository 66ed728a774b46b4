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
    ]

    /// A registry holding the built-in modules; add plug-ins to it with ``ServiceRegistry/register(_:)``.
    public static func registry() -> ServiceRegistry {
        do { return try ServiceRegistry(all) } catch {
            preconditionFailure("built-in services conflict: \(error)")
        }
    }
}
