import Synchronization

extension AnalysisGraph {
    /// Degree centrality as networkx defines it: (in + out) degree / (n − 1) for directed graphs,
    /// degree / (n − 1) for undirected ones. `in`/`out` variants are `inDegreeCentrality` and
    /// `outDegreeCentrality`.
    ///
    /// - Complexity: O(V).
    public func degreeCentrality() -> [Double] {
        let s = nodeCount > 1 ? 1 / Double(nodeCount - 1) : 1
        return (0..<nodeCount).map { u in
            Double(outRange(u).count + (isDirected ? inRange(u).count : 0)) * s
        }
    }

    public func inDegreeCentrality() -> [Double] {
        let s = nodeCount > 1 ? 1 / Double(nodeCount - 1) : 1
        return (0..<nodeCount).map { Double(inRange($0).count) * s }
    }

    public func outDegreeCentrality() -> [Double] {
        let s = nodeCount > 1 ? 1 / Double(nodeCount - 1) : 1
        return (0..<nodeCount).map { Double(outRange($0).count) * s }
    }

    /// Closeness centrality with the Wasserman–Faust correction for disconnected graphs, as
    /// networkx's `closeness_centrality(wf_improved=True)`: for actor u reached from r−1 others
    /// at total distance D, C(u) = ((r−1)/D)·((r−1)/(n−1)). In a directed graph distances are
    /// measured *to* u (incoming), as networkx does.
    ///
    /// Wasserman, S. & Faust, K. (1994). *Social Network Analysis*. Cambridge University Press.
    /// - Complexity: O(V·E) unweighted (bit-parallel BFS, 64 sources per pass; in parallel),
    ///   O(V·(E + V log V)) weighted.
    public func closenessCentrality(weighted: Bool = false, wfImproved: Bool = true, parallel: Bool = true) -> [Double] {
        incomingDistanceTotals(weighted: weighted, parallel: parallel).map { totals in
            guard totals.sum > 0, nodeCount > 1 else { return 0 }
            var c = Double(totals.reached) / totals.sum
            if wfImproved { c *= Double(totals.reached) / Double(nodeCount - 1) }
            return c
        }
    }

    /// Harmonic centrality, as networkx's `harmonic_centrality`: H(u) = Σ_{v≠u} 1/d(v, u).
    ///
    /// Marchiori, M. & Latora, V. (2000). Harmony in the small-world. *Physica A* 285, 539–546.
    /// - Complexity: as ``closenessCentrality(weighted:wfImproved:)``.
    public func harmonicCentrality(weighted: Bool = false, parallel: Bool = true) -> [Double] {
        incomingDistanceTotals(weighted: weighted, parallel: parallel).map(\.inverseSum)
    }

    /// What a search towards one actor finds: how many others reach it, the sum of their
    /// distances to it, and the sum of the reciprocals of those distances.
    struct DistanceTotals {
        var reached = 0
        var sum = 0.0
        var inverseSum = 0.0
    }

    /// For each target u, the totals over the distances d(v, u) > 0 from every v that reaches it.
    ///
    /// Unweighted: bit-parallel multi-source BFS forward from every node, 64 sources at a time,
    /// each reached node collecting its own totals (``multiSourceDistanceTotals(parallel:)``);
    /// integer sums, so the same bits on any number of threads. Weighted: one Dijkstra search from
    /// u over incoming edges, parallel over targets; each target is written by one worker only.
    func incomingDistanceTotals(weighted: Bool, parallel: Bool = true) -> [DistanceTotals] {
        let n = nodeCount
        let useWeights = weighted && isWeighted
        if !useWeights {
            let totals = multiSourceDistanceTotals(parallel: parallel)
            return (0..<n).map { v in
                DistanceTotals(reached: totals.reached[v], sum: Double(totals.distanceSum[v]),
                               inverseSum: MultiSourceDistanceTotals.value(ofInverseSum: totals.inverseSum[v]))
            }
        }
        let result = SharedBuffer<DistanceTotals>(repeating: DistanceTotals(), count: n)
        defer { result.free() }
        let graph = self
        let chunkCount = min(n, 64)
        forEachChunk(chunkCount, parallel: parallel) { chunk in
            let lo = n * chunk / chunkCount, hi = n * (chunk + 1) / chunkCount
            var distance = [Double](repeating: .infinity, count: n)
            var queue = [Int32](repeating: 0, count: n)
            var heap = MinHeap(capacity: n)
            for u in lo..<hi {
                var totals = DistanceTotals()
                func add(_ d: Double) {
                    totals.reached += 1
                    totals.sum += d
                    totals.inverseSum += 1 / d
                }
                var tail = 0
                distance[u] = 0
                heap.removeAll()
                heap.push(0, Int32(u))
                while let (d, v32) = heap.pop() {
                    let v = Int(v32)
                    if d > distance[v] { continue }  // stale entry
                    // Pushed only on strict improvement, so each reached node is settled once.
                    queue[tail] = v32; tail += 1
                    if v != u { add(d) }
                    for k in graph.inRange(v) {
                        let w = Int(graph.inSources[k])
                        let c = d + graph.inWeights[k]
                        if c < distance[w] { distance[w] = c; heap.push(c, Int32(w)) }
                    }
                }
                result[u] = totals
                // Every reached node was settled and recorded in `queue`: reset just those.
                for j in 0..<tail { distance[Int(queue[j])] = .infinity }
            }
        }
        return result.array()
    }

    /// Eigenvector centrality by power iteration on A + I, as networkx's
    /// `eigenvector_centrality` (start 1/n, L2-normalised, stop when Σ|Δ| < n·tolerance). In a
    /// directed graph a node's score comes from its predecessors (left eigenvector).
    ///
    /// Bonacich, P. (1987). Power and centrality. *American Journal of Sociology* 92(5), 1170–1182.
    /// - Returns: nil when it does not converge within `maxIterations`.
    /// - Complexity: O(E) per iteration.
    public func eigenvectorCentrality(weighted: Bool = false, maxIterations: Int = 100,
                                      tolerance: Double = 1e-6) -> [Double]? {
        let n = nodeCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        let useWeights = weighted && isWeighted
        for _ in 0..<maxIterations {
            for v in 0..<n {
                var s = x[v]
                for k in inRange(v) { s += x[Int(inSources[k])] * (useWeights ? inWeights[k] : 1) }
                next[v] = s
            }
            var norm = 0.0
            for v in 0..<n { norm += next[v] * next[v] }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var error = 0.0
            for v in 0..<n { next[v] /= norm; error += abs(next[v] - x[v]) }
            swap(&x, &next)
            if error < Double(n) * tolerance { return x }
        }
        return nil
    }

    /// PageRank, as networkx's `pagerank`: the stationary distribution of a random surfer who
    /// follows an out-edge (weighted by `weight` when `weighted`) with probability `damping` and
    /// jumps to the personalization distribution (uniform by default) otherwise; dangling actors
    /// jump by the personalization too. Stops when Σ|Δ| < n·tolerance.
    ///
    /// Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking.
    /// Stanford InfoLab.
    /// - Returns: nil when it does not converge within `maxIterations`.
    /// - Complexity: O(V + E) per iteration (a pull over in-edges).
    public func pageRank(damping: Double = 0.85, personalization: [Double]? = nil, weighted: Bool = false,
                         maxIterations: Int = 100, tolerance: Double = 1e-6) -> [Double]? {
        let n = nodeCount
        guard n > 0 else { return [] }
        var p = personalization ?? [Double](repeating: 1, count: n)
        let ps = p.reduce(0, +)
        guard ps > 0 else { return nil }
        for v in 0..<n { p[v] /= ps }
        let useWeights = weighted && isWeighted
        var strength = [Double](repeating: 0, count: n)
        for u in 0..<n {
            var s = 0.0
            for k in outRange(u) { s += useWeights ? outWeights[k] : 1 }
            strength[u] = s
        }
        // The pull over in-edges is the whole cost: run it on raw buffers (no bounds checks, no
        // weight test per edge, no captured arrays). Same arithmetic, in the same order, as a plain loop.
        let first = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let second = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let share = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { first.deallocate(); second.deallocate(); share.deallocate() }
        first.initialize(repeating: 1 / Double(n))
        second.initialize(repeating: 0)
        share.initialize(repeating: 0)
        var x = first, next = second
        return inOffsets.withUnsafeBufferPointer { offsets in
            inSources.withUnsafeBufferPointer { sources in
                inWeights.withUnsafeBufferPointer { weights in
                    strength.withUnsafeBufferPointer { strength in
                        p.withUnsafeBufferPointer { p in
                            for _ in 0..<maxIterations {
                                var dangling = 0.0
                                for u in 0..<n {
                                    if strength[u] == 0 { dangling += x[u]; share[u] = 0 } else { share[u] = x[u] / strength[u] }
                                }
                                var error = 0.0
                                for v in 0..<n {
                                    var s = 0.0
                                    let lo = Int(offsets[v]), hi = Int(offsets[v + 1])
                                    if useWeights {
                                        for k in lo..<hi { s += share[Int(sources[k])] * weights[k] }
                                    } else {
                                        for k in lo..<hi { s += share[Int(sources[k])] }
                                    }
                                    let value = damping * (s + dangling * p[v]) + (1 - damping) * p[v]
                                    next[v] = value
                                    error += abs(value - x[v])
                                }
                                swap(&x, &next)
                                if error < Double(n) * tolerance { return Array(x) }
                            }
                            return nil
                        }
                    }
                }
            }
        }
    }

    /// Katz centrality, as networkx's `katz_centrality`: x = α·Aᵀx + β, iterated from 0, then
    /// L2-normalised when `normalized`. Converges when α < 1/λ_max.
    ///
    /// Katz, L. (1953). A new status index derived from sociometric analysis. *Psychometrika*
    /// 18(1), 39–43.
    /// - Returns: nil when it does not converge within `maxIterations`.
    /// - Complexity: O(E) per iteration.
    public func katzCentrality(alpha: Double = 0.1, beta: Double = 1, weighted: Bool = false,
                               maxIterations: Int = 1000, tolerance: Double = 1e-6,
                               normalized: Bool = true) -> [Double]? {
        let n = nodeCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        let useWeights = weighted && isWeighted
        for _ in 0..<maxIterations {
            var error = 0.0
            for v in 0..<n {
                var s = 0.0
                for k in inRange(v) { s += x[Int(inSources[k])] * (useWeights ? inWeights[k] : 1) }
                next[v] = alpha * s + beta
                error += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if error < Double(n) * tolerance {
                if normalized {
                    let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
                    let s = norm == 0 ? 1 : 1 / norm
                    return x.map { $0 * s }
                }
                return x
            }
        }
        return nil
    }
}
