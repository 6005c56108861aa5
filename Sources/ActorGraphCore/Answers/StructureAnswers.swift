/// Communities found by Louvain on a view, with their modularity.
public struct Communities: Sendable, Hashable, Codable {
    public var filter: String
    public var algorithm: String
    public var seed: UInt64
    public var resolution: Double
    public var modularity: Double
    /// The communities, largest first; actors in the view's order within each.
    public var communities: [[ActorID]]

    /// The community of each actor (an index into ``communities``). O(n).
    public var membership: [ActorID: Int] {
        var map: [ActorID: Int] = [:]
        for (k, group) in communities.enumerated() { for a in group { map[a] = k } }
        return map
    }
}

/// Connected components and core numbers of a view.
public struct Components: Sendable, Hashable, Codable {
    /// Weakly connected components (direction ignored), largest first.
    public var weak: [[ActorID]]
    /// Strongly connected components (equal to the weak ones in an undirected view), largest first.
    public var strong: [[ActorID]]
    /// Each actor's core number.
    public var coreNumbers: [ActorID: Int]

    /// The innermost core: its k and its actors in the view's order.
    public var innermostCore: (k: Int, actors: [ActorID]) {
        let k = coreNumbers.values.max() ?? 0
        return (k, order.filter { coreNumbers[$0] == k })
    }

    /// The view's actors in order (for listing cores).
    var order: [ActorID]

    private enum Key: String, CodingKey { case weakComponents, strongComponents, coreNumbers }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(weak, forKey: .weakComponents)
        try c.encode(strong, forKey: .strongComponents)
        try c.encode(Dictionary(uniqueKeysWithValues: coreNumbers.map { ($0.key.rawValue, $0.value) }), forKey: .coreNumbers)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        weak = try c.decode([[ActorID]].self, forKey: .weakComponents)
        strong = try c.decode([[ActorID]].self, forKey: .strongComponents)
        let cores = try c.decode([String: Int].self, forKey: .coreNumbers)
        coreNumbers = Dictionary(uniqueKeysWithValues: cores.map { (ActorID($0.key), $0.value) })
        order = coreNumbers.keys.sorted()
    }

    init(weak: [[ActorID]], strong: [[ActorID]], coreNumbers: [ActorID: Int], order: [ActorID]) {
        self.weak = weak
        self.strong = strong
        self.coreNumbers = coreNumbers
        self.order = order
    }
}

extension GraphView {
    /// Louvain communities of the view's undirected shadow, deterministic for a seed; weighted by
    /// the view's edge weights unless its weight rule is `unit`.
    ///
    /// Blondel, V., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of
    /// communities in large networks. *J. Stat. Mech.* P10008.
    ///
    /// ```swift
    /// let found = graph.view().communities(seed: 42)
    /// print(found.communities.count, found.modularity)   // 2 and their modularity
    /// let same = found.membership["arden-gov"] == found.membership["mara-voss"]
    /// ```
    ///
    /// - Complexity: about O(E) per pass, a few passes per level.
    public func communities(resolution: Double = 1, seed: UInt64 = 42) -> Communities {
        let partition = analysis.louvain(weighted: weights != .unit, resolution: resolution, seed: seed)
        return Communities(filter: filter.summary, algorithm: "louvain", seed: seed, resolution: resolution,
                           modularity: partition.modularity, communities: partition.groups.map(ids))
    }

    /// Modularity of a partition of the view's actors, on its undirected shadow:
    /// Q = Σ_c [L_c/m − γ (d_c/2m)²] for resolution γ, as networkx's `community.modularity`.
    /// Actors missing from `membership` each form a community of their own.
    ///
    /// Newman, M. E. J. (2006). Modularity and community structure in networks. *PNAS* 103(23),
    /// 8577–8582.
    ///
    /// ```swift
    /// let view = graph.view()
    /// let camps: [ActorID: Int] = ["arden-gov": 0, "coast-league": 0, "hill-brigade": 0,
    ///                              "mara-voss": 1, "north-council": 1]
    /// let q = view.modularity(of: camps)   // compare: view.communities().modularity
    /// ```
    ///
    /// - Complexity: O(V + E).
    public func modularity(of membership: [ActorID: Int], resolution: Double = 1) -> Double {
        var labels: [Int: Int32] = [:]
        var next = Int32(0)
        let vector: [Int32] = actors.map { a in
            let key = membership[a] ?? (-1 - Int(index[a]!))
            if let l = labels[key] { return l }
            labels[key] = next
            next += 1
            return next - 1
        }
        return analysis.modularity(of: vector, weighted: weights != .unit, resolution: resolution)
    }

    /// Weak and strong components and core numbers.
    ///
    /// Weak components by union-find; strong ones by Tarjan's algorithm, iterative (Tarjan, R.
    /// (1972). Depth-first search and linear graph algorithms. *SIAM J. Comput.* 1(2)); core
    /// numbers by bin sort (Batagelj, V. & Zaveršnik, M. (2003). An O(m) algorithm for cores
    /// decomposition of networks. arXiv:cs/0310049).
    ///
    /// ```swift
    /// let opposition = graph.view(RelationFilter(types: [.opposes])).components()
    /// print(opposition.weak.count, opposition.strong.count)   // 1 4
    /// print(graph.view().components().innermostCore.k)        // 2
    /// ```
    ///
    /// - Complexity: O(V + E) (union-find, iterative Tarjan, Batagelj–Zaveršnik cores).
    public func components() -> Components {
        let cores = analysis.coreNumbers()
        var coreMap: [ActorID: Int] = [:]
        coreMap.reserveCapacity(actorCount)
        for (v, c) in cores.enumerated() { coreMap[actors[v]] = c }
        return Components(weak: analysis.weakComponents().map(ids), strong: analysis.strongComponents().map(ids),
                          coreNumbers: coreMap, order: actors)
    }

    private func ids(_ nodes: [Int32]) -> [ActorID] { nodes.map { analysis.nodeIDs[Int($0)] } }
}
