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
///
/// ```swift
/// let questions = PathQuestions(graph.view(mode: .undirected))
/// for target: ActorID in ["coast-league", "north-council"] {
///     let answer = try questions.answer(from: "mara-voss", to: target)
///     print(target, answer.paths.first?.length ?? 0)   // coast-league 2.0, north-council 1.0
/// }
/// ```
public final class PathQuestions {
    public let view: GraphView
    let finder: PathFinder

    public init(_ view: GraphView) {
        self.view = view
        finder = PathFinder(view.analysis)
    }

    /// The paths from `from` to `to` in the view.
    ///
    /// ```swift
    /// let questions = PathQuestions(graph.view(mode: .undirected))
    /// let two = try questions.answer(from: "arden-gov", to: "hill-brigade", search: .kShortest(2))
    /// print(two.paths.map(\.actors))   // through coast-league, then through north-council
    /// ```
    ///
    /// A shortest path is found by bidirectional breadth-first search, or Dijkstra's algorithm when
    /// `weighted`; the k shortest simple paths by Yen's algorithm: Yen, J. Y. (1971). Finding the k
    /// shortest loopless paths in a network. *Management Science* 17(11), 712–716.
    ///
    /// - Complexity: shortest: O(V + E) worst case (bidirectional search usually touches far
    ///   less), O((V + E) log V) weighted; all shortest: O(V + E) plus the output; k shortest:
    ///   O(k·V·(E + V log V)).
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
                .sorted(by: Relation.chronological).map { CitedRelation($0, documents: view.documentMap) }
            return Hop(from: g.nodeIDs[Int(p.nodes[i])], to: g.nodeIDs[Int(p.nodes[i + 1])], relations: relations)
        }
        return ActorPath(length: p.length, actors: p.nodes.map { g.nodeIDs[Int($0)] }, hops: hops)
    }
}

extension GraphView {
    /// The paths from `from` to `to`: one question. For many, use ``PathQuestions``.
    ///
    /// ```swift
    /// let answer = try graph.view(mode: .undirected).paths(from: "arden-gov", to: "hill-brigade")
    /// for hop in answer.paths.first?.hops ?? [] {
    ///     print(hop.from, "→", hop.to, hop.relations.map { $0.relation.evidence[0].quote })
    /// }
    /// ```
    ///
    /// Bidirectional breadth-first search, Dijkstra's algorithm when `weighted`, Yen's algorithm
    /// (Yen 1971) for ``PathSearch/kShortest(_:)``; no path is an answer with no ``PathAnswer/paths``.
    ///
    /// - Complexity: as ``PathQuestions/answer(from:to:search:weighted:)``, plus O(V) set-up.
    public func paths(from: ActorID, to: ActorID, search: PathSearch = .shortest,
                      weighted: Bool = false) throws -> PathAnswer {
        try PathQuestions(self).answer(from: from, to: to, search: search, weighted: weighted)
    }

    /// Shortest-path distances from `actor` to every actor it reaches (hops, or weights as lengths),
    /// by breadth-first search, or Dijkstra's algorithm when `weighted`.
    ///
    /// ```swift
    /// let hops = try graph.view(mode: .undirected).distances(from: "mara-voss")
    /// print(hops["mara-voss"]!, hops["north-council"]!, hops["hill-brigade"]!)   // 0.0 1.0 2.0
    /// ```
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
