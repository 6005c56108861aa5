/// Which paths a question asks for.
public enum PathSearch: Sendable, Hashable {
    /// One shortest path (bidirectional breadth-first search, or Dijkstra when weighted).
    case shortest
    /// Every shortest path, at most `limit` of them, in a stable order.
    case allShortest(limit: Int)
    /// The k shortest simple paths (Yen 1971), shortest first.
    case kShortest(Int)
}

/// The answer to "how is A connected to B?": the paths found, each hop with the relations behind
/// it and their quotes. No path is an answer (``paths`` is empty), not an error.
public struct PathAnswer: Sendable, Hashable, Codable {
    public var from: ActorID
    public var to: ActorID
    public var mode: DirectionMode
    /// The view's filter, in words.
    public var filter: String
    public var avoid: [ActorID]
    /// Whether lengths are sums of relation weights (otherwise hop counts).
    public var weighted: Bool
    public var paths: [ActorPath]

    /// Whether any path was found.
    public var found: Bool { !paths.isEmpty }
}

/// One path: its actors in order and a hop between each consecutive two.
public struct ActorPath: Sendable, Hashable, Codable {
    /// Number of hops, or the sum of edge weights for a weighted question.
    public var length: Double
    public var actors: [ActorID]
    public var hops: [Hop]
}

/// One step of a path and every relation of the view that joins its two actors in the direction
/// the path takes (both ways in an undirected view), oldest first.
public struct Hop: Sendable, Hashable, Codable {
    public var from: ActorID
    public var to: ActorID
    public var relations: [CitedRelation]
}

/// Answers many path questions on one view, reusing its work arrays: nothing of the view's size
/// is allocated per question. Not safe to share between threads; make one per thread.
public final class PathQuestions {
    public let view: GraphView
    let finder: PathFinder
    let documents: [DocumentID: Document]

    public init(_ view: GraphView) {
        self.view = view
        finder = PathFinder(view.analysis)
        documents = view.documentMap
    }

    /// The paths from `from` to `to` in the view.
    ///
    /// - Complexity: shortest: O(V + E) worst case (bidirectional search usually touches far
    ///   less); all shortest: O(V + E) plus the output; k shortest: O(k·V·(E + V log V)).
    /// - Throws: ``AnalysisError/unknownActor(_:)`` for an id the graph does not have,
    ///   ``AnalysisError/endpointAvoided(_:)`` when an endpoint is avoided, and
    ///   ``AnalysisError/invalidOption(_:)`` for k or a limit below 1.
    public func answer(from: ActorID, to: ActorID, search: PathSearch = .shortest,
                       weighted: Bool = false) throws -> PathAnswer {
        for id in [from, to] where view.avoided.contains(id) { throw AnalysisError.endpointAvoided(id) }
        switch search {
        case .allShortest(let limit) where limit < 1: throw AnalysisError.invalidOption("the path limit must be at least 1")
        case .kShortest(let k) where k < 1: throw AnalysisError.invalidOption("k must be at least 1")
        default: break
        }
        let s = try view.node(from), t = try view.node(to)
        var answer = PathAnswer(from: from, to: to, mode: view.mode, filter: view.filter.summary,
                                avoid: view.avoided.sorted(), weighted: weighted, paths: [])
        guard let s, let t else { return answer }
        let found: [GraphPath]
        switch search {
        case .shortest: found = finder.shortestPath(from: s, to: t, weighted: weighted).map { [$0] } ?? []
        case .allShortest(let limit): found = finder.allShortestPaths(from: s, to: t, weighted: weighted, limit: limit)
        case .kShortest(let k): found = finder.kShortestPaths(from: s, to: t, k: k, weighted: weighted)
        }
        answer.paths = found.map(path)
        return answer
    }

    private func path(_ p: GraphPath) -> ActorPath {
        let g = view.analysis
        let hops = (0..<p.entries.count).map { i in
            let relations = g.relations(atOutEntry: p.entries[i]).map { view.graph.relations[Int($0)] }
                .sorted(by: Relation.chronological).map { CitedRelation($0, documents: documents) }
            return Hop(from: g.nodeIDs[Int(p.nodes[i])], to: g.nodeIDs[Int(p.nodes[i + 1])], relations: relations)
        }
        return ActorPath(length: p.length, actors: p.nodes.map { g.nodeIDs[Int($0)] }, hops: hops)
    }
}

extension GraphView {
    /// The paths from `from` to `to`: one question. For many, use ``PathQuestions``.
    ///
    /// - Complexity: as ``PathQuestions/answer(from:to:search:weighted:)``, plus O(V) set-up.
    public func paths(from: ActorID, to: ActorID, search: PathSearch = .shortest,
                      weighted: Bool = false) throws -> PathAnswer {
        try PathQuestions(self).answer(from: from, to: to, search: search, weighted: weighted)
    }

    /// Shortest-path distances from `actor` to every actor it reaches (hops, or weights as lengths).
    ///
    /// - Complexity: O(V + E) unweighted, O((V + E) log V) weighted.
    public func distances(from actor: ActorID, weighted: Bool = false) throws -> [ActorID: Double] {
        guard let s = try node(actor) else { return [:] }
        var result: [ActorID: Double] = [:]
        for (v, d) in analysis.distances(from: s, weighted: weighted).enumerated() {
            if let d { result[analysis.nodeIDs[v]] = d }
        }
        return result
    }
}
