extension AnalysisGraph {
    /// Weakly connected components (edge direction ignored) as a membership vector: the
    /// component of each node, numbered from 0 in order of each component's smallest node.
    ///
    /// - Complexity: O(V + E) (breadth-first search).
    public func weakComponentMembership() -> (membership: [Int32], count: Int) {
        // Union-find over the out-edges (union by linking the larger root under the smaller,
        // path halving): one pass over E entries, where a search would scan out- and in-lists.
        let n = nodeCount
        var parent = Array(0..<Int32(n))
        var membership = [Int32](repeating: -1, count: n)
        var count: Int32 = 0
        outOffsets.withUnsafeBufferPointer { off in
        outTargets.withUnsafeBufferPointer { tgt in
        parent.withUnsafeMutableBufferPointer { parent in
        membership.withUnsafeMutableBufferPointer { membership in
            @inline(__always) func find(_ x: Int32) -> Int32 {
                var x = x
                while parent[Int(x)] != x {
                    parent[Int(x)] = parent[Int(parent[Int(x)])]
                    x = parent[Int(x)]
                }
                return x
            }
            for u in 0..<n {
                for k in Int(off[u])..<Int(off[u + 1]) {
                    let a = find(Int32(u)), b = find(tgt[k])
                    if a != b { if a < b { parent[Int(b)] = a } else { parent[Int(a)] = b } }
                }
            }
            // Roots are their component's smallest node, so numbering roots in node order numbers
            // components by smallest member.
            for v in 0..<n {
                let r = Int(find(Int32(v)))
                if membership[r] < 0 { membership[r] = count; count += 1 }
                membership[v] = membership[r]
            }
        }}}}
        return (membership, Int(count))
    }

    /// Weakly connected components, each sorted, largest first (ties by smallest member).
    ///
    /// - Complexity: O(V + E + C log C) for C components.
    public func weakComponents() -> [[Int32]] {
        let (membership, count) = weakComponentMembership()
        return Self.groups(membership, count: count)
    }

    /// Members of each group in node order (a counting sort), largest group first.
    static func groups(_ membership: [Int32], count: Int) -> [[Int32]] {
        var sizes = [Int](repeating: 0, count: count)
        for c in membership { sizes[Int(c)] += 1 }
        var groups = sizes.map { size -> [Int32] in
            var g = [Int32]()
            g.reserveCapacity(size)
            return g
        }
        for (v, c) in membership.enumerated() { groups[Int(c)].append(Int32(v)) }
        return groups.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }

    /// Strongly connected components (Tarjan 1972, iterative) as a membership vector, numbered
    /// in the order Tarjan's algorithm completes them. For an undirected graph these are the
    /// connected components.
    ///
    /// Tarjan, R. (1972). Depth-first search and linear graph algorithms. *SIAM J. Comput.* 1(2).
    /// - Complexity: O(V + E).
    public func strongComponentMembership() -> (membership: [Int32], count: Int) {
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int32](repeating: -1, count: n)
        var stack = [Int32](repeating: 0, count: n)
        var callNode = [Int32](repeating: 0, count: n)
        var callEdge = [Int32](repeating: 0, count: n)
        var counter: Int32 = 0
        var count: Int32 = 0
        outOffsets.withUnsafeBufferPointer { off in
        outTargets.withUnsafeBufferPointer { tgt in
        index.withUnsafeMutableBufferPointer { index in
        low.withUnsafeMutableBufferPointer { low in
        onStack.withUnsafeMutableBufferPointer { onStack in
        component.withUnsafeMutableBufferPointer { component in
        stack.withUnsafeMutableBufferPointer { stack in
        callNode.withUnsafeMutableBufferPointer { callNode in
        callEdge.withUnsafeMutableBufferPointer { callEdge in
            var sp = 0, cp = 0
            for root in 0..<n where index[root] < 0 {
                callNode[cp] = Int32(root); callEdge[cp] = off[root]; cp += 1
                index[root] = counter; low[root] = counter; counter += 1
                stack[sp] = Int32(root); sp += 1; onStack[root] = true
                while cp > 0 {
                    let v = Int(callNode[cp - 1])
                    let e = Int(callEdge[cp - 1])
                    if e < Int(off[v + 1]) {
                        callEdge[cp - 1] += 1
                        let w = Int(tgt[e])
                        if index[w] < 0 {
                            index[w] = counter; low[w] = counter; counter += 1
                            stack[sp] = Int32(w); sp += 1; onStack[w] = true
                            callNode[cp] = Int32(w); callEdge[cp] = off[w]; cp += 1
                        } else if onStack[w] {
                            low[v] = min(low[v], index[w])
                        }
                        continue
                    }
                    cp -= 1
                    if cp > 0 { let p = Int(callNode[cp - 1]); low[p] = min(low[p], low[v]) }
                    if low[v] == index[v] {
                        while true {
                            sp -= 1
                            let w = Int(stack[sp])
                            onStack[w] = false
                            component[w] = count
                            if w == v { break }
                        }
                        count += 1
                    }
                }
            }
        }}}}}}}}}
        return (component, Int(count))
    }

    /// Strongly connected components, each sorted, largest first (ties by smallest member).
    ///
    /// - Complexity: O(V + E + C log C) for C components.
    public func strongComponents() -> [[Int32]] {
        let (membership, count) = strongComponentMembership()
        return Self.groups(membership, count: count)
    }

    /// Core numbers (the largest k such that the actor is in the k-core), as networkx's
    /// `core_number`: degree is in + out degree in a directed graph.
    ///
    /// Batagelj, V. & Zaveršnik, M. (2003). An O(m) algorithm for cores decomposition of networks.
    /// arXiv:cs/0310049.
    /// - Complexity: O(V + E) (bin sort by degree).
    public func coreNumbers() -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var degree = (0..<n).map { outRange($0).count + (isDirected ? inRange($0).count : 0) }
        let maxDegree = degree.max() ?? 0
        var bin = [Int](repeating: 0, count: maxDegree + 1)
        for d in degree { bin[d] += 1 }
        var start = 0
        for d in 0...maxDegree { let c = bin[d]; bin[d] = start; start += c }
        var position = [Int](repeating: 0, count: n)
        var vertices = [Int](repeating: 0, count: n)
        for v in 0..<n { position[v] = bin[degree[v]]; vertices[position[v]] = v; bin[degree[v]] += 1 }
        for d in stride(from: maxDegree, to: 0, by: -1) { bin[d] = bin[d - 1] }
        bin[0] = 0
        func lower(_ u: Int, below v: Int) {
            guard degree[u] > degree[v] else { return }
            let du = degree[u], pu = position[u], pw = bin[du], w = vertices[pw]
            if u != w { position[u] = pw; vertices[pu] = w; position[w] = pu; vertices[pw] = u }
            bin[du] += 1
            degree[u] -= 1
        }
        for i in 0..<n {
            let v = vertices[i]
            for k in outRange(v) { lower(Int(outTargets[k]), below: v) }
            if isDirected { for k in inRange(v) { lower(Int(inSources[k]), below: v) } }
        }
        return degree
    }
}
