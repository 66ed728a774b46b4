/// One input across the cells of a batch: a single value when the cells share it, or one value per cell.
public struct BatchColumn<Value: Sendable>: Sendable {
    @usableFromInline let shared: Value?
    @usableFromInline let values: [Value]

    /// The same value in every cell.
    public init(shared value: Value) {
        shared = value
        values = []
    }

    /// One value per cell.
    public init(values: [Value]) {
        shared = nil
        self.values = values
    }

    /// The value in `cell`; inlinable, so that kernels' loops in other modules are specialised for the value type.
    @inlinable
    public subscript(cell: Int) -> Value { shared ?? values[cell] }

    /// Each value transformed; a shared value is transformed once.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> BatchColumn<T> {
        if let shared { return BatchColumn<T>(shared: try transform(shared)) }
        return BatchColumn<T>(values: try values.map(transform))
    }
}

/// Typed access to the inputs of one service over a ``CellBatch``, after the batch's requirements were checked:
/// an input the cells share is read and converted once, an input each cell overrides once per cell (and once for
/// all ecosystem types when every cell gives it as a single value). Errors name the input, the service and the
/// unit, as ``InputReader``'s do.
///
/// A reader belongs to one assessment on one thread: it remembers the columns it has built.
///
/// The column readers are inlinable, so that the loop scaling a raster's pixels into typed values is specialised in
/// the service's module; unspecialised, it went through generic witnesses for every pixel (a sixth of a water-yield
/// run).
public struct BatchReader {
    public let batch: CellBatch
    /// The service reading, for messages.
    public let service: String
    private let memo = Memo()

    public init(_ batch: CellBatch, service: String) {
        self.batch = batch
        self.service = service
    }

    /// Columns of overridden single values already built, by input and value type.
    private final class Memo {
        struct Key: Hashable {
            let input: String
            let value: ObjectIdentifier
        }
        var columns: [Key: Any] = [:]
    }

    /// Whether the input is present (in every cell: a batch's cells have the same inputs).
    public func has<D>(_ key: InputKey<D>) -> Bool { batch.has(key.name) }

    /// A single-valued input in every cell.
    ///
    /// - Throws: the errors of ``InputReader/quantity(_:_:)``.
    @inlinable
    public func column<D>(_ key: InputKey<D>) throws -> BatchColumn<Quantity<D>> {
        try column(key.name) { try $0.quantity(key) }
    }

    /// An input for one ecosystem type in every cell; a single value applies to every type.
    ///
    /// - Throws: the errors of ``InputReader/quantity(_:_:for:)``.
    @inlinable
    public func column<D>(_ key: InputKey<D>, for type: EcosystemType) throws -> BatchColumn<Quantity<D>> {
        if let column = try singleValuedOverride(key.name, { try $0.quantity(key) }) { return column }
        return try column(key.name) { try $0.quantity(key, for: type) }
    }

    /// A single dimensionless input in every cell, as plain numbers.
    @inlinable
    public func ratios(_ key: InputKey<Ratio>) throws -> BatchColumn<Double> { try column(key.name) { try $0.ratio(key) } }

    /// A dimensionless input for one ecosystem type in every cell, as plain numbers.
    @inlinable
    public func ratios(_ key: InputKey<Ratio>, for type: EcosystemType) throws -> BatchColumn<Double> {
        if let column = try singleValuedOverride(key.name, { try $0.ratio(key) }) { return column }
        return try column(key.name) { try $0.ratio(key, for: type) }
    }

    /// For an input every cell overrides with a single value, the column (the same for every ecosystem type), built
    /// once; nil for a shared input or one given by type in some cell.
    @usableFromInline
    func singleValuedOverride<T: LinearValue>(_ key: String, _ read: (InputReader) throws -> T) throws -> BatchColumn<T>? {
        guard batch.overriddenKeys.contains(key) else { return nil }
        let memoKey = Memo.Key(input: key, value: ObjectIdentifier(T.self))
        if let column = memo.columns[memoKey] as? BatchColumn<T> { return column }
        guard batch.overrides.allSatisfy({ if case .single = $0[key]?.value { true } else { false } }) else { return nil }
        let column = try self.column(key, read)
        memo.columns[memoKey] = column
        return column
    }

    /// Turns a kernel's rejection in `cell` into an input error naming the service, the cell's unit and the type.
    public func error(_ rejection: KernelRejection, cell: Int, for type: EcosystemType? = nil) -> InputError {
        InputReader(inputs: batch.inputs(cell: cell), service: service, unit: batch.unit(cell: cell)).error(rejection, for: type)
    }


    /// The input read once through the first cell's reader when the cells share it, or through each cell's own
    /// inputs when they override it, so that values, conversions and messages are exactly those of ``InputReader``.
    @inlinable
    func column<T: LinearValue>(_ key: String, _ read: (InputReader) throws -> T) throws -> BatchColumn<T> {
        if let column = batch.columns[key] { return try numbers(column, read) }
        return try fromInputs(key, read)
    }

    /// ``column(_:_:)`` for an input given as values rather than as a numeric column.
    @usableFromInline
    func fromInputs<T: LinearValue>(_ key: String, _ read: (InputReader) throws -> T) throws -> BatchColumn<T> {
        guard batch.overriddenKeys.contains(key) else {
            return BatchColumn(shared: try read(InputReader(inputs: batch.shared, service: service, unit: batch.unit(cell: 0))))
        }
        return BatchColumn(values: try (0..<batch.count).map { cell in
            try read(InputReader(inputs: batch.overrides[cell], service: service, unit: batch.unit(cell: cell)))
        })
    }

    /// A numeric column converted with one read of its unit: the first cell goes through ``InputReader`` (which
    /// checks the dimension and gives its errors), the rest scale by the factor that read found. Units are linear,
    /// so a value's conversion is the value times the unit's conversion of 1.
    @inlinable
    func numbers<T: LinearValue>(_ column: CellColumn, _ read: (InputReader) throws -> T) throws -> BatchColumn<T> {
        let unitValue = try unitReading(column, read)
        return BatchColumn(values: column.values.map { unitValue.scaled(by: $0) })
    }

    /// The reading of 1 in the column's unit, with ``InputReader``'s checks and errors.
    @usableFromInline
    func unitReading<T: LinearValue>(_ column: CellColumn, _ read: (InputReader) throws -> T) throws -> T {
        let one = Inputs([Input(column.key, .single(column.unit), provenance: column.provenance)])
        return try read(InputReader(inputs: one, service: service, unit: batch.unit(cell: 0)))
    }
}

/// A value read from an input that scales with it: a quantity in its base unit, or a plain ratio.
@usableFromInline
protocol LinearValue {
    /// This value (the reading of 1 in the input's unit) times `factor`.
    func scaled(by factor: Double) -> Self
}

extension Quantity: LinearValue {
    @inlinable
    func scaled(by factor: Double) -> Quantity { Quantity(baseValue: baseValue * factor) }
}

extension Double: LinearValue {
    @inlinable
    func scaled(by factor: Double) -> Double { self * factor }
}
