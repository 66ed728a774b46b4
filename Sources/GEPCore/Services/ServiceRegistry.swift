/// The services an account can run, by id: the built-ins, modules from other packages, declarative modules; and
/// the grid derivations raster models may name (``GridDerivation``).
///
/// A value type: build one, register what you need, pass it on. Two modules (or two derivations) may not share an
/// id, so a plug-in can never silently replace a built-in.
public struct ServiceRegistry: Sendable {
    private var byID: [ServiceID: any EcosystemService] = [:]
    private var order: [ServiceID] = []
    private var derivationsByID: [String: any GridDerivation] = [:]
    /// The derivations in registration order.
    public private(set) var derivations: [any GridDerivation] = []

    /// An empty registry.
    public init() {}

    /// A registry holding `services`, in order.
    ///
    /// - Throws: ``RegistryError/duplicateID(_:)`` when two share an id.
    public init(_ services: [any EcosystemService]) throws {
        for service in services { try register(service) }
    }

    /// Adds a service.
    ///
    /// - Throws: ``RegistryError/duplicateID(_:)`` when the id is taken; ``RegistryError/malformedID(_:)`` when
    ///   the id is not lower-case words joined by hyphens.
    public mutating func register(_ service: any EcosystemService) throws {
        guard service.id.isWellFormed else { throw RegistryError.malformedID(service.id.rawValue) }
        guard byID[service.id] == nil else { throw RegistryError.duplicateID(service.id.rawValue) }
        byID[service.id] = service
        order.append(service.id)
    }

    /// This registry with `services` added (a model's declarative services beside the built-ins).
    ///
    /// - Throws: the errors of ``register(_:)``.
    public func adding(_ services: [any EcosystemService]) throws -> ServiceRegistry {
        var extended = self
        for service in services { try extended.register(service) }
        return extended
    }

    /// Adds a grid derivation.
    ///
    /// - Throws: ``RegistryError/duplicateDerivation(_:)`` when the id is taken; ``RegistryError/malformedID(_:)``
    ///   when the id is not lower-case words joined by hyphens.
    public mutating func register(derivation: any GridDerivation) throws {
        guard ServiceID(derivation.id).isWellFormed else { throw RegistryError.malformedID(derivation.id) }
        guard derivationsByID[derivation.id] == nil else { throw RegistryError.duplicateDerivation(derivation.id) }
        derivationsByID[derivation.id] = derivation
        derivations.append(derivation)
    }

    /// The derivation with `id`, or nil.
    public func derivation(_ id: String) -> (any GridDerivation)? { derivationsByID[id] }

    /// The services in registration order.
    public var services: [any EcosystemService] { order.map { byID[$0]! } }

    /// The service with `id`.
    ///
    /// - Throws: ``RegistryError/unknownService(_:known:)`` listing the known ids.
    public func service(_ id: ServiceID) throws -> any EcosystemService {
        guard let service = byID[id] else { throw RegistryError.unknownService(id.rawValue, known: order.map(\.rawValue)) }
        return service
    }
}

/// A registry that cannot do what was asked.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateID(String)
    case duplicateDerivation(String)
    case malformedID(String)
    case unknownService(String, known: [String])

    public var description: String {
        switch self {
        case let .duplicateID(id):
            return "two service modules have the id \"\(id)\"; each id may be registered once"
        case let .duplicateDerivation(id):
            return "two grid derivations have the id \"\(id)\"; each id may be registered once"
        case let .malformedID(id):
            return "id \"\(id)\" is malformed; expected lower-case words joined by hyphens, like \"water-conservation\""
        case let .unknownService(id, known):
            let list = known.isEmpty ? "none are registered" : "known: \(known.joined(separator: ", "))"
            return "unknown service \"\(id)\"; \(list)"
        }
    }
}
