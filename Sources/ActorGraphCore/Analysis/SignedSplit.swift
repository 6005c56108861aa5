extension SignedGraph {
    // MARK: Two camps

    /// A split of the actors with signed ties into two camps.
    public struct Split: Sendable {
        /// Camp (0 or 1) of each actor in `actors`; nil for actors without signed ties.
        public var camp: [Int?]
        /// Dyads violating the split: negative inside a camp, or positive across.
        public var violations: [SignedDyad]
        /// Whether the split is proved optimal (exhaustive or branch-and-bound search).
        public var isExact: Bool
        public var method: String
    }

    /// The split into two camps that violates the fewest dyads (the frustration index for two
    /// groups, Harary's line index of balance), per connected component: exact by
    /// branch-and-bound for components of at most `exactLimit` actors (and within a search budget),
    /// otherwise the best of seeded local-search restarts, labelled as such. Ambivalent dyads are
    /// left out.
    ///
    /// Doreian, P. & Mrvar, A. (1996). A partitioning approach to structural balance. *Social
    /// Networks* 18(2), 149–168.
    /// - Complexity: exponential in the component size for the exact search (bounded by the budget);
    ///   O(restarts·E·passes) for local search.
    public func bestSplit(exactLimit: Int = 64, budget: Int = 5_000_000, seed: UInt64 = 42) -> Split {
        let n = actors.count
        var camp = [Int?](repeating: nil, count: n)
        var exact = true
        var methods = Set<String>()
        // Components over non-ambivalent dyads.
        var component = [Int](repeating: -1, count: n)
        var components: [[Int]] = []
        for s in 0..<n where component[s] < 0 && neighbours[s].contains(where: { !dyads[Int($0.1)].isAmbivalent }) {
            var members = [s]
            component[s] = components.count
            var head = 0
            while head < members.count {
                let v = members[head]; head += 1
                for (w, d) in neighbours[v] where component[Int(w)] < 0 && !dyads[Int(d)].isAmbivalent {
                    component[Int(w)] = components.count
                    members.append(Int(w))
                }
            }
            components.append(members)
        }
        var rng = SplitMix64(seed: seed)
        for members in components {
            let local = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
            var edges: [(Int, Int, Int)] = []  // (i, j, sign) in local indices
            for v in members {
                for (w, d) in neighbours[v] where Int(w) > v && !dyads[Int(d)].isAmbivalent {
                    edges.append((local[v]!, local[Int(w)]!, dyads[Int(d)].sign))
                }
            }
            let heuristic = localSearch(size: members.count, edges: edges, restarts: 40, rng: &rng)
            var assignment = heuristic.assignment
            if members.count <= exactLimit,
               let proved = branchAndBound(size: members.count, edges: edges, upperBound: heuristic.cost, budget: budget) {
                if let better = proved.assignment { assignment = better }
                methods.insert("exact (branch and bound)")
            } else {
                exact = false
                methods.insert(members.count <= exactLimit ? "local search (exact search budget exhausted)"
                                                           : "local search (component larger than \(exactLimit))")
            }
            // Canonical orientation: the component's first actor is in camp 0.
            let flip = assignment[0] == 1
            for (i, v) in members.enumerated() { camp[v] = flip ? 1 - assignment[i] : assignment[i] }
        }
        var violations: [SignedDyad] = []
        for d in dyads where !d.isAmbivalent {
            guard let ca = camp[Int(d.a)], let cb = camp[Int(d.b)] else { continue }
            if (d.sign > 0) != (ca == cb) { violations.append(d) }
        }
        return Split(camp: camp, violations: violations, isExact: exact,
                     method: methods.isEmpty ? "exact (no signed ties)" : methods.sorted().joined(separator: "; "))
    }

    func cost(_ a: [Int], _ edges: [(Int, Int, Int)]) -> Int {
        edges.reduce(0) { $0 + (($1.2 > 0) != (a[$1.0] == a[$1.1]) ? 1 : 0) }
    }

    func localSearch(size: Int, edges: [(Int, Int, Int)], restarts: Int,
                     rng: inout SplitMix64) -> (assignment: [Int], cost: Int) {
        var adjacency = [[(Int, Int)]](repeating: [], count: size)
        for (i, j, s) in edges { adjacency[i].append((j, s)); adjacency[j].append((i, s)) }
        var best = [Int](repeating: 0, count: size)
        var bestCost = cost(best, edges)
        for _ in 0..<restarts {
            var a = (0..<size).map { _ in Int.random(in: 0...1, using: &rng) }
            var improved = true
            while improved {
                improved = false
                for v in 0..<size {
                    // Gain of flipping v: violations now minus violations after.
                    var now = 0, after = 0
                    for (w, s) in adjacency[v] {
                        let same = a[v] == a[w]
                        if (s > 0) != same { now += 1 }
                        if (s > 0) != !same { after += 1 }
                    }
                    if after < now { a[v] = 1 - a[v]; improved = true }
                }
            }
            let c = cost(a, edges)
            if c < bestCost { bestCost = c; best = a }
        }
        return (best, bestCost)
    }

    /// Branch and bound over camp assignments; nil when the budget runs out. The returned
    /// assignment is nil when nothing beats `upperBound` (the heuristic was optimal).
    func branchAndBound(size: Int, edges: [(Int, Int, Int)], upperBound: Int,
                        budget: Int) -> (assignment: [Int]?, cost: Int)? {
        if size == 0 { return (nil, 0) }
        var adjacency = [[(Int, Int)]](repeating: [], count: size)
        for (i, j, s) in edges { adjacency[i].append((j, s)); adjacency[j].append((i, s)) }
        // Order: most constrained first (highest degree), then neighbours of the assigned.
        let order = (0..<size).sorted { adjacency[$0].count > adjacency[$1].count }
        var position = [Int](repeating: 0, count: size)
        for (p, v) in order.enumerated() { position[v] = p }
        var a = [Int](repeating: -1, count: size)
        var best = upperBound
        var bestAssignment: [Int]?
        var nodes = 0
        var exhausted = false
        func recurse(_ depth: Int, _ cost: Int) {
            if exhausted { return }
            nodes += 1
            if nodes > budget { exhausted = true; return }
            if depth == size {
                if cost < best { best = cost; bestAssignment = a }
                return
            }
            // Lower bound: each unassigned node's cheaper side against the assigned ones.
            var bound = cost
            for p in depth..<size {
                let v = order[p]
                var c0 = 0, c1 = 0
                for (w, s) in adjacency[v] where a[w] >= 0 {
                    if (s > 0) != (a[w] == 0) { c0 += 1 }
                    if (s > 0) != (a[w] == 1) { c1 += 1 }
                }
                bound += min(c0, c1)
                if bound >= best { return }
            }
            let v = order[depth]
            let sides = depth == 0 ? [0] : [0, 1]  // symmetry: the first actor is in camp 0
            for side in sides {
                var added = 0
                for (w, s) in adjacency[v] where a[w] >= 0 && (s > 0) != (a[w] == side) { added += 1 }
                if cost + added >= best { continue }
                a[v] = side
                recurse(depth + 1, cost + added)
                a[v] = -1
            }
        }
        recurse(0, 0)
        if exhausted { return nil }
        return (bestAssignment, best)
    }
}
