@_spi(Kernels) @testable import ActorGraphCore
import Testing
import TestSupport

/// The bit-parallel multi-source BFS behind unweighted closeness and harmonic centrality, against
/// a plain breadth-first search per target over in-edges (the textbook definition), on seeded
/// random graphs with several components, isolated nodes and node counts that are not multiples of
/// 64.
struct MultiSourceBFSTests {
    /// A random graph over `n` nodes: a dense part, a sparse part, a long path (more than 64 levels
    /// when n allows) and isolated nodes, with the labels shuffled so the parts interleave across
    /// 64-source batches.
    static func graph(seed: UInt64, n: Int, directed: Bool) -> AnalysisGraph {
        var rng = SeededGenerator(seed: seed)
        let order = Array(0..<n).shuffled(using: &rng)
        var edges: [(Int32, Int32, Double)] = []
        func add(_ a: Int, _ b: Int) { edges.append((Int32(order[a]), Int32(order[b]), 1)) }
        let dense = n * 2 / 5, sparse = n / 4, path = n / 5
        for u in 0..<dense {
            for v in 0..<dense where u != v && (directed || u < v) && Double.random(in: 0..<1, using: &rng) < 0.08 {
                add(u, v)
            }
        }
        for u in dense..<(dense + sparse) {
            for v in dense..<(dense + sparse) where u != v && (directed || u < v)
                && Double.random(in: 0..<1, using: &rng) < 1.5 / Double(max(sparse, 1)) {
                add(u, v)
            }
        }
        // A path, walked both ways in a directed graph except for a few one-way steps.
        let start = dense + sparse
        if path > 1 {
            for u in start..<(start + path - 1) {
                add(u, u + 1)
                if directed && Int.random(in: 0..<5, using: &rng) != 0 { add(u + 1, u) }
            }
        }
        // A few bridges from the dense part into the path (one way when directed).
        if dense > 0 && path > 0 {
            for _ in 0..<3 { add(Int.random(in: 0..<dense, using: &rng), start + Int.random(in: 0..<path, using: &rng)) }
        }
        // The remaining nodes stay isolated.
        return AnalysisGraph(nodeIDs: (0..<n).map { ActorID("n\($0)") }, edges: edges, directed: directed)
    }

    /// Per target u: a BFS from u over in-edges; counts per distance, then the totals.
    static func reference(_ g: AnalysisGraph) -> (reached: [Int], sum: [Int], inverse: [Double]) {
        let n = g.nodeCount
        var reached = [Int](repeating: 0, count: n), sum = reached
        var inverse = [Double](repeating: 0, count: n)
        for u in 0..<n {
            var distance = [Int](repeating: -1, count: n)
            var queue = [u]
            distance[u] = 0
            var head = 0
            var perDistance: [Int: Int] = [:]
            while head < queue.count {
                let v = queue[head]; head += 1
                for k in g.inRange(v) {
                    let w = Int(g.inSources[k])
                    if distance[w] < 0 {
                        distance[w] = distance[v] + 1
                        queue.append(w)
                        reached[u] += 1
                        sum[u] += distance[w]
                        perDistance[distance[w], default: 0] += 1
                    }
                }
            }
            inverse[u] = perDistance.keys.sorted().reduce(0) { $0 + Double(perDistance[$1]!) / Double($1) }
        }
        return (reached, sum, inverse)
    }

    static let sizes = [1, 2, 3, 63, 64, 65, 127, 129, 200, 331]

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func totalsEqualOneBFSPerTarget(seed: UInt64) {
        for directed in [true, false] {
            for n in Self.sizes {
                let g = Self.graph(seed: seed &* 1000 &+ UInt64(n), n: n, directed: directed)
                let expected = Self.reference(g)
                let ours = g.multiSourceDistanceTotals(parallel: false)
                #expect(ours.reached == expected.reached, "reached, n \(n), directed \(directed)")
                #expect(ours.distanceSum == expected.sum, "distance sums, n \(n), directed \(directed)")
                let inverse = ours.inverseSum.map(MultiSourceDistanceTotals.value(ofInverseSum:))
                let worst = zip(inverse, expected.inverse).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= 1e-12, "harmonic sums, n \(n), directed \(directed): off by \(worst)")
            }
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func closenessAndHarmonicMatchTheDefinitions(seed: UInt64) {
        for directed in [true, false] {
            for n in [65, 200, 331] {
                let g = Self.graph(seed: seed &* 1000 &+ UInt64(n), n: n, directed: directed)
                let (reached, sum, inverse) = Self.reference(g)
                // Closeness is a ratio of exact integer sums: the same bits as the definition.
                let closeness = (0..<n).map { u -> Double in
                    guard sum[u] > 0 else { return 0 }
                    return Double(reached[u]) / Double(sum[u]) * (Double(reached[u]) / Double(n - 1))
                }
                #expect(g.closenessCentrality() == closeness)
                #expect(g.closenessCentrality(parallel: false) == closeness)
                #expect(g.closenessCentrality(wfImproved: false)
                        == (0..<n).map { sum[$0] > 0 ? Double(reached[$0]) / Double(sum[$0]) : 0 })
                let harmonic = g.harmonicCentrality()
                #expect(zip(harmonic, inverse).allSatisfy { abs($0 - $1) <= 1e-12 })
            }
        }
    }

    @Test func sameBitsOnOneOrManyThreads() {
        for directed in [true, false] {
            let g = Self.graph(seed: 77, n: 1_000, directed: directed)
            let one = g.multiSourceDistanceTotals(parallel: false)
            let many = g.multiSourceDistanceTotals(parallel: true)
            #expect(one.reached == many.reached)
            #expect(one.distanceSum == many.distanceSum)
            #expect(one.inverseSum == many.inverseSum)
            #expect(g.harmonicCentrality(parallel: false) == g.harmonicCentrality(parallel: true))
        }
    }

    /// A path of 300 nodes: distances up to 299, beyond the first table of 1/ℓ.
    @Test func longPath() {
        let n = 300
        let g = AnalysisGraph(nodeIDs: (0..<n).map { ActorID("p\($0)") },
                              edges: (0..<(n - 1)).map { (Int32($0), Int32($0 + 1), 1) }, directed: false)
        let (reached, sum, inverse) = Self.reference(g)
        let ours = g.multiSourceDistanceTotals(parallel: false)
        #expect(ours.reached == reached)
        #expect(ours.distanceSum == sum)
        #expect(zip(ours.inverseSum.map(MultiSourceDistanceTotals.value(ofInverseSum:)), inverse)
                    .allSatisfy { abs($0 - $1) <= 1e-12 })
        // End node: Σ_{d=1}^{299} 1/d.
        let h = (1..<n).reduce(0.0) { $0 + 1 / Double($1) }
        #expect(abs(g.harmonicCentrality()[0] - h) <= 1e-12)
    }

    @Test func emptyAndEdgelessGraphs() {
        let empty = AnalysisGraph(nodeIDs: [], edges: [], directed: true)
        #expect(empty.closenessCentrality().isEmpty)
        #expect(empty.harmonicCentrality().isEmpty)
        let isolated = AnalysisGraph(nodeIDs: (0..<70).map { ActorID("i\($0)") }, edges: [], directed: false)
        #expect(isolated.closenessCentrality() == [Double](repeating: 0, count: 70))
        #expect(isolated.harmonicCentrality() == [Double](repeating: 0, count: 70))
    }
}
