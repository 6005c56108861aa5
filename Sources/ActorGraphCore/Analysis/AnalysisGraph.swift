/// How relations become edges for analysis.
public enum DirectionMode: String, Sendable, CaseIterable {
    /// Edges run source → target; `meets` (symmetric) gives an edge each way.
    case directed
    /// Every relation joins its two actors both ways.
    case undirected
}

/// How the parallel relations of one pair collapse into one weighted edge.
public enum WeightRule: String, Sendable, CaseIterable {
    /// Every edge has weight 1, however many relations it stands for (the default).
    case unit
    /// An edge's weight is the number of relations it stands for.
    case count
    /// An edge's weight is the sum of its relations' `weight` fields (a relation without one counts 1).
    case field
}

/// The simple weighted graph every algorithm runs on: compressed sparse rows with 32-bit indices.
///
/// Not public API: the library's questions go through ``GraphView``, and answers are keyed by
/// actor. The `Kernels` SPI exposes it to the benchmark driver and the tests.
///
/// Built from a ``GraphView`` or from a plain edge list. Parallel relations of a pair
/// collapse into one edge (rule: docs/DECISIONS.md); self-loops are dropped. Each adjacency entry
/// remembers the relations it stands for, so path answers can cite them.
///
/// For a directed graph `out*` lists successors and `in*` predecessors; for an undirected graph
/// both list neighbours and are the same arrays.
@_spi(Kernels) public struct AnalysisGraph: Sendable {
    public let nodeIDs: [ActorID]
    public let isDirected: Bool
    public let outOffsets: [Int32]
    public let outTargets: [Int32]
    public let outWeights: [Double]
    public let inOffsets: [Int32]
    public let inSources: [Int32]
    public let inWeights: [Double]
    /// For out-adjacency entry k, the relations behind it:
    /// `relationIndices[relationOffsets[k]..<relationOffsets[k+1]]` (indices into the source graph's
    /// `relations`). Empty when built from an edge list.
    public let relationOffsets: [Int32]
    public let relationIndices: [Int32]
    /// Whether any edge weight differs from 1.
    public let isWeighted: Bool

    public var nodeCount: Int { nodeIDs.count }
    /// Number of edges (an undirected edge counts once).
    public var edgeCount: Int { isDirected ? outTargets.count : outTargets.count / 2 }

    /// The index of an actor, if it is in the graph. O(n) the first time per call site; use
    /// ``indexMap()`` for repeated look-ups.
    public func index(of id: ActorID) -> Int32? { nodeIDs.firstIndex(of: id).map(Int32.init) }

    public func indexMap() -> [ActorID: Int32] {
        var map: [ActorID: Int32] = [:]
        map.reserveCapacity(nodeIDs.count)
        for (k, id) in nodeIDs.enumerated() { map[id] = Int32(k) }
        return map
    }

    /// Successors (or neighbours) of `u`, as a range into `outTargets`/`outWeights`.
    @inline(__always) public func outRange(_ u: Int) -> Range<Int> { Int(outOffsets[u])..<Int(outOffsets[u + 1]) }
    @inline(__always) public func inRange(_ u: Int) -> Range<Int> { Int(inOffsets[u])..<Int(inOffsets[u + 1]) }

    /// The relations behind out-adjacency entry `k`.
    public func relations(atOutEntry k: Int) -> ArraySlice<Int32> {
        guard !relationOffsets.isEmpty else { return [] }
        return relationIndices[Int(relationOffsets[k])..<Int(relationOffsets[k + 1])]
    }

    /// The out-adjacency entry for u → v, if there is an edge.
    public func outEntry(from u: Int, to v: Int) -> Int? {
        for k in outRange(u) where Int(outTargets[k]) == v { return k }
        return nil
    }

    /// Builds the analysis graph of a view: nodes `ids`; the relations at `kept`, whose endpoints
    /// stand at `sources[r]` and `targets[r]` among the graph's actors, and `nodeOf` maps those
    /// positions to nodes. Self-loops and relations touching actors outside the view are skipped.
    ///
    /// - Complexity: O(A + R) time and space.
    init(nodeIDs ids: [ActorID], nodeOf: [Int32], sources: [Int32], targets: [Int32], relations: [Relation],
         kept: [Int32], mode: DirectionMode, weights: WeightRule) {
        // Arcs as 4-byte descriptors (relation · 2 + reversed), resolved on demand by ViewArcs,
        // instead of 24-byte arcs: the transient memory of a large view is a sixth.
        var descriptors: [Int32] = []
        var count = kept.count
        if mode == .undirected { count *= 2 } else { for r in kept where relations[Int(r)].type.isSymmetric { count += 1 } }
        descriptors.reserveCapacity(count)
        for r in kept {
            let sp = sources[Int(r)], tp = targets[Int(r)]
            guard sp >= 0, tp >= 0 else { continue }
            let s = nodeOf[Int(sp)], t = nodeOf[Int(tp)]
            guard s >= 0, t >= 0, s != t else { continue }
            descriptors.append(r << 1)
            if mode == .undirected || relations[Int(r)].type.isSymmetric { descriptors.append(r << 1 | 1) }
        }
        let arcs = ViewArcs(descriptors: descriptors, nodeOf: nodeOf, sources: sources, targets: targets,
                            relations: relations, fieldWeights: weights == .field)
        self.init(nodeIDs: ids, arcs: arcs, directed: mode == .directed, merge: weights == .unit ? .keepOne : .sum,
                  trackRelations: true)
    }

    /// Builds an analysis graph from an edge list over nodes `0..<ids.count`.
    ///
    /// For an undirected graph give each edge once. Repeated edges keep the last weight (as
    /// networkx's `Graph.add_edge` does); self-loops are dropped.
    /// - Complexity: O(V + E).
    public init(nodeIDs ids: [ActorID], edges: [(Int32, Int32, Double)], directed: Bool) {
        var arcs: [Arc] = []
        arcs.reserveCapacity(edges.count * (directed ? 1 : 2))
        for (s, t, w) in edges where s != t {
            arcs.append(Arc(source: s, target: t, weight: w, relation: -1))
            if !directed { arcs.append(Arc(source: t, target: s, weight: w, relation: -1)) }
        }
        self.init(nodeIDs: ids, arcs: arcs, directed: directed, merge: .keepLast, trackRelations: false)
    }

    struct Arc {
        var source: Int32
        var target: Int32
        var weight: Double
        var relation: Int32
    }

    enum Merge { case keepOne, keepLast, sum }

    init<Arcs: ArcList>(nodeIDs ids: [ActorID], arcs: consuming Arcs, directed: Bool, merge: Merge, trackRelations: Bool) {
        let n = ids.count
        // Counting sort of the arcs by source: O(V + E).
        var counts = [Int32](repeating: 0, count: n + 1)
        for k in 0..<arcs.count { counts[Int(arcs.source(k)) + 1] += 1 }
        for u in 0..<n { counts[u + 1] += counts[u] }
        var order = [Int32](repeating: 0, count: arcs.count)
        var fill = counts
        for k in 0..<arcs.count {
            let source = Int(arcs.source(k))
            order[Int(fill[source])] = Int32(k)
            fill[source] += 1
        }
        // Merge parallel arcs per source with a "last seen at" marker per target: O(V + E).
        var offsets = [Int32](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var weights: [Double] = []
        // The entry each arc (in sorted order) merged into: relations are listed per entry after.
        var entryOf = trackRelations ? [Int32](repeating: 0, count: arcs.count) : []
        targets.reserveCapacity(arcs.count)
        weights.reserveCapacity(arcs.count)
        var seenAt = [Int32](repeating: -1, count: n)
        var weighted = false
        for u in 0..<n {
            let start = targets.count
            for k in Int(counts[u])..<Int(counts[u + 1]) {
                let arc = arcs.arc(Int(order[k]))
                let v = Int(arc.target)
                let at = Int(seenAt[v])
                if at >= start && at < targets.count && targets[at] == arc.target {
                    switch merge {
                    case .keepOne: break
                    case .keepLast: weights[at] = arc.weight
                    case .sum: weights[at] += arc.weight
                    }
                    if trackRelations { entryOf[k] = Int32(at) }
                } else {
                    seenAt[v] = Int32(targets.count)
                    targets.append(arc.target)
                    weights.append(arc.weight)
                    if trackRelations { entryOf[k] = Int32(targets.count - 1) }
                }
            }
            offsets[u + 1] = Int32(targets.count)
        }
        for w in weights where w != 1 { weighted = true; break }
        nodeIDs = ids
        isDirected = directed
        outOffsets = offsets
        outTargets = targets
        outWeights = weights
        isWeighted = weighted
        if trackRelations {
            // Counting sort of the arcs by entry, keeping their order: O(E).
            var ro = [Int32](repeating: 0, count: targets.count + 1)
            for e in entryOf { ro[Int(e) + 1] += 1 }
            for e in 0..<targets.count { ro[e + 1] += ro[e] }
            var ri = [Int32](repeating: 0, count: arcs.count)
            var next = ro
            for k in 0..<arcs.count {
                let e = Int(entryOf[k])
                ri[Int(next[e])] = arcs.relation(Int(order[k]))
                next[e] += 1
            }
            relationOffsets = ro
            relationIndices = ri
        } else {
            relationOffsets = []
            relationIndices = []
        }
        // The arcs and the sort's work arrays are done with: freed before the reverse adjacency
        // is built, so that they do not add to the peak.
        _ = consume arcs
        order = []
        entryOf = []
        seenAt = []
        if !directed {
            inOffsets = offsets
            inSources = targets
            inWeights = weights
            return
        }
        // Reverse adjacency by counting sort on targets.
        var inCounts = [Int32](repeating: 0, count: n + 1)
        for t in targets { inCounts[Int(t) + 1] += 1 }
        for u in 0..<n { inCounts[u + 1] += inCounts[u] }
        var inFill = inCounts
        var sources = [Int32](repeating: 0, count: targets.count)
        var inW = [Double](repeating: 0, count: targets.count)
        for u in 0..<n {
            for k in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = Int(targets[k])
                sources[Int(inFill[v])] = Int32(u)
                inW[Int(inFill[v])] = weights[k]
                inFill[v] += 1
            }
        }
        inOffsets = inCounts
        inSources = sources
        inWeights = inW
    }
}

/// The arcs an analysis graph is built from, by position: an array of ``AnalysisGraph/Arc``, or
/// a view's arcs described compactly (``ViewArcs``).
protocol ArcList {
    var count: Int { get }
    func source(_ k: Int) -> Int32
    func arc(_ k: Int) -> AnalysisGraph.Arc
    func relation(_ k: Int) -> Int32
}

extension Array: ArcList where Element == AnalysisGraph.Arc {
    func source(_ k: Int) -> Int32 { self[k].source }
    func arc(_ k: Int) -> AnalysisGraph.Arc { self[k] }
    func relation(_ k: Int) -> Int32 { self[k].relation }
}

/// A view's arcs as descriptors `relation · 2 + reversed`, with the positions and relations
/// that resolve them: the same arcs, in the same order, as the array the view would build.
struct ViewArcs: ArcList {
    let descriptors: [Int32]
    let nodeOf: [Int32]
    let sources: [Int32]
    let targets: [Int32]
    let relations: [Relation]
    let fieldWeights: Bool

    var count: Int { descriptors.count }

    @inline(__always) func source(_ k: Int) -> Int32 {
        let d = Int(descriptors[k]), r = d >> 1
        return nodeOf[Int(d & 1 == 0 ? sources[r] : targets[r])]
    }

    @inline(__always) func relation(_ k: Int) -> Int32 { descriptors[k] >> 1 }

    func arc(_ k: Int) -> AnalysisGraph.Arc {
        let d = Int(descriptors[k]), r = d >> 1
        let s = nodeOf[Int(sources[r])], t = nodeOf[Int(targets[r])]
        let w = fieldWeights ? relations[r].weight ?? 1 : 1
        return d & 1 == 0 ? AnalysisGraph.Arc(source: s, target: t, weight: w, relation: Int32(r))
                          : AnalysisGraph.Arc(source: t, target: s, weight: w, relation: Int32(r))
    }
}
