/// The sign each relation type carries in signed analysis.
public struct SignRule: Sendable, Hashable {
    public var supports = 1
    public var hosts = 1
    public var opposes = -1
    /// 0: meetings carry no sign (the default); +1 to count them as positive ties.
    public var meets = 0

    public init(supports: Int = 1, hosts: Int = 1, opposes: Int = -1, meets: Int = 0) {
        self.supports = supports
        self.hosts = hosts
        self.opposes = opposes
        self.meets = meets
    }

    public func sign(of type: RelationType) -> Int {
        switch type {
        case .supports: return supports
        case .hosts: return hosts
        case .opposes: return opposes
        case .meets: return meets
        }
    }
}

/// An unordered pair of actors with the signed relations between them.
@_spi(Kernels) public struct SignedDyad: Sendable, Hashable {
    public var a: Int32
    public var b: Int32
    /// Indices into the graph's relations.
    public var positive: [Int32]
    public var negative: [Int32]

    /// +1 or −1; 0 when the pair is ambivalent (evidence both ways).
    public var sign: Int { positive.isEmpty ? -1 : (negative.isEmpty ? 1 : 0) }
    public var isAmbivalent: Bool { !positive.isEmpty && !negative.isEmpty }
    public var relations: [Int32] { positive + negative }
}

/// The signed, undirected view of a graph: one dyad per pair with signed relations.
///
/// Direction is ignored (a tie of support either way is a positive tie). Pairs with both positive
/// and negative relations are *ambivalent*: they are reported, never netted, and left out of the
/// balance census and the camp split.
@_spi(Kernels) public struct SignedGraph: Sendable {
    public let graph: ActorGraph
    public let actors: [ActorID]
    public let dyads: [SignedDyad]
    /// neighbours[v] = (other actor, dyad index), sorted by actor.
    public let neighbours: [[(Int32, Int32)]]

    /// The signed pairs of a view's relations, over the view's actors.
    ///
    /// - Complexity: O(A + R log R).
    public init(_ view: GraphView, signs: SignRule = SignRule()) {
        let graph = view.graph
        self.graph = graph
        actors = view.actors
        var byPair: [UInt64: Int] = [:]
        var dyads: [SignedDyad] = []
        for r in view.kept {
            let relation = graph.relations[Int(r)]
            let sign = signs.sign(of: relation.type)
            let (s, t) = view.nodes(ofRelation: r)
            guard sign != 0, s >= 0, t >= 0, s != t else { continue }
            let (a, b) = s < t ? (s, t) : (t, s)
            let key = UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))
            let d = byPair[key] ?? { byPair[key] = dyads.count; dyads.append(SignedDyad(a: a, b: b, positive: [], negative: [])); return dyads.count - 1 }()
            if sign > 0 { dyads[d].positive.append(r) } else { dyads[d].negative.append(r) }
        }
        dyads.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        var neighbours = [[(Int32, Int32)]](repeating: [], count: actors.count)
        for (k, d) in dyads.enumerated() {
            neighbours[Int(d.a)].append((d.b, Int32(k)))
            neighbours[Int(d.b)].append((d.a, Int32(k)))
        }
        for v in 0..<neighbours.count { neighbours[v].sort { $0.0 < $1.0 } }
        self.dyads = dyads
        self.neighbours = neighbours
    }

    public var ambivalentDyads: [SignedDyad] { dyads.filter(\.isAmbivalent) }

    // MARK: Allies and adversaries

    /// One actor's tie to another: directly (one dyad) or in two steps (two dyads).
    public struct Tie: Sendable, Hashable {
        public var actor: ActorID
        /// The dyads of the chain: one for a direct tie, two for a two-step one.
        public var via: [SignedDyad]
        /// For two-step ties, the actor in the middle.
        public var through: ActorID?
        /// +1 ally, −1 adversary, 0 ambivalent (direct ties only).
        public var sign: Int
    }

    /// Allies and adversaries of `actor`: direct ones (+: supports/hosts either way; −: opposes),
    /// ambivalent ones, and two-step ones for actors with no direct tie: friend of a friend or
    /// enemy of an enemy (+), friend of an enemy or enemy of a friend (−). A two-step actor reached
    /// both ways is listed under both.
    ///
    /// - Complexity: O(d²) for an actor with d signed neighbours.
    public func ties(of actor: ActorID) -> (direct: [Tie], twoStep: [Tie]) {
        guard let x = actors.firstIndex(of: actor) else { return ([], []) }
        var direct: [Tie] = []
        var directSet = Set<Int32>([Int32(x)])
        for (y, d) in neighbours[x] {
            directSet.insert(y)
            let dyad = dyads[Int(d)]
            direct.append(Tie(actor: actors[Int(y)], via: [dyad], through: nil, sign: dyad.sign))
        }
        var twoStep: [Tie] = []
        var seen = Set<String>()
        for (y, d1) in neighbours[x] where !dyads[Int(d1)].isAmbivalent {
            let first = dyads[Int(d1)]
            for (z, d2) in neighbours[Int(y)] where !directSet.contains(z) && !dyads[Int(d2)].isAmbivalent {
                let second = dyads[Int(d2)]
                let sign = first.sign * second.sign
                let key = "\(z)|\(y)|\(sign)"
                guard seen.insert(key).inserted else { continue }
                twoStep.append(Tie(actor: actors[Int(z)], via: [first, second], through: actors[Int(y)], sign: sign))
            }
        }
        twoStep.sort { ($0.sign, $0.actor, $0.through ?? "") > ($1.sign, $1.actor, $1.through ?? "") }
        return (direct.sorted { ($0.sign, $0.actor) > ($1.sign, $1.actor) }, twoStep)
    }

    // MARK: Structural balance

    /// A signed triangle: three actors and the three dyads joining them.
    public struct Triangle: Sendable, Hashable {
        public var actors: [ActorID]
        public var dyads: [SignedDyad]
        public var negatives: Int { dyads.filter { $0.sign < 0 }.count }
        /// Heider balance: an even number of negative ties.
        public var isBalanced: Bool { negatives % 2 == 0 }
        /// "+++", "++−", "+−−" or "−−−".
        public var pattern: String {
            String(repeating: "+", count: 3 - negatives) + String(repeating: "−", count: negatives)
        }
    }

    /// Every triangle of non-ambivalent dyads.
    ///
    /// - Complexity: O(Σ d²) over actors (neighbour-list intersection).
    public func triangles() -> [Triangle] {
        var result: [Triangle] = []
        var mark = [Int32](repeating: -1, count: actors.count)
        for u in 0..<actors.count {
            for (v, _) in neighbours[u] where Int(v) > u { mark[Int(v)] = Int32(u) }
            for (v, duv) in neighbours[u] where Int(v) > u && !dyads[Int(duv)].isAmbivalent {
                for (w, dvw) in neighbours[Int(v)] where w > v && mark[Int(w)] == Int32(u) && !dyads[Int(dvw)].isAmbivalent {
                    guard let duw = neighbours[u].first(where: { $0.0 == w })?.1, !dyads[Int(duw)].isAmbivalent else { continue }
                    result.append(Triangle(actors: [actors[u], actors[Int(v)], actors[Int(w)]],
                                           dyads: [dyads[Int(duv)], dyads[Int(dvw)], dyads[Int(duw)]]))
                }
            }
            for (v, _) in neighbours[u] where Int(v) > u { mark[Int(v)] = -1 }
        }
        return result
    }

    /// Counts of triangles by pattern: "+++", "++−", "+−−", "−−−".
    public func triangleCensus() -> [String: Int] {
        var census = ["+++": 0, "++−": 0, "+−−": 0, "−−−": 0]
        for t in triangles() { census[t.pattern, default: 0] += 1 }
        return census
    }
}
