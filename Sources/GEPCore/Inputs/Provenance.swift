/// Where a number comes from, so that every input of an account can be traced and listed in reports.
///
/// A value that no source gives is never invented silently: it is marked ``Status/assumed`` and must say why.
public struct Provenance: Sendable, Hashable {
    /// How much a value can be relied on.
    public enum Status: String, Sendable, CaseIterable, Codable {
        /// Observed for this place and year (a gauge, a survey, a statistical yearbook count).
        case measured
        /// Taken from a published document: a paper, a standard, a planning seed.
        case published
        /// Chosen by the modeller without a source for this place; `note` gives the reason.
        case assumed
    }

    /// The citation: "《内蒙古自治区根河市国家生态文明建设示范市规划（2023-2035）》 l.14", "GB/T 38582-2020 §6.1", a paper with its DOI.
    public let source: String
    /// The year the value refers to, when it has one.
    public let year: Int?
    /// Measured, published or assumed.
    public let status: Status
    /// Why the value was assumed, or any other remark.
    public let note: String?

    /// - Throws: ``ProvenanceError/assumedWithoutReason(source:)`` when `status` is `.assumed` and `note` is empty,
    ///   and ``ProvenanceError/missingSource`` when `source` is empty.
    public init(source: String, year: Int? = nil, status: Status, note: String? = nil) throws {
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else { throw ProvenanceError.missingSource }
        if status == .assumed, (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ProvenanceError.assumedWithoutReason(source: source)
        }
        self.source = source
        self.year = year
        self.status = status
        self.note = note
    }
}

/// Provenance that breaks the traceability rule.
public enum ProvenanceError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingSource
    case assumedWithoutReason(source: String)

    public var description: String {
        switch self {
        case .missingSource:
            return "a value has no source; give the document, standard or file it comes from"
        case let .assumedWithoutReason(source):
            return "value from \"\(source)\" is marked assumed without a reason; add a note saying why"
        }
    }
}
