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

/// The out-adjacency of a graph renumbered by decreasing degree (ties by index), each list sorted.
struct RelabeledAdjacency: Sendable {
    /// The new number of each node.
    let newIndex: [Int32]
    let offsets: [Int32]
    let targets: [Int32]

    init(byDegreeOf g: AnalysisGraph) {
        let n = g.nodeCount
        let byDegree = (0..<n).sorted { a, b in
            let da = g.outRange(a).count, db = g.outRange(b).count
            return da != db ? da > db : a < b
        }
        var newIndex = [Int32](repeating: 0, count: n)
        for (k, old) in byDegree.enumerated() { newIndex[old] = Int32(k) }
        var offsets = [Int32](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(g.outTargets.count)
        for (k, old) in byDegree.enumerated() {
            let start = targets.count
            for e in g.outRange(old) { targets.append(newIndex[Int(g.outTargets[e])]) }
            targets[start...].sort()
            offsets[k + 1] = Int32(targets.count)
        }
        self.newIndex = newIndex
        self.offsets = offsets
        self.targets = targets
    }
}

/// One breadth-first Brandes step from `s` over the CSR `offsets`/`targets`, adding dependencies
/// into `bc`.
///
/// The forward pass counts shortest paths (σ) and writes the DAG's edges to a flat list in the
/// order it meets them; the backward pass walks that list from the end, so it reads only DAG
/// edges, sequentially, and needs no distance tests. Dependencies are pulled rather than
/// pushed: δ(v) = σ(v)·Σ_{w ∈ succ(v)} (1 + δ(w))/σ(w), so each node is written once.
///
/// Distances are kept in one byte per node (the array stays in L1 cache on graphs of ~10⁴ nodes);
/// a search that goes deeper than 254 levels is redone with 32-bit distances.
func brandesBFS(source s: Int, offsets: [Int32], targets: [Int32], work: inout BrandesWorkspace,
                bc: UnsafeMutablePointer<Double>, endpoints: Bool) {
    offsets.withUnsafeBufferPointer { offsets in
    targets.withUnsafeBufferPointer { targets in
    work.sigma.withUnsafeMutableBufferPointer { sigma in
    work.coefficient.withUnsafeMutableBufferPointer { coefficient in
    work.order.withUnsafeMutableBufferPointer { order in
    work.dag.withUnsafeMutableBufferPointer { dag in
    work.dagEnd.withUnsafeMutableBufferPointer { dagEnd in
        let shared = BrandesArrays(offsets: offsets.baseAddress!, targets: targets.baseAddress!,
                                   sigma: sigma.baseAddress!, coefficient: coefficient.baseAddress!,
                                   order: order.baseAddress!, dag: dag.baseAddress!, dagEnd: dagEnd.baseAddress!)
        let done = work.level8.withUnsafeMutableBufferPointer { level in
            brandesBFSStep(source: s, level: level.baseAddress!, shared, bc: bc, endpoints: endpoints)
        }
        if !done {
            _ = work.level32.withUnsafeMutableBufferPointer { level in
                brandesBFSStep(source: s, level: level.baseAddress!, shared, bc: bc, endpoints: endpoints)
            }
        }
    }}}}}}}
}

struct BrandesArrays {
    let offsets: UnsafePointer<Int32>
    let targets: UnsafePointer<Int32>
    let sigma: UnsafeMutablePointer<Double>
    let coefficient: UnsafeMutablePointer<Double>
    let order: UnsafeMutablePointer<Int32>
    let dag: UnsafeMutablePointer<Int32>
    let dagEnd: UnsafeMutablePointer<Int32>
}

/// The step itself, with distances of type `D` (`D.max`: not reached). Returns false, leaving
/// `bc` and `level` untouched, when the search would go deeper than `D.max − 1` levels.
@inline(__always)
func brandesBFSStep<D: FixedWidthInteger & UnsignedInteger>(
    source s: Int, level dist: UnsafeMutablePointer<D>, _ a: BrandesArrays, bc: UnsafeMutablePointer<Double>,
    endpoints: Bool
) -> Bool {
    let outOff = a.offsets, outT = a.targets, sigma = a.sigma, coefficient = a.coefficient
    let order = a.order, dag = a.dag, dagEnd = a.dagEnd
    var head = 0, tail = 1, e = 0
    order[0] = Int32(truncatingIfNeeded: s)
    dist[s] = 0
    sigma[s] = 1
    while head < tail {
        let v = Int(order[head])
        let next = dist[v] &+ 1
        if next == D.max {  // too deep for D: undo and let the caller redo it wider
            for j in 0..<tail { dist[Int(order[j])] = D.max; sigma[Int(order[j])] = 0 }
            return false
        }
        var k = Int(outOff[v])
        let end = Int(outOff[v &+ 1])
        let first = e
        // Branch-free: a neighbour not reached yet (D.max) gets level `next` and joins the queue;
        // one at `next` or new is a DAG successor. The slots past `tail` and `e` are scratch.
        while k < end {
            let w = outT[k]
            k &+= 1
            let dw = dist[Int(w)]
            dist[Int(w)] = min(dw, next)
            order[tail] = w
            tail &+= dw > next ? 1 : 0
            dag[e] = w
            e &+= dw >= next ? 1 : 0
        }
        let sv = sigma[v]
        for j in first..<e { sigma[Int(dag[j])] += sv }
        dagEnd[head] = Int32(truncatingIfNeeded: e)
        head &+= 1
    }
    if endpoints { bc[s] += Double(tail - 1) }
    var i = tail &- 1
    while i > 0 {  // the source (position 0) gains nothing
        let v = Int(order[i])
        var j = Int(dagEnd[i &- 1])
        let end = Int(dagEnd[i])
        var sum = 0.0
        while j < end { sum += coefficient[Int(dag[j])]; j &+= 1 }
        let sv = sigma[v]
        let d = sv * sum
        coefficient[v] = (1 + d) / sv
        dist[v] = D.max
        sigma[v] = 0
        bc[v] += endpoints ? d + 1 : d
        i &-= 1
    }
    dist[s] = D.max
    sigma[s] = 0
    return true
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
