// The breadth-first (unweighted) Brandes step, used by ``AnalysisGraph/betweennessCentrality(options:)``
// for directed and undirected graphs, and the degree-ordered copy of the graph it runs on.

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
