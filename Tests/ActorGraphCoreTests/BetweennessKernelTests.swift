@_spi(Kernels) @testable import ActorGraphCore
import Testing
import TestSupport

/// The breadth-first Brandes kernel (flat DAG list, dependencies pulled) against a textbook
/// Brandes with predecessor lists, and the same bits on one thread or many.
struct BetweennessKernelTests {
    /// Brandes (2001) as printed: predecessor lists, dependencies pushed; raw sums (each ordered
    /// pair once), endpoints optional.
    static func reference(_ g: AnalysisGraph, endpoints: Bool) -> [Double] {
        let n = g.nodeCount
        var bc = [Double](repeating: 0, count: n)
        for s in 0..<n {
            var distance = [Int](repeating: -1, count: n)
            var sigma = [Double](repeating: 0, count: n)
            var predecessors = [[Int]](repeating: [], count: n)
            var stack: [Int] = []
            var queue = [s]
            var head = 0
            distance[s] = 0
            sigma[s] = 1
            while head < queue.count {
                let v = queue[head]; head += 1
                stack.append(v)
                for k in g.outRange(v) {
                    let w = Int(g.outTargets[k])
                    if distance[w] < 0 { distance[w] = distance[v] + 1; queue.append(w) }
                    if distance[w] == distance[v] + 1 { sigma[w] += sigma[v]; predecessors[w].append(v) }
                }
            }
            var delta = [Double](repeating: 0, count: n)
            if endpoints { bc[s] += Double(stack.count - 1) }
            for w in stack.reversed() {
                for v in predecessors[w] { delta[v] += sigma[v] / sigma[w] * (1 + delta[w]) }
                if w != s { bc[w] += endpoints ? delta[w] + 1 : delta[w] }
            }
        }
        return bc
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func matchesTextbookBrandes(seed: UInt64) {
        for directed in [true, false] {
            for n in [1, 2, 3, 65, 200] {
                let g = MultiSourceBFSTests.graph(seed: seed &* 31 &+ UInt64(n), n: n, directed: directed)
                for endpoints in [false, true] {
                    var options = BetweennessOptions(normalized: false, endpoints: endpoints)
                    options.singleThreaded = true
                    let ours = g.betweennessCentrality(options: options)
                    var expected = Self.reference(g, endpoints: endpoints)
                    if !directed { expected = expected.map { $0 / 2 } }
                    let worst = zip(ours, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
                    #expect(worst <= 1e-12, "n \(n), directed \(directed), endpoints \(endpoints): off by \(worst)")
                }
            }
        }
    }

    /// Searches deeper than 254 levels leave the one-byte distances for 32-bit ones.
    @Test func deepSearches() {
        for directed in [true, false] {
            // A 600-node path with a few chords and a pendant star: depths up to 599.
            var edges: [(Int32, Int32, Double)] = []
            for u in 0..<599 {
                edges.append((Int32(u), Int32(u + 1), 1))
                if directed && u % 7 != 3 { edges.append((Int32(u + 1), Int32(u), 1)) }
            }
            let extra: [(Int32, Int32, Double)] = [(10, 400, 1), (250, 260, 1), (599, 600, 1), (600, 601, 1), (600, 602, 1)]
            edges += extra
            let g = AnalysisGraph(nodeIDs: (0..<603).map { ActorID("d\($0)") }, edges: edges, directed: directed)
            var options = BetweennessOptions(normalized: false, endpoints: true)
            options.singleThreaded = true
            var expected = Self.reference(g, endpoints: true)
            if !directed { expected = expected.map { $0 / 2 } }
            let ours = g.betweennessCentrality(options: options)
            let worst = zip(ours, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
            #expect(worst <= 1e-12, "directed \(directed): off by \(worst)")
        }
    }

    @Test func sameBitsOnOneOrManyThreads() {
        for directed in [true, false] {
            let g = MultiSourceBFSTests.graph(seed: 9, n: 700, directed: directed)
            for sampleSize in [nil, 100] as [Int?] {
                var one = BetweennessOptions(sampleSize: sampleSize)
                one.singleThreaded = true
                var many = one
                many.singleThreaded = false
                #expect(g.betweennessCentrality(options: one) == g.betweennessCentrality(options: many))
            }
        }
    }
}
