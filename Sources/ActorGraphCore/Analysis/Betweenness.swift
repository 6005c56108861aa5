import Synchronization

/// Options for betweenness centrality; defaults mirror networkx's `betweenness_centrality`.
@_spi(Kernels) public struct BetweennessOptions: Sendable {
    /// Divide by the number of pairs: 1/((n−1)(n−2)) without endpoints, 1/(n(n−1)) with them.
    public var normalized = true
    /// Count the endpoints of each shortest path as lying on it.
    public var endpoints = false
    /// Use edge weights as lengths (Dijkstra); otherwise every edge has length 1 (breadth-first).
    public var weighted = false
    /// Sample this many source actors (seeded) instead of all of them; results are rescaled by n/k.
    public var sampleSize: Int?
    public var seed: UInt64 = 42
    /// Run on one thread (the same chunks, in order: the same result).
    public var singleThreaded = false
    /// Called from worker threads with (sources done, sources in all) as the work advances.
    public var progress: ProgressHandler?

    public init(normalized: Bool = true, endpoints: Bool = false, weighted: Bool = false,
                sampleSize: Int? = nil, seed: UInt64 = 42) {
        self.normalized = normalized
        self.endpoints = endpoints
        self.weighted = weighted
        self.sampleSize = sampleSize
        self.seed = seed
    }
}

extension AnalysisGraph {
    /// Betweenness centrality (Brandes 2001): for each actor, the share of shortest paths between
    /// other pairs that pass through it.
    ///
    /// Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of Mathematical
    /// Sociology* 25(2), 163–177. doi:10.1080/0022250X.2001.9990249. Scaling as networkx 3.x:
    /// undirected sums count each pair from both ends, then the same factor applies.
    ///
    /// Sources are split into a fixed number of chunks processed on all cores; each chunk keeps its
    /// own sums and the chunks are added in order, so the result is the same whatever the thread
    /// count. No allocation happens per source.
    ///
    /// - Complexity: O(V·E) time unweighted, O(V·E + V²·log V) weighted; O(V) space per chunk.
    /// - Precondition: with `weighted`, every weight is positive.
    public func betweennessCentrality(options: BetweennessOptions = BetweennessOptions()) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var sources = Array(0..<Int32(n))
        if let k = options.sampleSize, k < n {
            var rng = SplitMix64(seed: options.seed)
            sources.shuffle(using: &rng)
            sources = Array(sources.prefix(k)).sorted()
        }
        let chunkCount = min(sources.count, 64)
        let partial = SharedBuffer<Double>(repeating: 0, count: chunkCount * n)
        defer { partial.free() }
        let done = Atomic<Int>(0)
        let total = sources.count
        let progress = options.progress
        let weighted = options.weighted && isWeighted
        let endpoints = options.endpoints
        let graph = self
        let sourceList = sources
        // Breadth-first: run on a copy numbered by decreasing degree (the nodes most searches touch
        // share cache lines); sums are kept in that numbering and mapped back below.
        let relabeled = weighted ? nil : RelabeledAdjacency(byDegreeOf: self)
        forEachChunk(chunkCount, parallel: !options.singleThreaded) { chunk in
            let lo = sourceList.count * chunk / chunkCount, hi = sourceList.count * (chunk + 1) / chunkCount
            var work = BrandesWorkspace(n: n, arcs: graph.outTargets.count)
            let bc = partial.base + chunk * n
            for i in lo..<hi {
                if let relabeled {
                    brandesBFS(source: Int(relabeled.newIndex[Int(sourceList[i])]), offsets: relabeled.offsets,
                               targets: relabeled.targets, work: &work, bc: bc, endpoints: endpoints)
                } else {
                    graph.brandesDijkstra(source: Int(sourceList[i]), work: &work, bc: bc, endpoints: endpoints)
                }
                if let progress {
                    let d = done.add(1, ordering: .relaxed).newValue
                    if d % 64 == 0 || d == total { progress(d, total) }
                }
            }
        }
        var result = [Double](repeating: 0, count: n)
        for chunk in 0..<chunkCount {
            let bc = partial.base + chunk * n
            if let relabeled {
                for v in 0..<n { result[v] += bc[Int(relabeled.newIndex[v])] }
            } else {
                for v in 0..<n { result[v] += bc[v] }
            }
        }
        // networkx's _rescale.
        var scale: Double?
        if options.normalized {
            if options.endpoints {
                scale = n < 2 ? nil : 1 / (Double(n) * Double(n - 1))
            } else {
                scale = n <= 2 ? nil : 1 / (Double(n - 1) * Double(n - 2))
            }
        } else if !isDirected {
            scale = 0.5
        }
        if var s = scale {
            if sources.count < n { s *= Double(n) / Double(sources.count) }
            for v in 0..<n { result[v] *= s }
        }
        return result
    }
}

/// Per-worker arrays for Brandes' algorithm, allocated once and reset sparsely.
struct BrandesWorkspace {
    var distance: [Int32]
    var weightedDistance: [Double]
    var sigma: [Double]
    var delta: [Double]
    var order: [Int32]
    var heap: MinHeap
    /// Breadth-first step only: the shortest-path DAG's edges as the forward pass meets them
    /// (successor w of each node, grouped by node in BFS order), where each node's group ends
    /// (`dagEnd[i]` for the node at BFS position i), and (1 + δ(w))/σ(w) of each finished node.
    var dag: [Int32]
    var dagEnd: [Int32]
    var coefficient: [Double]
    /// Breadth-first distances (`max`: not reached), in one byte when the search is shallow enough.
    var level8: [UInt8]
    var level32: [UInt32]

    init(n: Int, arcs: Int) {
        distance = [Int32](repeating: -1, count: n)
        weightedDistance = [Double](repeating: .infinity, count: n)
        sigma = [Double](repeating: 0, count: n)
        delta = [Double](repeating: 0, count: n)
        order = [Int32](repeating: 0, count: n + 1)  // + 1: the breadth-first step writes one past the end
        heap = MinHeap(capacity: n)
        dag = [Int32](repeating: 0, count: max(arcs, 1))
        dagEnd = [Int32](repeating: 0, count: n)
        coefficient = [Double](repeating: 0, count: n)
        level8 = [UInt8](repeating: .max, count: n)
        level32 = [UInt32](repeating: .max, count: n)
    }
}

extension AnalysisGraph {
    /// One Dijkstra Brandes step from `s` (edge weights as lengths).
    func brandesDijkstra(source s: Int, work: inout BrandesWorkspace, bc: UnsafeMutablePointer<Double>, endpoints: Bool) {
        var tail = 0
        work.weightedDistance[s] = 0
        work.sigma[s] = 1
        work.heap.removeAll()
        work.heap.push(0, Int32(s))
        while let (d, v32) = work.heap.pop() {
            let v = Int(v32)
            if d > work.weightedDistance[v] || work.distance[v] == 1 { continue }  // stale or settled
            work.distance[v] = 1  // settled marker
            work.order[tail] = v32; tail += 1
            let sv = work.sigma[v]
            for k in outRange(v) {
                let w = Int(outTargets[k])
                let candidate = d + outWeights[k]
                if work.distance[w] == 1 { continue }
                if candidate < work.weightedDistance[w] {
                    work.weightedDistance[w] = candidate
                    work.sigma[w] = sv
                    work.heap.push(candidate, Int32(w))
                } else if candidate == work.weightedDistance[w] {
                    work.sigma[w] += sv
                }
            }
        }
        if endpoints { bc[s] += Double(tail - 1) }
        var i = tail - 1
        while i > 0 {
            let w = Int(work.order[i]); i -= 1
            let coefficient = (1 + work.delta[w]) / work.sigma[w]
            let dw = work.weightedDistance[w]
            for k in inRange(w) {
                let v = Int(inSources[k])
                if work.distance[v] == 1 && work.weightedDistance[v] + inWeights[k] == dw && work.weightedDistance[v] < dw {
                    work.delta[v] += work.sigma[v] * coefficient
                }
            }
            bc[w] += endpoints ? work.delta[w] + 1 : work.delta[w]
        }
        // Reset everything touched (settled nodes, and reached-but-unsettled ones cannot exist at the end).
        for j in 0..<tail {
            let v = Int(work.order[j])
            work.distance[v] = -1; work.weightedDistance[v] = .infinity; work.sigma[v] = 0; work.delta[v] = 0
        }
    }
}

/// A binary min-heap of (priority, node) pairs with lazy deletion.
struct MinHeap {
    var keys: [Double] = []
    var values: [Int32] = []

    init(capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    var isEmpty: Bool { keys.isEmpty }
    mutating func removeAll() { keys.removeAll(keepingCapacity: true); values.removeAll(keepingCapacity: true) }

    mutating func push(_ key: Double, _ value: Int32) {
        keys.append(key); values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if keys[parent] <= keys[i] { break }
            keys.swapAt(parent, i); values.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let key = keys.first, let value = values.first else { return nil }
        let lastKey = keys.removeLast(), lastValue = values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey; values[0] = lastValue
            var i = 0
            let n = keys.count
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < n && keys[l] < keys[m] { m = l }
                if r < n && keys[r] < keys[m] { m = r }
                if m == i { break }
                keys.swapAt(m, i); values.swapAt(m, i)
                i = m
            }
        }
        return (key, value)
    }
}

/// SplitMix64: a small, fast, seeded generator for reproducible sampling and tie-breaking.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
