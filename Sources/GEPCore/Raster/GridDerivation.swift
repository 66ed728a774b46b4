/// An input a raster model computes per pixel from other rasters before its services run: soil erodibility K from
/// soil texture, the RWEQ weather factor from monthly climate series, the RUSLE LS factor from a DEM. The services
/// then read the result as they read any input grid, so no service has raster-specific code.
///
/// A derivation is pure: it maps its operands' values to the output's, and never reads a file. The raster driver
/// reads the operands (block by block for ``GridDerivationReach/pixel`` derivations, the whole grid for
/// ``GridDerivationReach/wholeGrid`` ones),
/// converts each to the unit its ``GridOperand`` asks for, and hands them over.
public protocol GridDerivation: Sendable {
    /// The name a model file uses: `derive: epic-erodibility`. Lower-case words joined by hyphens.
    var id: String { get }
    /// The input the derivation gives, as services name it ("soil-erodibility").
    var output: String { get }
    /// The unit of the values it returns.
    var outputUnit: String { get }
    /// The formula in one line, for reports and `gep services`.
    var formula: String { get }
    /// Where the formula comes from.
    var source: String { get }
    /// What it reads, in the order ``derive(_:)`` receives them.
    var operands: [GridOperand] { get }
    /// Whether a pixel's value depends on its own operands only, or on its neighbours' too.
    var reach: GridDerivationReach { get }

    /// The output for every pixel of `input`, in ``outputUnit``.
    ///
    /// - Throws: ``DerivationRejection`` naming the pixel and the operand when a pixel's values are impossible
    ///   together (a texture whose fractions sum above 100 %).
    func derive(_ input: GridDerivationInput) throws(DerivationRejection) -> [Double]
}

/// Whether a derivation can run block by block.
public enum GridDerivationReach: Sendable, Equatable {
    /// Each pixel from its own values: computed block by block, in bounded memory.
    case pixel
    /// Each pixel from the whole grid (flow accumulation over a DEM): computed once over the whole grid, with
    /// memory proportional to the grid, before the blocks run.
    case wholeGrid
}

/// One operand of a derivation: a name the model file uses, the unit its values are converted to, and how many
/// periods it has (12 for a monthly series).
public struct GridOperand: Sendable, Equatable {
    public let name: String
    public let description: String
    /// The unit the derivation reads the values in. When GEPKit knows the unit's dimension a model file may give
    /// any unit of it ("cm" for "m"); otherwise (°C, m/s, days) it must give exactly this one.
    public let unit: String
    /// 1 for a single grid or value, 12 for a monthly series (January first).
    public let periods: Int
    /// The value used when the model file gives none; nil when the operand is required.
    public let defaultValue: Double?

    public init(_ name: String, _ description: String, unit: String, periods: Int = 1, defaultValue: Double? = nil) {
        self.name = name
        self.description = description
        self.unit = unit
        self.periods = periods
        self.defaultValue = defaultValue
    }
}

/// The values a derivation reads: for each operand (in ``GridDerivation/operands`` order) one array per period, each
/// with one value per pixel in the operand's unit, row by row over a `width` × `height` window.
public struct GridDerivationInput: Sendable {
    public let operands: [[[Double]]]
    public let width: Int
    public let height: Int
    /// The pixel's size on the ground, in metres (x, then y), for derivations that measure slopes and lengths.
    public let pixelSize: (x: Double, y: Double)
    /// The year the values are for, for day counts of monthly series.
    public let year: Int
    /// Pixels outside the data (nodata in any operand): a derivation may return any value for them (the driver
    /// skips them) but must not reject them, and a whole-grid one treats them as the grid's edge.
    public let missing: [Bool]

    public init(operands: [[[Double]]], width: Int, height: Int, pixelSize: (x: Double, y: Double), year: Int, missing: [Bool]) {
        self.operands = operands
        self.width = width
        self.height = height
        self.pixelSize = pixelSize
        self.year = year
        self.missing = missing
    }

    public var pixelCount: Int { width * height }

    /// The values of operand `operand`'s first (or only) period.
    public subscript(operand: Int) -> [Double] { operands[operand][0] }
}

/// A pixel whose operands a derivation refuses: the pixel's index in the input, and what was wrong.
public struct DerivationRejection: Error, Sendable, Equatable {
    public let pixel: Int
    public let rejection: KernelRejection

    public init(pixel: Int, _ rejection: KernelRejection) {
        self.pixel = pixel
        self.rejection = rejection
    }
}
