/// A path through the analysis graph: its nodes and the out-adjacency entries it uses.
@_spi(Kernels) public struct GraphPath: Sendable, Hashable {
    public var nodes: [Int32]
    /// `entries[i]` is the out-adjacency entry for `nodes[i] → nodes[i+1]`.
    public var entries: [Int]
    /// Number of hops, or total weight when weighted.
    public var length: Double
}

extension AnalysisGraph {
    /// Shortest-path distances from `source` to every node (nil where unreachable): breadth-first
    /// (hops) or Dijkstra (weights as lengths).
    ///
    /// - Complexity: O(V + E) unweighted, O((V + E) log V) weighted.
    public func distances(from source: Int, weighted: Bool = false) -> [Double?] {
        let finder = PathFinder(self)
        finder.search(from: source, weighted: weighted && isWeighted, blockedNodes: nil, blockedEntries: nil, stopAt: nil)
        return (0..<nodeCount).map { finder.distance[$0].isFinite ? finder.distance[$0] : nil }
    }
}

/// Answers path questions on one analysis graph, reusing its work arrays between questions:
/// nothing of size V is allocated per question, and only what a search touched is reset.
@_spi(Kernels) public final class PathFinder {
    public let graph: AnalysisGraph
    var distance: [Double]
    var parentEntry: [Int]       // out entry used to reach the node (forward search)
    var touched: [Int32] = []
    var queue: [Int32]
    var backQueue: [Int32]
    var heap: MinHeap
    var inEntryOfOut: [Int32] = []  // for a backward search: in-entry k → out-entry index
    // Bidirectional breadth-first search state: levels and entries as 32-bit values (-1: unseen).
    var forwardLevel: [Int32]
    var backwardLevel: [Int32]
    var forwardEntry: [Int32]
    var backwardEntry: [Int32]
    var bidirectionalTouched: [Int32]

    public init(_ graph: AnalysisGraph) {
        self.graph = graph
        let n = graph.nodeCount
        distance = [Double](repeating: .infinity, count: n)
        parentEntry = [Int](repeating: -1, count: n)
        queue = [Int32](repeating: 0, count: n)
        backQueue = [Int32](repeating: 0, count: n)
        heap = MinHeap(capacity: n)
        touched.reserveCapacity(n)
        forwardLevel = [Int32](repeating: -1, count: n)
        backwardLevel = [Int32](repeating: -1, count: n)
        forwardEntry = [Int32](repeating: -1, count: n)
        backwardEntry = [Int32](repeating: -1, count: n)
        bidirectionalTouched = [Int32](repeating: 0, count: n)
    }

    func reset() {
        for v in touched {
            let i = Int(v)
            distance[i] = .infinity; parentEntry[i] = -1
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// For in-adjacency entry k (u → v seen from v), the out-adjacency entry of the same edge.
    func outEntry(forInEntry k: Int) -> Int {
        if inEntryOfOut.isEmpty { buildInToOut() }
        return Int(inEntryOfOut[k])
    }

    func buildInToOut() {
        var map = [Int32](repeating: -1, count: graph.inSources.count)
        if !graph.isDirected {
            // In and out arrays are the same; the reverse entry of u→v is v→u's position in u's list.
            for v in 0..<graph.nodeCount {
                for k in graph.inRange(v) {
                    let u = Int(graph.inSources[k])
                    map[k] = Int32(graph.outEntry(from: u, to: v) ?? -1)
                }
            }
        } else {
            var fill = graph.inOffsets.map(Int.init)
            for u in 0..<graph.nodeCount {
                for e in graph.outRange(u) {
                    let v = Int(graph.outTargets[e])
                    map[fill[v]] = Int32(e)
                    fill[v] += 1
                }
            }
        }
        inEntryOfOut = map
    }

    /// A single-source search filling `distance`/`parentEntry`; stops early at `stopAt`.
    func search(from s: Int, weighted: Bool, blockedNodes: [Bool]?, blockedEntries: Set<Int>?, stopAt: Int?) {
        reset()
        distance[s] = 0
        touched.append(Int32(s))
        if !weighted {
            queue[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(queue[head]); head += 1
                if v == stopAt { return }
                for k in graph.outRange(v) {
                    let w = Int(graph.outTargets[k])
                    if distance[w] != .infinity || blockedNodes?[w] == true || blockedEntries?.contains(k) == true { continue }
                    distance[w] = distance[v] + 1
                    parentEntry[w] = k
                    touched.append(Int32(w))
                    queue[tail] = Int32(w); tail += 1
                }
            }
            return
        }
        heap.removeAll()
        heap.push(0, Int32(s))
        while let (d, v32) = heap.pop() {
            let v = Int(v32)
            if d > distance[v] { continue }
            if v == stopAt { return }
            for k in graph.outRange(v) {
                let w = Int(graph.outTargets[k])
                if blockedNodes?[w] == true || blockedEntries?.contains(k) == true { continue }
                let c = d + graph.outWeights[k]
                if c < distance[w] {
                    if distance[w] == .infinity { touched.append(Int32(w)) }
                    distance[w] = c
                    parentEntry[w] = k
                    heap.push(c, Int32(w))
                }
            }
        }
    }

    func path(to t: Int, from s: Int) -> GraphPath? {
        guard distance[t].isFinite else { return nil }
        var nodes = [Int32(t)]
        var entries: [Int] = []
        var v = t
        while v != s {
            let e = parentEntry[v]
            entries.append(e)
            // The entry's owner is the predecessor: find it by range search over offsets.
            v = owner(ofOutEntry: e)
            nodes.append(Int32(v))
        }
        return GraphPath(nodes: nodes.reversed(), entries: entries.reversed(), length: distance[t])
    }

    /// The node whose out-list contains entry e (binary search over offsets).
    func owner(ofOutEntry e: Int) -> Int {
        var lo = 0, hi = graph.nodeCount
        let offsets = graph.outOffsets
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(offsets[mid]) <= e { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// A shortest path from `s` to `t`: bidirectional breadth-first search for hop counts,
    /// Dijkstra for weights. Nil when `t` cannot be reached.
    ///
    /// - Complexity: O(V + E) worst case; bidirectional search usually touches far less.
    public func shortestPath(from s: Int, to t: Int, weighted: Bool = false) -> GraphPath? {
        if s == t { return GraphPath(nodes: [Int32(s)], entries: [], length: 0) }
        if weighted && graph.isWeighted {
            search(from: s, weighted: true, blockedNodes: nil, blockedEntries: nil, stopAt: t)
            return path(to: t, from: s)
        }
        return bidirectional(s, t)
    }

    private func bidirectional(_ s: Int, _ t: Int) -> GraphPath? {
        if inEntryOfOut.isEmpty { buildInToOut() }
        var meet = -1
        // The search proper runs on raw buffers: no bounds or exclusivity checks per edge.
        graph.outOffsets.withUnsafeBufferPointer { outOff in
        graph.outTargets.withUnsafeBufferPointer { outT in
        graph.inOffsets.withUnsafeBufferPointer { inOff in
        graph.inSources.withUnsafeBufferPointer { inS in
        inEntryOfOut.withUnsafeBufferPointer { inToOut in
        forwardLevel.withUnsafeMutableBufferPointer { dist in
        backwardLevel.withUnsafeMutableBufferPointer { back in
        forwardEntry.withUnsafeMutableBufferPointer { parent in
        backwardEntry.withUnsafeMutableBufferPointer { child in
        queue.withUnsafeMutableBufferPointer { fq in
        backQueue.withUnsafeMutableBufferPointer { bq in
        bidirectionalTouched.withUnsafeMutableBufferPointer { seen in
            var seenCount = 0
            dist[s] = 0; back[t] = 0
            seen[0] = Int32(s); seen[1] = Int32(t); seenCount = 2
            fq[0] = Int32(s); bq[0] = Int32(t)
            var fHead = 0, bHead = 0, fTail = 1, bTail = 1
            var best = Int32.max
            while fHead < fTail && bHead < bTail && meet < 0 {
                if (fTail - fHead) <= (bTail - bHead) {
                    let level = dist[Int(fq[fHead])]
                    while fHead < fTail && dist[Int(fq[fHead])] == level {
                        let v = Int(fq[fHead]); fHead += 1
                        for k in Int(outOff[v])..<Int(outOff[v + 1]) {
                            let w = Int(outT[k])
                            if dist[w] >= 0 { continue }
                            dist[w] = level + 1
                            parent[w] = Int32(k)
                            if back[w] < 0 { seen[seenCount] = Int32(w); seenCount += 1 }
                            fq[fTail] = Int32(w); fTail += 1
                            if back[w] >= 0 && level + 1 + back[w] < best { best = level + 1 + back[w]; meet = w }
                        }
                    }
                } else {
                    let level = back[Int(bq[bHead])]
                    while bHead < bTail && back[Int(bq[bHead])] == level {
                        let v = Int(bq[bHead]); bHead += 1
                        for k in Int(inOff[v])..<Int(inOff[v + 1]) {
                            let w = Int(inS[k])
                            if back[w] >= 0 { continue }
                            back[w] = level + 1
                            child[w] = inToOut[k]
                            if dist[w] < 0 { seen[seenCount] = Int32(w); seenCount += 1 }
                            bq[bTail] = Int32(w); bTail += 1
                            if dist[w] >= 0 && dist[w] + level + 1 < best { best = dist[w] + level + 1; meet = w }
                        }
                    }
                }
            }
            if meet >= 0 {
                // Read the path out before the reset below.
                var v = meet
                var front: [Int32] = [Int32(v)]
                var frontEntries: [Int] = []
                while v != s {
                    let e = Int(parent[v])
                    frontEntries.append(e)
                    v = owner(ofOutEntry: e)
                    front.append(Int32(v))
                }
                front.reverse(); frontEntries.reverse()
                v = meet
                while v != t {
                    let e = Int(child[v])
                    frontEntries.append(e)
                    v = Int(outT[e])
                    front.append(Int32(v))
                }
                foundPath = GraphPath(nodes: front, entries: frontEntries, length: Double(frontEntries.count))
            }
            for i in 0..<seenCount {
                let w = Int(seen[i])
                dist[w] = -1; back[w] = -1; parent[w] = -1; child[w] = -1
            }
        }}}}}}}}}}}}
        defer { foundPath = nil }
        return meet >= 0 ? foundPath : nil
    }

    private var foundPath: GraphPath?

    /// Every shortest path from `s` to `t` (at most `limit`), in a stable order.
    ///
    /// - Complexity: O(V + E) for the search plus the size of the output.
    public func allShortestPaths(from s: Int, to t: Int, weighted: Bool = false, limit: Int = 1000) -> [GraphPath] {
        let useWeights = weighted && graph.isWeighted
        search(from: s, weighted: useWeights, blockedNodes: nil, blockedEntries: nil, stopAt: nil)
        guard distance[t].isFinite else { return [] }
        if s == t { return [GraphPath(nodes: [Int32(s)], entries: [], length: 0)] }
        var results: [GraphPath] = []
        var stackNodes: [Int32] = [Int32(t)]
        var stackEntries: [Int] = []
        // Depth-first from t backwards over in-edges that lie on a shortest path.
        func visit(_ v: Int) {
            if results.count >= limit { return }
            if v == s {
                results.append(GraphPath(nodes: stackNodes.reversed(), entries: stackEntries.reversed(), length: distance[t]))
                return
            }
            for k in graph.inRange(v) {
                let u = Int(graph.inSources[k])
                guard distance[u].isFinite else { continue }
                let w = useWeights ? graph.inWeights[k] : 1
                guard distance[u] + w == distance[v], distance[u] < distance[v] else { continue }
                stackNodes.append(Int32(u))
                stackEntries.append(outEntry(forInEntry: k))
                visit(u)
                stackNodes.removeLast(); stackEntries.removeLast()
            }
        }
        visit(t)
        return results.sorted { $0.nodes.lexicographicallyPrecedes($1.nodes) }
    }

    /// The `k` shortest simple paths from `s` to `t` (Yen 1971), shortest first.
    ///
    /// Yen, J. Y. (1971). Finding the k shortest loopless paths in a network. *Management Science*
    /// 17(11), 712–716.
    /// - Complexity: O(k·V·(E + V log V)).
    public func kShortestPaths(from s: Int, to t: Int, k: Int, weighted: Bool = false) -> [GraphPath] {
        let useWeights = weighted && graph.isWeighted
        guard k > 0, let first = shortestPath(from: s, to: t, weighted: useWeights) else { return [] }
        var accepted = [first]
        var candidates: [GraphPath] = []
        var seen = Set<[Int32]>([first.nodes])
        var blocked = [Bool](repeating: false, count: graph.nodeCount)
        while accepted.count < k {
            let last = accepted[accepted.count - 1]
            for i in 0..<(last.nodes.count - 1) {
                let spur = Int(last.nodes[i])
                let rootNodes = Array(last.nodes[0...i])
                let rootEntries = Array(last.entries[0..<i])
                var removed = Set<Int>()
                for p in accepted where p.nodes.count > i && Array(p.nodes[0...i]) == rootNodes {
                    removed.insert(p.entries[i])
                }
                for node in rootNodes.dropLast() { blocked[Int(node)] = true }
                search(from: spur, weighted: useWeights, blockedNodes: blocked, blockedEntries: removed, stopAt: t)
                for node in rootNodes.dropLast() { blocked[Int(node)] = false }
                guard let spurPath = path(to: t, from: spur) else { continue }
                var rootLength = 0.0
                for e in rootEntries { rootLength += useWeights ? graph.outWeights[e] : 1 }
                let total = GraphPath(nodes: rootNodes.dropLast() + spurPath.nodes,
                                      entries: rootEntries + spurPath.entries,
                                      length: rootLength + spurPath.length)
                if seen.insert(total.nodes).inserted { candidates.append(total) }
            }
            guard !candidates.isEmpty else { break }
            candidates.sort { $0.length != $1.length ? $0.length < $1.length
                : ($0.nodes.count != $1.nodes.count ? $0.nodes.count < $1.nodes.count : $0.nodes.lexicographicallyPrecedes($1.nodes)) }
            accepted.append(candidates.removeFirst())
        }
        return accepted
    }
}
