/// Finds actors by id, name or alias, case- and diacritic-insensitively.
///
/// "sudani", "Al-Sudani" and "Mohammed Shia al-Sudani" all find the same actor. An exact key
/// match on id, name or alias wins; otherwise a name whose folded form contains the query as a
/// whole word-run is a match; otherwise there is no match, and ``candidates(for:limit:)`` offers
/// the closest names.
public struct ActorLookup: Sendable {
    /// Result of resolving a name.
    public enum Resolution: Sendable, Equatable {
        case found(ActorID)
        case ambiguous([ActorID])
        case notFound(closest: [ActorID])
    }

    private let graph: [ActorID: ActorNode]
    private let keys: [(key: String, id: ActorID)]

    public init(_ graph: ActorGraph) {
        var byID: [ActorID: ActorNode] = [:]
        var keys: [(String, ActorID)] = []
        for actor in graph.actors {
            byID[actor.id] = actor
            for text in [actor.id.rawValue, actor.name] + actor.aliases {
                keys.append((TextFolding.nameKey(text), actor.id))
            }
        }
        self.graph = byID
        self.keys = keys.map { (key: $0.0, id: $0.1) }
    }

    /// Resolves a user-typed name to one actor.
    ///
    /// - Complexity: O(k) in the number of ids, names and aliases, plus O(k·l²) for suggestions.
    public func resolve(_ query: String) -> Resolution {
        if graph[ActorID(query)] != nil { return .found(ActorID(query)) }
        let key = TextFolding.nameKey(query)
        guard !key.isEmpty else { return .notFound(closest: candidates(for: query)) }
        let exact = Set(keys.filter { $0.key == key }.map(\.id))
        if exact.count == 1 { return .found(exact.first!) }
        if exact.count > 1 { return .ambiguous(exact.sorted()) }
        // A partial match needs at least three letters to mean anything.
        guard key.count >= 3 else { return .notFound(closest: candidates(for: query)) }
        let partial = Set(keys.filter { $0.key.contains(key) }.map(\.id))
        if partial.count == 1 { return .found(partial.first!) }
        if partial.count > 1 { return .ambiguous(partial.sorted()) }
        return .notFound(closest: candidates(for: query))
    }

    /// The actors whose id, name or alias is nearest to `query` by edit distance.
    public func candidates(for query: String, limit: Int = 5) -> [ActorID] {
        let key = TextFolding.nameKey(query)
        var best: [ActorID: Int] = [:]
        for entry in keys {
            let d = TextFolding.editDistance(key, entry.key)
            best[entry.id] = min(best[entry.id] ?? .max, d)
        }
        return best.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
            .prefix(limit).map(\.key)
    }

    public func actor(_ id: ActorID) -> ActorNode? { graph[id] }
}
