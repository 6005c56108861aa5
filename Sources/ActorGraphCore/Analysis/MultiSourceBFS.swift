import Foundation
import Synchronization

/// Bit-parallel multi-source breadth-first search (MS-BFS) for the unweighted distance totals
/// behind closeness and harmonic centrality.
///
/// Then, M., Kaufmann, M., Chirigati, F., Hoang-Vu, T.-A., Pham, K., Kemper, A., Neumann, T. &
/// Vo, H. T. (2014). The more the merrier: efficient multi-source graph traversal. *Proceedings of
/// the VLDB Endowment* 8(4), 449–460.
///
/// Sources go in batches of 64, one bit each. Per node three words: `seen` (the batch's sources
/// that have reached it), `visit` (those that reached it at the current level) and `next` (those
/// arriving at the next level). One pass over a frontier node's out-edges carries every source
/// that reached it at this level, so a node reached by many sources at the same distance is
/// expanded once instead of once per source.
///
/// The totals are kept per *reached* node: when the sources in `newly` first reach v at level
/// ℓ, each of them is at distance ℓ from v, so v gains `popcount(newly)` reachers, ℓ·popcount to its
/// distance sum and popcount/ℓ to its harmonic sum. Searching forward (over out-edges) from every
/// source thus gives each node the totals of the distances *to* it, as closeness needs, with no
/// per-source bookkeeping.
///
/// Determinism: counts and distance sums are integers, and the harmonic sum is a 128-bit fixed-point
/// integer (units of 2⁻⁶⁴; each term 1/ℓ rounded to the nearest unit, an error below 2⁻⁶⁵ per
/// source, so under 10⁻¹⁴ in all below 10⁵ nodes). Integer sums do not depend on the order of
/// addition, so the result is bit-for-bit the same whatever the number of threads or the order in
/// which batches finish.
struct MultiSourceDistanceTotals {
    /// Per node: how many other nodes reach it, the sum of their distances to it, and
    /// Σ 1/distance in units of 2⁻⁶⁴.
    var reached: [Int]
    var distanceSum: [Int]
    var inverseSum: [UInt128]

    static let sourcesPerBatch = 64

    /// 2⁶⁴/ℓ rounded to nearest, for ℓ ≥ 1 (index 0 unused).
    static func inverseTable(upTo levels: Int) -> [UInt128] {
        let one: UInt128 = 1 << 64
        return (0...max(levels, 1)).map { l in l == 0 ? 0 : (one + UInt128(l / 2)) / UInt128(l) }
    }

    /// The harmonic sum as a Double.
    static func value(ofInverseSum x: UInt128) -> Double { Double(x) * 0x1p-64 }
}

extension AnalysisGraph {
    /// For each node v: the number of nodes u ≠ v with a path u → v, the sum of the unweighted
    /// distances d(u, v), and Σ 1/d(u, v), by MS-BFS over out-edges from every node.
    ///
    /// - Parameter parallel: spread the batches over all cores (the result does not change).
    /// - Complexity: O(V·E) worst case; on small-world graphs about E per level per batch of 64
    ///   sources instead of E per source. O(V) space per worker.
    func multiSourceDistanceTotals(parallel: Bool = true) -> MultiSourceDistanceTotals {
        let n = nodeCount
        guard n > 0 else { return MultiSourceDistanceTotals(reached: [], distanceSum: [], inverseSum: []) }
        let batchCount = (n + MultiSourceDistanceTotals.sourcesPerBatch - 1) / MultiSourceDistanceTotals.sourcesPerBatch
        let workers = parallel ? max(1, min(batchCount, ProcessInfo.processInfo.activeProcessorCount)) : 1
        // Per worker: reached, distance sum (Int) and inverse sum (UInt128), combined at the end.
        let reached = SharedBuffer<Int>(repeating: 0, count: workers * n)
        let distanceSum = SharedBuffer<Int>(repeating: 0, count: workers * n)
        let inverseSum = SharedBuffer<UInt128>(repeating: 0, count: workers * n)
        defer { reached.free(); distanceSum.free(); inverseSum.free() }
        let nextBatch = Atomic<Int>(0)
        let graph = self
        forEachChunk(workers, parallel: parallel) { worker in
            var search = MultiSourceSearch(n: n)
            defer { search.free() }
            let r = reached.base + worker * n, d = distanceSum.base + worker * n, h = inverseSum.base + worker * n
            graph.outOffsets.withUnsafeBufferPointer { offsets in
                graph.outTargets.withUnsafeBufferPointer { targets in
                    while true {
                        let batch = nextBatch.add(1, ordering: .relaxed).oldValue
                        guard batch < batchCount else { break }
                        let lo = batch * MultiSourceDistanceTotals.sourcesPerBatch
                        let hi = min(lo + MultiSourceDistanceTotals.sourcesPerBatch, n)
                        search.run(sources: lo..<hi, offsets: offsets.baseAddress!, targets: targets.baseAddress!,
                                   reached: r, distanceSum: d, inverseSum: h)
                    }
                }
            }
        }
        var result = MultiSourceDistanceTotals(reached: Array(UnsafeBufferPointer(start: reached.base, count: n)),
                                               distanceSum: Array(UnsafeBufferPointer(start: distanceSum.base, count: n)),
                                               inverseSum: Array(UnsafeBufferPointer(start: inverseSum.base, count: n)))
        for worker in 1..<workers {
            for v in 0..<n {
                result.reached[v] += reached[worker * n + v]
                result.distanceSum[v] += distanceSum[worker * n + v]
                result.inverseSum[v] += inverseSum[worker * n + v]
            }
        }
        return result
    }
}

/// One worker's MS-BFS state: three bit words per node and the frontier lists, allocated once and
/// reset sparsely after each batch.
struct MultiSourceSearch {
    let n: Int
    let seen: UnsafeMutablePointer<UInt64>
    let visit: UnsafeMutablePointer<UInt64>
    let next: UnsafeMutablePointer<UInt64>
    /// Nodes with a nonzero `visit` word (the current level), and the ones being collected for the
    /// next level.
    let frontier: UnsafeMutablePointer<Int32>
    let upcoming: UnsafeMutablePointer<Int32>
    /// Every node the batch has reached, to reset `seen` after it.
    let touched: UnsafeMutablePointer<Int32>
    var inverse: [UInt128]

    init(n: Int) {
        self.n = n
        func words() -> UnsafeMutablePointer<UInt64> {
            let p = UnsafeMutablePointer<UInt64>.allocate(capacity: max(n, 1))
            p.initialize(repeating: 0, count: max(n, 1))
            return p
        }
        func nodes() -> UnsafeMutablePointer<Int32> {
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
            p.initialize(repeating: 0, count: max(n, 1))
            return p
        }
        seen = words(); visit = words(); next = words()
        frontier = nodes(); upcoming = nodes(); touched = nodes()
        inverse = MultiSourceDistanceTotals.inverseTable(upTo: 64)
    }

    func free() {
        seen.deallocate(); visit.deallocate(); next.deallocate()
        frontier.deallocate(); upcoming.deallocate(); touched.deallocate()
    }

    /// Searches from `sources` (at most 64) at once over the CSR `offsets`/`targets`, adding each
    /// reached node's totals into `reached`, `distanceSum` and `inverseSum`.
    mutating func run(sources: Range<Int>, offsets: UnsafePointer<Int32>, targets: UnsafePointer<Int32>,
                      reached: UnsafeMutablePointer<Int>, distanceSum: UnsafeMutablePointer<Int>,
                      inverseSum: UnsafeMutablePointer<UInt128>) {
        var frontierCount = 0, touchedCount = 0
        var frontierEdges = 0
        for (i, s) in sources.enumerated() {
            let bit: UInt64 = 1 << UInt64(i)
            seen[s] = bit
            visit[s] = bit
            frontier[frontierCount] = Int32(s); frontierCount += 1
            touched[touchedCount] = Int32(s); touchedCount += 1
            frontierEdges += Int(offsets[s + 1] - offsets[s])
        }
        // Small frontiers list the nodes they reach (work proportional to the frontier's edges);
        // large ones OR blindly and sweep every node's word once (no unpredictable branch per edge).
        let sweepAbove = n / 4
        var level = 0
        while frontierCount > 0 {
            level += 1
            if level >= inverse.count { inverse = MultiSourceDistanceTotals.inverseTable(upTo: 2 * level) }
            let inverseOfLevel = inverse[level]
            var upcomingCount = 0
            let sweep = frontierEdges > sweepAbove
            // Top-down step: carry each frontier node's sources to its successors.
            if sweep {
                for j in 0..<frontierCount {
                    let v = Int(frontier[j])
                    let bits = visit[v]
                    visit[v] = 0
                    for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                        next[Int(targets[k])] |= bits
                    }
                }
            } else {
                for j in 0..<frontierCount {
                    let v = Int(frontier[j])
                    let bits = visit[v]
                    visit[v] = 0
                    for k in Int(offsets[v])..<Int(offsets[v + 1]) {
                        let w = Int(targets[k])
                        let old = next[w]
                        if old == 0 { upcoming[upcomingCount] = Int32(w); upcomingCount += 1 }
                        next[w] = old | bits
                    }
                }
            }
            // Settle: keep the sources new to each node, count them at distance `level`.
            frontierCount = 0
            frontierEdges = 0
            func settle(_ w: Int) {
                let arriving = next[w]
                next[w] = 0
                let before = seen[w]
                let newly = arriving & ~before
                guard newly != 0 else { return }
                if before == 0 { touched[touchedCount] = Int32(w); touchedCount += 1 }
                seen[w] = before | newly
                visit[w] = newly
                frontier[frontierCount] = Int32(w); frontierCount += 1
                frontierEdges += Int(offsets[w + 1] - offsets[w])
                let count = newly.nonzeroBitCount
                reached[w] += count
                distanceSum[w] += count * level
                inverseSum[w] += UInt128(truncatingIfNeeded: count) &* inverseOfLevel
            }
            if sweep {
                for w in 0..<n where next[w] != 0 { settle(w) }
            } else {
                for j in 0..<upcomingCount { settle(Int(upcoming[j])) }
            }
        }
        for j in 0..<touchedCount { seen[Int(touched[j])] = 0 }
    }
}
