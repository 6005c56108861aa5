/// Where each relation's endpoints stand in a graph's actors: computed once (by a reader, or on
/// the first question) and shared by validation, views and every question on the same graph
/// value, so a large graph hashes each endpoint's id once.
final class EndpointIndex: Sendable {
    /// Each id's position in `actors` (its first actor with that id).
    let position: [ActorID: Int32]
    /// Per relation, the position of its source and target in `actors`; -1 for an unknown id.
    let sources: [Int32]
    let targets: [Int32]
    /// Whether one reader's allocator derived every relation id (so no two can be equal).
    let derivedIDsAreUnique: Bool

    init(position: [ActorID: Int32], sources: [Int32], targets: [Int32], derivedIDsAreUnique: Bool = false) {
        self.position = position
        self.sources = sources
        self.targets = targets
        self.derivedIDsAreUnique = derivedIDsAreUnique
    }

    /// - Complexity: O(A + R), one hash per actor and per endpoint.
    convenience init(_ graph: ActorGraph) {
        var position: [ActorID: Int32] = [:]
        position.reserveCapacity(graph.actors.count)
        for (k, actor) in graph.actors.enumerated() where position[actor.id] == nil { position[actor.id] = Int32(k) }
        var sources = [Int32](), targets = [Int32]()
        sources.reserveCapacity(graph.relations.count)
        targets.reserveCapacity(graph.relations.count)
        for relation in graph.relations {
            sources.append(position[relation.source] ?? -1)
            targets.append(position[relation.target] ?? -1)
        }
        self.init(position: position, sources: sources, targets: targets)
    }
}

extension ActorGraph {
    /// Computes where every relation's endpoints stand among the actors, once, so that validation,
    /// views and questions on this graph value share it (any later change to actors or relations
    /// drops it). Readers call it; calling it is never needed for correctness.
    ///
    /// - Complexity: O(A + R).
    public mutating func indexEndpoints() {
        if endpoints == nil { endpoints = EndpointIndex(self) }
    }

    /// Sets the endpoint index from positions a reader already knows: `position` maps each id to
    /// its first actor, `sources` and `targets` give each relation's endpoints (-1: unknown id).
    /// `derivedIDsAreUnique`: the reader gave every relation a derived id from one
    /// ``RelationIDAllocator`` (validation then need not compare them). Ignored when the counts do
    /// not match the graph; dropped, like the rest, by any later change to actors or relations.
    public mutating func indexEndpoints(position: [ActorID: Int32], sources: [Int32], targets: [Int32],
                                        derivedIDsAreUnique: Bool = false) {
        guard sources.count == relations.count, targets.count == relations.count, position.count <= actors.count else { return }
        endpoints = EndpointIndex(position: position, sources: sources, targets: targets,
                                  derivedIDsAreUnique: derivedIDsAreUnique && !relations.contains { !$0.hasDerivedID })
    }

    /// The endpoint index: the shared one, or one computed for this call.
    var endpointIndex: EndpointIndex { endpoints ?? EndpointIndex(self) }
}
