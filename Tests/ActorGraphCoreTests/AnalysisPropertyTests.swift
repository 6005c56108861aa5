@_spi(Kernels) @testable import ActorGraphCore
import Testing
import TestSupport

/// Properties that must hold on any graph, checked on seeded random graphs.
struct AnalysisPropertyTests {
    static func random(seed: UInt64, n: Int = 60, p: Double = 0.06, directed: Bool, weighted: Bool = false) -> AnalysisGraph {
        var rng = SeededGenerator(seed: seed)
        var edges: [(Int32, Int32, Double)] = []
        for u in 0..<n {
            for v in 0..<n where u != v && (directed || u < v) && Double.random(in: 0..<1, using: &rng) < p {
                edges.append((Int32(u), Int32(v), weighted ? Double(Int.random(in: 1...9, using: &rng)) : 1))
            }
        }
        return AnalysisGraph(nodeIDs: (0..<n).map { ActorID("n\($0)") }, edges: edges, directed: directed)
    }

    @Test(arguments: 1...8)
    func triangleInequalityAndBFSEqualsUnitDijkstra(seed: UInt64) {
        for directed in [true, false] {
            let g = Self.random(seed: seed, directed: directed)
            let all = (0..<g.nodeCount).map { g.distances(from: $0) }
            // Unit weights through the Dijkstra code path.
            let unit = AnalysisGraph(nodeIDs: g.nodeIDs, edges: (0..<g.nodeCount).flatMap { u in
                g.outRange(u).map { (Int32(u), g.outTargets[$0], 1.0000000001) } }, directed: true)
            for s in 0..<g.nodeCount {
                let dijkstra = unit.distances(from: s, weighted: true)
                for t in 0..<g.nodeCount {
                    #expect((all[s][t] == nil) == (dijkstra[t] == nil))
                    if let a = all[s][t], let b = dijkstra[t] { #expect(abs(a * 1.0000000001 - b) < 1e-6) }
                }
            }
            for a in 0..<g.nodeCount { for b in 0..<g.nodeCount { for c in 0..<g.nodeCount {
                if let ab = all[a][b], let bc = all[b][c] {
                    #expect(all[a][c] != nil && all[a][c]! <= ab + bc)
                }
            } } }
        }
    }

    @Test(arguments: 1...6)
    func pageRankSumsToOne(seed: UInt64) throws {
        for directed in [true, false] {
            let pr = try #require(Self.random(seed: seed, directed: directed).pageRank(tolerance: 1e-10))
            #expect(abs(pr.reduce(0, +) - 1) < 1e-9)
            #expect(pr.allSatisfy { $0 > 0 })
        }
    }

    @Test(arguments: 1...4)
    func scoresDoNotDependOnNodeLabels(seed: UInt64) throws {
        let g = Self.random(seed: seed, directed: true, weighted: true)
        var rng = SeededGenerator(seed: seed &+ 99)
        let permutation = Array(0..<g.nodeCount).shuffled(using: &rng)  // old index → new index
        var edges: [(Int32, Int32, Double)] = []
        for u in 0..<g.nodeCount { for k in g.outRange(u) {
            edges.append((Int32(permutation[u]), Int32(permutation[Int(g.outTargets[k])]), g.outWeights[k]))
        } }
        var ids = g.nodeIDs
        for (old, new) in permutation.enumerated() { ids[new] = g.nodeIDs[old] }
        let h = AnalysisGraph(nodeIDs: ids, edges: edges, directed: true)
        func same(_ a: [Double], _ b: [Double], _ tolerance: Double, _ what: String) {
            for old in 0..<g.nodeCount { #expect(abs(a[old] - b[permutation[old]]) <= tolerance, "\(what)") }
        }
        same(g.betweennessCentrality(), h.betweennessCentrality(), 1e-9, "betweenness")
        same(g.betweennessCentrality(options: .init(weighted: true)), h.betweennessCentrality(options: .init(weighted: true)), 1e-9, "weighted betweenness")
        same(g.closenessCentrality(), h.closenessCentrality(), 1e-12, "closeness")
        same(g.harmonicCentrality(weighted: true), h.harmonicCentrality(weighted: true), 1e-12, "harmonic")
        same(try #require(g.pageRank(tolerance: 1e-12)), try #require(h.pageRank(tolerance: 1e-12)), 1e-9, "PageRank")
        same(g.coreNumbers().map(Double.init), h.coreNumbers().map(Double.init), 0, "core numbers")
    }

    @Test func betweennessIsDeterministicAcrossRuns() {
        let g = Self.random(seed: 5, n: 400, p: 0.02, directed: false)
        let first = g.betweennessCentrality()
        for _ in 0..<3 { #expect(g.betweennessCentrality() == first) }  // bit for bit
    }

    @Test func sampledBetweennessIsSeededAndScaled() {
        let g = Self.random(seed: 3, n: 200, p: 0.04, directed: true)
        let a = g.betweennessCentrality(options: .init(sampleSize: 50, seed: 1))
        #expect(a == g.betweennessCentrality(options: .init(sampleSize: 50, seed: 1)))
        #expect(a != g.betweennessCentrality(options: .init(sampleSize: 50, seed: 2)))
        let exact = g.betweennessCentrality()
        // An unbiased estimate: the totals agree roughly.
        let sampledTotal: Double = a.reduce(0, +)
        let exactTotal: Double = exact.reduce(0, +)
        #expect(abs(sampledTotal / exactTotal - 1) < 0.5)
    }

    @Test func bidirectionalSearchAgreesWithBreadthFirstEverywhere() {
        let g = Self.random(seed: 11, n: 120, p: 0.025, directed: true)
        let finder = PathFinder(g)
        for s in 0..<g.nodeCount {
            let d = g.distances(from: s)
            for t in 0..<g.nodeCount where t != s {
                #expect(finder.shortestPath(from: s, to: t)?.length == d[t])
            }
        }
    }
}
