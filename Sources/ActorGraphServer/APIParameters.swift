import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ActorGraphReport
import Foundation

/// Reading a request's query parameters into the library's values.
extension APIHandler {
    // MARK: parameters

    func flag(_ q: [String: String], _ key: String) -> Bool { ["1", "true", "yes"].contains(q[key]?.lowercased() ?? "") }

    /// An actor by id, name or alias (as the command line resolves names).
    func actor(_ text: String, in graph: ActorGraph) throws -> ActorID {
        if graph.actorsByID[ActorID(text)] != nil { return ActorID(text) }
        switch ActorLookup(graph).resolve(text) {
        case .found(let id): return id
        case .ambiguous(let ids): throw BadRequest(message: "'\(text)' is ambiguous: " + ids.map(\.rawValue).joined(separator: ", "))
        case .notFound: throw BadRequest(status: 404, message: "no actor '\(text)'")
        }
    }

    /// The relation filter of `types`, `modalities`, `kinds`, `asOf`, `between=FROM,TO`.
    func filter(_ q: [String: String]) throws -> RelationFilter {
        func set<T: RawRepresentable & Hashable>(_ key: String, _: T.Type) throws -> Set<T>? where T.RawValue == String {
            guard let text = q[key] else { return nil }
            var out = Set<T>()
            for part in text.split(separator: ",", omittingEmptySubsequences: true) {
                guard let v = T(rawValue: String(part)) else { throw BadRequest(message: "\(key): unknown value '\(part)'") }
                out.insert(v)
            }
            return out
        }
        func date(_ text: String, _ key: String) throws -> PartialDate {
            guard let d = PartialDate(text) else { throw BadRequest(message: "\(key): invalid date '\(text)'") }
            return d
        }
        var f = RelationFilter(types: try set("types", RelationType.self), modalities: try set("modalities", Modality.self),
                               actorKinds: try set("kinds", ActorKind.self))
        if let a = q["asOf"], !a.isEmpty { f.asOf = try date(a, "asOf") }
        if let b = q["between"], !b.isEmpty {
            let parts = b.split(separator: ",")
            guard parts.count == 2 else { throw BadRequest(message: "between: expected FROM,TO") }
            let x = try date(String(parts[0]), "between"), y = try date(String(parts[1]), "between")
            guard !(y < x) else { throw BadRequest(message: "between: \(x) is after \(y)") }
            f.between = x...y
        }
        return f
    }
}
