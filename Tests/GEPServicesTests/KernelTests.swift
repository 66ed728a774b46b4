import Foundation
import GEPCore
import GEPServices
import Testing

/// Each service kernel called directly with typed quantities, as a per-pixel driver calls it: hand-worked values
/// (worked in the comments; the RWEQ and lake figures recomputed with Python's math module from the published
/// equations), and every domain rule, rejection or zero with a warning.
@Suite("Service kernels with typed inputs")
struct KernelTests {
    let squareKilometre = Quantity<Area>(1, .squareKilometre)
    let hundredHectares = Quantity<Area>(100, .hectare)

    /// P = 500 mm, α = 0.1 so R = 50 mm, ET = 380 mm: 70 mm kept over 2 km² = 0.07 m × 2·10⁶ m² = 140 000 m³.
    /// A measured R of 50 mm gives the same.
    @Test func waterConservation() throws {
        let p = Quantity<Length>(500, .millimetre), et = Quantity<Length>(380, .millimetre)
        let derived = try WaterConservationKernel.retained(precipitation: p, stormRunoff: .coefficient(0.1), evapotranspiration: et,
                                                           area: 2 * squareKilometre, inflowFed: false)
        #expect(abs(derived.value.value(in: .cubicMetre) - 140_000) < 1e-6)
        #expect(derived.warning == nil)
        let measured = try WaterConservationKernel.retained(precipitation: p, stormRunoff: .depth(Quantity(50, .millimetre)),
                                                            evapotranspiration: et, area: 2 * squareKilometre, inflowFed: false)
        #expect(abs(measured.value.value(in: .cubicMetre) - 140_000) < 1e-6)
    }

    /// Runoff above precipitation is rejected on any type; ET above P − R is rejected on land and is zero with a
    /// warning on an inflow-fed lake.
    @Test func waterConservationDomainRules() throws {
        let p = Quantity<Length>(500, .millimetre)
        #expect(throws: KernelRejection(input: "storm-runoff", value: 600, expected: "at most the precipitation, 500 mm")) {
            try WaterConservationKernel.retained(precipitation: p, stormRunoff: .depth(Quantity(600, .millimetre)),
                                                 evapotranspiration: .zero, area: squareKilometre, inflowFed: true)
        }
        let et = Quantity<Length>(900, .millimetre)
        #expect(throws: KernelRejection(input: "evapotranspiration", value: 900, expected: "at most P − R = 450 mm on land")) {
            try WaterConservationKernel.retained(precipitation: p, stormRunoff: .coefficient(0.1), evapotranspiration: et,
                                                 area: squareKilometre, inflowFed: false)
        }
        let lake = try WaterConservationKernel.retained(precipitation: p, stormRunoff: .coefficient(0.1), evapotranspiration: et,
                                                        area: squareKilometre, inflowFed: true)
        #expect(lake.value == .zero)
        #expect(lake.warning == "ET 900 mm exceeds P − R = 450 mm (inflow-fed evaporation); counted as zero water conservation")
    }

    /// 100 ha: NEP 2 t C/ha gives 200 t C; NPP 4 − Rh 2.5 gives 150 t C; the gain method with ΔV 5 m³/ha,
    /// D 0.5 t/m³, BEF 1.3, R 0.25, CF 0.5 gives 500 m³ × 0.5 × 1.3 × 1.25 × 0.5 = 203.125 t C.
    @Test func carbonFixation() {
        let tPerHa = { (value: Double) in Quantity<ArealMass>(value, .tonnePerHectare) }
        #expect(abs(CarbonFixationKernel.carbon(area: hundredHectares, nep: tPerHa(2)).value(in: .tonne) - 200) < 1e-9)
        #expect(abs(CarbonFixationKernel.carbon(area: hundredHectares, npp: tPerHa(4), heterotrophicRespiration: tPerHa(2.5))
            .value(in: .tonne) - 150) < 1e-9)
        let stock = CarbonFixationKernel.StockIncrement(
            volumeIncrement: Quantity(5, .cubicMetrePerHectare), woodDensity: Quantity(0.5, .tonnePerCubicMetre),
            biomassExpansionFactor: 1.3, rootShootRatio: 0.25, carbonFraction: 0.5)
        #expect(abs(CarbonFixationKernel.carbon(area: hundredHectares, stock: stock).value(in: .tonne) - 203.125) < 1e-9)
        #expect(CarbonFixationKernel.sourceWarning(Quantity(-3, .tonne)) == "is a net carbon source (-3 t C)")
        #expect(CarbonFixationKernel.sourceWarning(Quantity(3, .tonne)) == nil)
        #expect(abs(Stoichiometry.co2PerCarbon * 12 - 44) < 1e-12 && abs(Stoichiometry.oxygenPerCarbon * 12 - 32) < 1e-12)
    }

    /// 8.8 t/km² over 100 km² is 880 t taken up; 500 t emitted caps it (with a warning), 1000 t does not, and no
    /// emission figure leaves it as it is.
    @Test func pollutantRemoval() {
        let uptake = PollutantRemovalKernel.uptake(area: 100 * squareKilometre, rate: Quantity(8.8, .tonnePerSquareKilometre))
        #expect(abs(uptake.value(in: .tonne) - 880) < 1e-9)
        let capped = PollutantRemovalKernel.removed(uptake: uptake, emitted: Quantity(500, .tonne))
        #expect(capped.value == Quantity(500, .tonne))
        #expect(capped.warning == "uptake 880 t capped at the 500 t emitted")
        #expect(PollutantRemovalKernel.removed(uptake: uptake, emitted: Quantity(1000, .tonne)) == KernelOutput(uptake))
        #expect(PollutantRemovalKernel.removed(uptake: uptake, emitted: nil) == KernelOutput(uptake))
    }

    /// Lake: e^6.636 · 100^0.678 · 1 (10⁴ m³) = 172 972 945.887 m³ (Python); reservoir 10⁸ m³ × 0.35 = 3.5·10⁷ m³;
    /// marsh 0.3 m × 2 km² = 6·10⁵ m³.
    @Test func floodRegulation() {
        let lake = FloodRegulationKernel.lakeStorage(area: 100 * squareKilometre, coefficient: 6.636, exponent: 0.678, turnover: 1)
        #expect(abs(lake.value(in: .cubicMetre) / 172_972_945.88684255 - 1) < 1e-12)
        #expect(FloodRegulationKernel.reservoirStorage(totalStorage: Quantity(1e8, .cubicMetre), floodShare: 0.35).value(in: .cubicMetre) == 3.5e7)
        #expect(abs(FloodRegulationKernel.marshStorage(retentionDepth: Quantity(0.3, .metre), area: 2 * squareKilometre)
            .value(in: .cubicMetre) - 6e5) < 1e-6)
    }

    /// Transpiration: 100 kJ/(m²·d) over 10⁶ m² for 90 days is 9·10⁹ kJ = 2.5·10⁶ kWh, over r = 3 is 833 333.3 kWh.
    /// Evaporation: 500 mm over 1 km² is 5·10⁵ m³; 5·10⁵ × 1000 × 2450 kJ / 3600 = 340 277 777.8 kWh of latent heat
    /// plus 30 kWh/m³ × 5·10⁵ m³ = 1.5·10⁷ kWh: 355 277 777.8 kWh.
    @Test func climateRegulation() {
        let cooling = ClimateRegulationKernel.transpirationCooling(
            heat: Quantity(100, ArealEnergyRate.units[0]), area: squareKilometre, days: Quantity(90, .day), efficiency: 3)
        #expect(abs(cooling.value(in: .kilowattHour) - 2.5e6 / 3) < 1e-6)
        let evaporation = ClimateRegulationKernel.evaporationCooling(depth: Quantity(500, .millimetre), area: squareKilometre,
                                                                     humidifier: Quantity(30, .kilowattHourPerCubicMetre))
        #expect(abs(evaporation.value(in: .kilowattHour) / 355_277_777.7777778 - 1) < 1e-12)
    }

    /// R 1000, K 0.03, LS 2: potential loss 60 t/ha; C·P = 0.1, so 54 t/ha kept, 5400 t on 100 ha. Of it, λ = 0.24 at
    /// ρ = 1.2 t/m³ is 1080 m³ of siltation; 0.1 % N is 5.4 t; 0.05 % P is 2.7 t.
    @Test func soilRetention() {
        let factors = SoilRetentionKernel.Factors(erosivity: Quantity(1000, RainfallErosivity.units[0]),
                                                  erodibility: Quantity(0.03, SoilErodibility.units[0]),
                                                  slopeLengthSteepness: 2, coverManagement: 0.1, supportPractice: 1)
        let soil = SoilRetentionKernel.soilRetained(factors, area: hundredHectares)
        #expect(abs(soil.value(in: .tonne) - 5400) < 1e-9)
        let avoided = SoilRetentionKernel.avoidedLosses(soil: soil, depositionRatio: 0.24, bulkDensity: Quantity(1.2, .tonnePerCubicMetre),
                                                        nitrogenContent: 0.001, phosphorusContent: 0.0005)
        #expect(abs(avoided.siltation.value(in: .cubicMetre) - 1080) < 1e-9)
        #expect(abs(avoided.nitrogen.value(in: .tonne) - 5.4) < 1e-12 && abs(avoided.phosphorus.value(in: .tonne) - 2.7) < 1e-12)
    }

    /// Sand 60 %, silt 20 %, clay 20 %, OM 1 %, no CaCO₃: EF = (29.09 + 18.6 + 3.4 + 0.99 − 2.59)/100 = 0.4949 and
    /// SCF = 1/(1 + 2.64 + 0.021) = 0.273149; with WF = 100 kg/m and K′ = 0.5, X = 6.759082 (Python). Grassland at
    /// 60 % cover with a = −0.1151 keeps SL(X) − SL(X·e^(−6.906)) = 8.565019 kg/m² at z = 50 m (Python), 8565.02 t
    /// on 1 km²; 1280 t of sand at 1.28 t/m³ and 0.1 m would cover 10 000 m².
    @Test func windSandFixation() throws {
        let soil = WindSandFixationKernel.Soil(sand: 0.6, silt: 0.2, clay: 0.2, organicMatter: 0.01, calciumCarbonate: 0)
        let bare = try WindSandFixationKernel.bareSoilFactor(weather: Quantity(100, .kilogramPerMetre), soil: soil, terrainRoughness: 0.5)
        #expect(abs(bare / 6.759082217973231 - 1) < 1e-12)
        let kept = WindSandFixationKernel.soilRetained(bareSoilFactor: bare, cover: 0.6, coefficient: -0.1151,
                                                       distance: Quantity(50, .metre), area: squareKilometre)
        #expect(abs(kept.value.value(in: .tonne) / 8565.018605382533 - 1) < 1e-12)
        #expect(kept.warning == nil)
        let land = WindSandFixationKernel.landKeptFromDesertification(sand: Quantity(1280, .tonne), bulkDensity: Quantity(1.28, .tonnePerCubicMetre),
                                                                      coverDepth: Quantity(0.1, .metre))
        #expect(abs(land.value(in: .squareMetre) - 10_000) < 1e-9)
    }

    /// A texture with almost no clay makes 0.33·sa/cl explode, so EF > 1: rejected, naming soil-sand. Bare soil
    /// (cover 0) keeps nothing, and a = 0 (no vegetation effect) keeps nothing either.
    @Test func windSandFixationDomainRules() throws {
        let sandy = WindSandFixationKernel.Soil(sand: 0.99, silt: 0, clay: 1e-6, organicMatter: 0, calciumCarbonate: 0)
        let rejection = #expect(throws: KernelRejection.self) {
            try WindSandFixationKernel.bareSoilFactor(weather: Quantity(100, .kilogramPerMetre), soil: sandy, terrainRoughness: 1)
        }
        #expect(rejection?.input == "soil-sand" && (rejection?.value ?? 0) > 1)
        for (cover, coefficient) in [(0.0, -0.1), (0.8, 0.0)] {
            let kept = WindSandFixationKernel.soilRetained(bareSoilFactor: 5, cover: cover, coefficient: coefficient,
                                                           distance: Quantity(50, .metre), area: squareKilometre)
            #expect(kept.value == .zero && kept.warning == nil)
        }
    }

    /// 10⁸ 元 of 2022 revenue at an ecosystem share of 0.4 is 4·10⁷ 元 at 2022 prices.
    @Test func culturalTourism() {
        let attributable = CulturalTourismKernel.attributableRevenue(Money(1, .hundredMillionYuan, priceYear: 2022), ecosystemShare: 0.4)
        #expect(attributable == Money(4e7, priceYear: 2022))
    }
}
