/// One question's view of a graph: which relations count, which actors are in it, how relations
/// become edges, and how parallel relations weigh. Built once per question with
/// ``ActorGraph/view(_:mode:weights:avoiding:)``; every algorithm family (centrality, paths,
/// signed analysis, structure) and the drawing take it.
///
/// **Which actors a view keeps** (one rule, for drawing and analysis alike):
/// - avoided actors are never in it, nor any relation touching them;
/// - with an empty ``RelationFilter`` every other actor is in it, related or not;
/// - with a filter that restricts anything, an actor is in it when at least one kept relation
///   touches it (the edge-induced subgraph, networkx's `edge_subgraph`), so "the graph as of 2022"
///   holds no actor that had no relation yet.
///
/// A relation from an actor to itself is kept in ``relations`` (and drawn), but it is no edge of
/// the analysis graph: paths, centralities and structure ignore self-loops.
///
/// ```swift
/// let view = graph.view(RelationFilter(types: [.supports, .hosts], asOf: PartialDate("2024-05")),
///                       mode: .undirected)
/// print(view.actorCount, view.edgeCount, view.contains("mara-voss"))   // 4 3 false
/// ```
///
/// The examples of the questions' documentation use the graph built in <doc:BuildAGraphInCode>.
public struct GraphView: Sendable {
    /// The whole graph the view was taken from.
    public let graph: ActorGraph
    public let filter: RelationFilter
    public let mode: DirectionMode
    public let weights: WeightRule
    /// Actors left out on request, with every relation that touches them.
    public let avoided: Set<ActorID>
    /// The analysis graph: compressed sparse rows over the view's actors.
    let analysis: AnalysisGraph
    /// Actor id → node index in ``analysis``.
    let index: [ActorID: Int32]
    /// Indices into `graph.relations` of the kept relations, in file order.
    let kept: [Int32]

    /// Node index → position of the actor in `graph.actors`.
    let positions: [Int32]
    /// Position in `graph.actors` → node index (-1: not in the view).
    let nodeOf: [Int32]
    /// Where each relation's endpoints stand in `graph.actors`.
    let endpoints: EndpointIndex
    /// Documents by id, for citing relations (built once per view, not per answer).
    let documentMap: [DocumentID: Document]

    /// Builds the view. O(A + R) time and space; no id is hashed when the graph's endpoint index
    /// is shared (``ActorGraph/indexEndpoints()``) and the view keeps every actor.
    init(graph: ActorGraph, filter: RelationFilter, mode: DirectionMode, weights: WeightRule,
         avoiding: Set<ActorID>) {
        self.graph = graph
        self.filter = filter
        self.mode = mode
        self.weights = weights
        self.avoided = avoiding
        let e = graph.endpointIndex
        let actorCount = graph.actors.count
        // An actor position is usable when it is the first actor with its id and not avoided.
        var usable = [Bool](repeating: false, count: actorCount)
        for p in e.position.values { usable[Int(p)] = true }
        for id in avoiding { if let p = e.position[id] { usable[Int(p)] = false } }
        let restricts = !filter.isEmpty
        var touched = restricts ? [Bool](repeating: false, count: actorCount) : []
        var kept: [Int32] = []
        kept.reserveCapacity(graph.relations.count)
        for r in graph.relations.indices {
            let s = e.sources[r], t = e.targets[r]
            guard s >= 0, t >= 0, usable[Int(s)], usable[Int(t)] else { continue }
            if restricts {
                guard filter.keeps(graph.relations[r], sourceKind: graph.actors[Int(s)].kind,
                                   targetKind: graph.actors[Int(t)].kind) else { continue }
                touched[Int(s)] = true
                touched[Int(t)] = true
            }
            kept.append(Int32(r))
        }
        var nodeOf = [Int32](repeating: -1, count: actorCount)
        var ids: [ActorID] = [], positions: [Int32] = []
        for p in 0..<actorCount where usable[p] && (!restricts || touched[p]) {
            nodeOf[p] = Int32(ids.count)
            ids.append(graph.actors[p].id)
            positions.append(Int32(p))
        }
        var index: [ActorID: Int32]
        if ids.count == e.position.count && ids.count == actorCount {
            index = e.position  // every actor, no duplicate: node numbers are positions
        } else {
            index = [:]
            index.reserveCapacity(ids.count)
            for (k, id) in ids.enumerated() { index[id] = Int32(k) }
        }
        self.kept = kept
        self.index = index
        self.positions = positions
        self.nodeOf = nodeOf
        self.endpoints = e
        self.documentMap = graph.documentsByID
        self.analysis = AnalysisGraph(nodeIDs: ids, nodeOf: nodeOf, sources: e.sources, targets: e.targets,
                                      relations: graph.relations, kept: kept, mode: mode, weights: weights)
    }

    /// The view's actors, in the graph's order.
    public var actors: [ActorID] { analysis.nodeIDs }

    /// Number of actors in the view.
    public var actorCount: Int { analysis.nodeCount }

    /// Number of edges of the analysis graph: pairs joined by at least one kept relation (each
    /// direction counts in a directed view; an undirected pair counts once; self-loops none).
    public var edgeCount: Int { analysis.edgeCount }

    /// Whether `actor` is in the view.
    public func contains(_ actor: ActorID) -> Bool { index[actor] != nil }

    /// The kept relations, in file order. O(R).
    public var relations: [Relation] { kept.map { graph.relations[Int($0)] } }

    /// The view as a graph of its own: its actors, its relations, every document. What drawings
    /// are built from. O(A + R).
    public var subgraph: ActorGraph {
        var copy = graph
        if copy.actors.count != actorCount { copy.actors = positions.map { graph.actors[Int($0)] } }
        if kept.count != graph.relations.count { copy.relations = relations }
        return copy
    }

    /// The nodes of relation `r`'s source and target (-1 outside the view).
    func nodes(ofRelation r: Int32) -> (Int32, Int32) {
        let s = endpoints.sources[Int(r)], t = endpoints.targets[Int(r)]
        return (s < 0 ? -1 : nodeOf[Int(s)], t < 0 ? -1 : nodeOf[Int(t)])
    }

    /// The actor at node `v`.
    func actorNode(_ v: Int) -> ActorNode { graph.actors[Int(positions[v])] }

    /// Throws ``AnalysisError/unknownActor(_:)`` unless `actor` is in the graph, and returns its index
    /// in the view (nil when the view leaves it out).
    func node(_ actor: ActorID) throws -> Int? {
        if let i = index[actor] { return Int(i) }
        guard endpoints.position[actor] != nil else { throw AnalysisError.unknownActor(actor.rawValue) }
        return nil
    }
}

extension ActorGraph {
    /// The view of this graph that one question looks at (see ``GraphView`` for which actors it
    /// keeps).
    ///
    /// - Parameters:
    ///   - filter: which relations count.
    ///   - mode: directed (edges run source → target; `meets` both ways) or undirected.
    ///   - weights: how the parallel relations of a pair collapse into one edge.
    ///   - avoiding: actors left out, with every relation that touches them.
    /// - Complexity: O(A + R).
    public func view(_ filter: RelationFilter = RelationFilter(), mode: DirectionMode = .directed,
                     weights: WeightRule = .unit, avoiding: Set<ActorID> = []) -> GraphView {
        GraphView(graph: self, filter: filter, mode: mode, weights: weights, avoiding: avoiding)
    }
}

/// What the library's questions can fail with. "No path" is an answer, not an error.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The graph has no actor with this id.
    case unknownActor(String)
    /// A path endpoint was also given as an actor to avoid.
    case endpointAvoided(ActorID)
    /// An iterative measure did not converge within its iteration budget.
    case didNotConverge(Measure, iterations: Int)
    /// An option is out of its range.
    case invalidOption(String)

    public var description: String {
        switch self {
        case .unknownActor(let id): return "no actor with id '\(id)'"
        case .endpointAvoided(let id): return "'\(id)' is an endpoint and cannot be avoided"
        case .didNotConverge(let m, let n):
            let hint = m == .katz ? "lower alpha" : "the graph may have no dominant eigenvalue"
            return "\(m.rawValue) did not converge in \(n) iterations (\(hint))"
        case .invalidOption(let text): return text
        }
    }
}
