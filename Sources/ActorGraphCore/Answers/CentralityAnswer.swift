/// A centrality measure, as networkx defines it (docs/CLI.md gives each definition;
/// ``GraphView/centrality(_:options:)`` the cost and reference of each).
public enum Measure: String, CaseIterable, Sendable, Codable, Hashable {
    /// Neighbours (in and out) over n − 1.
    case degree
    /// Predecessors over n − 1.
    case inDegree = "in-degree"
    /// Successors over n − 1.
    case outDegree = "out-degree"
    /// Relations of one type touching the actor, counted one by one (parallel relations too).
    case supports, meets, opposes, hosts
    /// The share of shortest paths between other pairs that pass through the actor (Brandes 2001).
    case betweenness
    /// Inverse mean distance from the actors that reach it, with the Wasserman–Faust correction for
    /// disconnected graphs.
    case closeness
    /// Sum of the inverse distances from every other actor (Marchiori & Latora 2000).
    case harmonic
    /// The leading eigenvector: ties to central actors count more (Bonacich 1987).
    case eigenvector
    /// A random surfer's stationary distribution (Page et al. 1999).
    case pagerank
    /// Attenuated count of the walks that reach the actor (Katz 1953).
    case katz
    /// Core number (the largest k of a k-core holding the actor; Batagelj & Zaveršnik 2003).
    case core

    /// The relation type a per-type count measure counts.
    public var relationType: RelationType? { RelationType(rawValue: rawValue) }

    /// Whether the measure needs a search from every actor: O(V·E), minutes on large graphs.
    public var isAllPairs: Bool { self == .betweenness || self == .closeness || self == .harmonic }
}

/// How centralities are computed. The defaults follow networkx, except that iterative measures
/// run to their fixed point (see ``tolerance``).
public struct CentralityOptions: Sendable {
    /// Edge weights as lengths (betweenness, closeness, harmonic) and strengths (eigenvector,
    /// PageRank, Katz).
    public var weighted = false
    /// Betweenness divided by the number of pairs (networkx's `normalized=True`).
    public var normalized = true
    /// Betweenness counts path endpoints.
    public var endpoints = false
    /// Betweenness from this many sampled source actors (seeded), rescaled by n/k.
    public var sample: Int?
    /// Seed of the betweenness sample.
    public var seed: UInt64 = 42
    /// PageRank's damping factor.
    public var damping = 0.85
    /// Katz's attenuation factor (must be below 1/λmax).
    public var alpha = 0.1
    /// Katz's constant term.
    public var beta = 1.0
    /// Per-actor tolerance of the iterative measures: they stop when the L1 change of an
    /// iteration is below n × tolerance, as networkx does. The default, 1e-15, runs them to the
    /// fixed point (within 1e-10 of it); 1e-6 stops where networkx's default does.
    public var tolerance = CentralityOptions.fixedPointTolerance
    /// Iteration budget of eigenvector, PageRank and Katz.
    public var maxIterations = 10_000
    /// Betweenness, closeness and harmonic on one thread (same result).
    public var singleThreaded = false
    /// Called from worker threads with (done, total) during betweenness.
    public var progress: ProgressHandler?

    /// The default tolerance: iterate to the fixed point.
    public static let fixedPointTolerance = 1e-15

    public init() {}
}

/// One measure's scores for every actor of a view, keyed by actor.
public struct CentralityScores: Sendable {
    public let measure: Measure
    let actors: [ActorID]
    let values: [Double]
    let index: [ActorID: Int32]

    /// The score of `actor`; nil when the actor is not in the view.
    public subscript(actor: ActorID) -> Double? { index[actor].map { values[Int($0)] } }

    /// Number of actors scored.
    public var count: Int { values.count }

    /// Every actor with its score, highest first; ties in id order.
    public var ranking: [RankedActor] {
        Self.order(values, actors).map { RankedActor(actor: actors[$0], score: values[$0]) }
    }

    /// The scores as a dictionary. O(n).
    public var byActor: [ActorID: Double] {
        Dictionary(uniqueKeysWithValues: zip(actors, values))
    }

    /// Indices of `values` in ranking order: highest first, ties by actor id; only the first
    /// `limit` when given (a bounded heap: O(n log k) instead of a full sort).
    static func order(_ values: [Double], _ actors: [ActorID], limit: Int? = nil) -> [Int] {
        let before = { (a: Int, b: Int) in values[a] != values[b] ? values[a] > values[b] : actors[a] < actors[b] }
        guard let k = limit, k > 0, k < values.count / 4 else {
            let all = Array(0..<values.count).sorted(by: before)
            return limit.map { Array(all.prefix($0)) } ?? all
        }
        // A heap of the k best so far, worst on top.
        var heap: [Int] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < heap.count, before(heap[worst], heap[l]) { worst = l }
                if r < heap.count, before(heap[worst], heap[r]) { worst = r }
                if worst == i { return }
                heap.swapAt(i, worst)
                i = worst
            }
        }
        for v in values.indices {
            if heap.count < k {
                heap.append(v)
                var i = heap.count - 1
                while i > 0, before(heap[(i - 1) / 2], heap[i]) { heap.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
            } else if before(v, heap[0]) {
                heap[0] = v
                siftDown(0)
            }
        }
        return heap.sorted(by: before)
    }
}

/// An actor and its score.
public struct RankedActor: Sendable, Hashable, Codable {
    public var actor: ActorID
    public var score: Double
}

extension GraphView {
    /// One centrality measure for every actor of the view, as networkx defines it.
    ///
    /// ```swift
    /// let scores = try graph.view().centrality(.pagerank)
    /// let top = scores.ranking[0]            // RankedActor(actor: "coast-league", score: 0.359…)
    /// let league = scores["coast-league"]    // nil for an actor outside the view
    /// ```
    ///
    /// Complexity and reference per measure, for V actors, E edges and R relations in the view
    /// (the all-pairs measures run on every core):
    /// - ``Measure/degree``, ``Measure/inDegree``, ``Measure/outDegree``: O(V + E).
    /// - ``Measure/supports``, ``Measure/meets``, ``Measure/opposes``, ``Measure/hosts``: O(V + R).
    /// - ``Measure/betweenness``: O(V·E), O(V·E + V² log V) weighted; O(k·E) from a sample of k
    ///   sources. Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
    ///   Mathematical Sociology* 25(2), 163–177.
    /// - ``Measure/closeness``: one search per actor, O(V·E), O(V·(E + V log V)) weighted.
    ///   Wasserman, S. & Faust, K. (1994). *Social Network Analysis*. Cambridge University Press.
    /// - ``Measure/harmonic``: as closeness. Marchiori, M. & Latora, V. (2000). Harmony in the
    ///   small-world. *Physica A* 285, 539–546.
    /// - ``Measure/eigenvector``: power iteration, O(E) per iteration. Bonacich, P. (1987). Power
    ///   and centrality. *American Journal of Sociology* 92(5), 1170–1182.
    /// - ``Measure/pagerank``: O(V + E) per iteration. Page, L., Brin, S., Motwani, R. &
    ///   Winograd, T. (1999). The PageRank citation ranking. Stanford InfoLab.
    /// - ``Measure/katz``: O(E) per iteration; converges when alpha < 1/λmax. Katz, L. (1953). A
    ///   new status index derived from sociometric analysis. *Psychometrika* 18(1), 39–43.
    /// - ``Measure/core``: O(V + E). Batagelj, V. & Zaveršnik, M. (2003). An O(m) algorithm for
    ///   cores decomposition of networks. arXiv:cs/0310049.
    /// - Throws: ``AnalysisError/didNotConverge(_:iterations:)`` when an iterative measure runs out
    ///   of iterations.
    public func centrality(_ measure: Measure, options: CentralityOptions = CentralityOptions()) throws
        -> CentralityScores {
        let g = analysis
        let values: [Double]?
        switch measure {
        case .degree: values = g.degreeCentrality()
        case .inDegree: values = g.inDegreeCentrality()
        case .outDegree: values = g.outDegreeCentrality()
        case .supports, .meets, .opposes, .hosts: values = relationCounts(of: measure.relationType!)
        case .betweenness:
            var b = BetweennessOptions(normalized: options.normalized, endpoints: options.endpoints,
                                       weighted: options.weighted, sampleSize: options.sample, seed: options.seed)
            b.singleThreaded = options.singleThreaded
            b.progress = options.progress
            values = g.betweennessCentrality(options: b)
        case .closeness: values = g.closenessCentrality(weighted: options.weighted, parallel: !options.singleThreaded)
        case .harmonic: values = g.harmonicCentrality(weighted: options.weighted, parallel: !options.singleThreaded)
        case .eigenvector:
            values = g.eigenvectorCentrality(weighted: options.weighted, maxIterations: options.maxIterations,
                                             tolerance: options.tolerance)
        case .pagerank:
            values = g.pageRank(damping: options.damping, weighted: options.weighted,
                                maxIterations: options.maxIterations, tolerance: options.tolerance)
        case .katz:
            values = g.katzCentrality(alpha: options.alpha, beta: options.beta, weighted: options.weighted,
                                      maxIterations: options.maxIterations, tolerance: options.tolerance)
        case .core: values = g.coreNumbers().map(Double.init)
        }
        guard let values else { throw AnalysisError.didNotConverge(measure, iterations: options.maxIterations) }
        return CentralityScores(measure: measure, actors: actors, values: values, index: index)
    }

    /// Relations of `type` touching each actor of the view, parallel ones counted one by one
    /// (a self-relation counts once). O(V + R).
    func relationCounts(of type: RelationType) -> [Double] {
        var counts = [Double](repeating: 0, count: actorCount)
        for r in kept where graph.relations[Int(r)].type == type {
            let (s, t) = nodes(ofRelation: r)
            guard s >= 0, t >= 0 else { continue }
            counts[Int(s)] += 1
            if t != s { counts[Int(t)] += 1 }
        }
        return counts
    }
}

/// A ranking of a view's actors by one or more measures: what `actorgraph centrality` prints.
public struct CentralityReport: Sendable, Codable {
    /// One ranked actor with a score per measure.
    public struct Row: Sendable, Hashable {
        public var rank: Int
        public var id: ActorID
        public var name: String
        public var kind: ActorKind
        /// Scores in the order of ``CentralityReport/measures``.
        public var scores: [Double]
    }

    /// The view's filter, in words.
    public var filter: String
    public var mode: DirectionMode
    public var weights: WeightRule
    /// Actors and edges of the view.
    public var actors: Int
    public var edges: Int
    /// The measures; the first sorts.
    public var measures: [Measure]
    /// The top rows (all actors when no limit was given).
    public var ranking: [Row]

    /// Ranks the view's actors by `scores` (the first sorts, highest first; ties in id order),
    /// keeping the first `top` rows (0: all). O(n log n).
    public init(view: GraphView, scores: [CentralityScores], top: Int = 0) {
        precondition(!scores.isEmpty, "at least one measure")
        filter = view.filter.summary
        mode = view.mode
        weights = view.weights
        actors = view.actorCount
        edges = view.edgeCount
        measures = scores.map(\.measure)
        let order = CentralityScores.order(scores[0].values, scores[0].actors, limit: top > 0 ? top : nil)
        ranking = order.enumerated().map { rank, v in
            let actor = view.actorNode(v)
            return Row(rank: rank + 1, id: actor.id, name: actor.name, kind: actor.kind, scores: scores.map { $0.values[v] })
        }
    }

    private enum Key: String, CodingKey { case filter, mode, weights, actors, edges, measures, ranking }


    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(filter, forKey: .filter)
        try c.encode(mode, forKey: .mode)
        try c.encode(weights, forKey: .weights)
        try c.encode(actors, forKey: .actors)
        try c.encode(edges, forKey: .edges)
        try c.encode(measures, forKey: .measures)
        var rows = c.nestedUnkeyedContainer(forKey: .ranking)
        for row in ranking {
            var r = rows.nestedContainer(keyedBy: AnswerKey.self)
            try r.encode(row.rank, forKey: AnswerKey("rank"))
            try r.encode(row.id, forKey: AnswerKey("id"))
            try r.encode(row.name, forKey: AnswerKey("name"))
            try r.encode(row.kind, forKey: AnswerKey("kind"))
            for (m, v) in zip(measures, row.scores) { try r.encode(v, forKey: AnswerKey(m.rawValue)) }
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        filter = try c.decode(String.self, forKey: .filter)
        mode = try c.decode(DirectionMode.self, forKey: .mode)
        weights = try c.decode(WeightRule.self, forKey: .weights)
        actors = try c.decode(Int.self, forKey: .actors)
        edges = try c.decode(Int.self, forKey: .edges)
        measures = try c.decode([Measure].self, forKey: .measures)
        var rows = try c.nestedUnkeyedContainer(forKey: .ranking)
        var ranking: [Row] = []
        while !rows.isAtEnd {
            let r = try rows.nestedContainer(keyedBy: AnswerKey.self)
            ranking.append(Row(rank: try r.decode(Int.self, forKey: AnswerKey("rank")),
                               id: try r.decode(ActorID.self, forKey: AnswerKey("id")),
                               name: try r.decode(String.self, forKey: AnswerKey("name")),
                               kind: try r.decode(ActorKind.self, forKey: AnswerKey("kind")),
                               scores: try measures.map { try r.decode(Double.self, forKey: AnswerKey($0.rawValue)) }))
        }
        self.ranking = ranking
    }
}
