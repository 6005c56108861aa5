/// An actor's allies and adversaries in a view: direct ties and two-step ones, with the
/// relations behind each.
///
/// Signs come from a ``SignRule`` (supports and hosts +, opposes −, meets none by default);
/// direction is ignored. A pair with both positive and negative relations is ambivalent: listed as
/// such, never netted, and not followed for two-step ties.
public struct AlliesReport: Sendable, Hashable, Codable {
    /// A tie of ``AlliesReport/actor`` to another actor.
    public struct Tie: Sendable, Hashable, Codable {
        public var actor: ActorID
        public var name: String
        /// +1 ally, −1 adversary, 0 ambivalent (direct ties only).
        public var sign: Int
        /// For a two-step tie, the actor in the middle.
        public var through: ActorID?
        /// The relations of the first step (the direct tie), oldest first.
        public var relations: [CitedRelation]
        /// For a two-step tie, the relations of the second step (`through` to `actor`).
        public var secondStep: [CitedRelation]

        private enum Key: String, CodingKey { case actor, name, sign, through, relations }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(actor, forKey: .actor)
            try c.encode(name, forKey: .name)
            try c.encode(sign, forKey: .sign)
            try c.encode(through, forKey: .through)
            try c.encode(relations + secondStep, forKey: .relations)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            actor = try c.decode(ActorID.self, forKey: .actor)
            name = try c.decode(String.self, forKey: .name)
            sign = try c.decode(Int.self, forKey: .sign)
            through = try c.decodeIfPresent(ActorID.self, forKey: .through)
            let all = try c.decode([CitedRelation].self, forKey: .relations)
            // JSON lists both steps together; the second step's relations are those touching
            // `actor` (the first step joins the report's actor and `through`).
            let who = actor
            let touches = { (c: CitedRelation) in c.relation.source == who || c.relation.target == who }
            relations = through == nil ? all : all.filter { !touches($0) }
            secondStep = through == nil ? [] : all.filter(touches)
        }

        init(actor: ActorID, name: String, sign: Int, through: ActorID?, relations: [CitedRelation],
             secondStep: [CitedRelation]) {
            self.actor = actor
            self.name = name
            self.sign = sign
            self.through = through
            self.relations = relations
            self.secondStep = secondStep
        }
    }

    public var actor: ActorID
    public var name: String
    public var filter: String
    public var allies: [Tie]
    public var adversaries: [Tie]
    public var ambivalent: [Tie]
    /// Friend of a friend, or enemy of an enemy.
    public var twoStepAllies: [Tie]
    /// Friend of an enemy, or enemy of a friend.
    public var twoStepAdversaries: [Tie]
}

/// Structural balance of a view's signed graph: the triangle census, the unbalanced triangles,
/// the ambivalent pairs and the best split into two camps, each with its evidence.
public struct BalanceReport: Sendable, Hashable, Codable {
    /// Triangles by their signs.
    public struct Census: Sendable, Hashable, Codable {
        public var allPositive = 0
        public var twoPositive = 0
        public var onePositive = 0
        public var allNegative = 0

        /// The count for a pattern "+++", "++−", "+−−" or "−−−".
        public subscript(pattern: String) -> Int {
            switch pattern {
            case "+++": return allPositive
            case "++−": return twoPositive
            case "+−−": return onePositive
            default: return allNegative
            }
        }

        /// The four patterns in census order.
        public static let patterns = ["+++", "++−", "+−−", "−−−"]

        public var total: Int { allPositive + twoPositive + onePositive + allNegative }
        /// Heider-balanced triangles: +++ and +−−.
        public var balanced: Int { allPositive + onePositive }


        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: AnswerKey.self)
            for p in Self.patterns { try c.encode(self[p], forKey: AnswerKey(p)) }
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: AnswerKey.self)
            let v = try Self.patterns.map { try c.decode(Int.self, forKey: AnswerKey($0)) }
            (allPositive, twoPositive, onePositive, allNegative) = (v[0], v[1], v[2], v[3])
        }

        init() {}
    }

    /// A pair of actors and the signed relations between them.
    public struct Pair: Sendable, Hashable, Codable {
        public var actors: [ActorID]
        /// +1, −1, or 0 for an ambivalent pair.
        public var sign: Int
        public var relations: [CitedRelation]
    }

    /// An unbalanced triangle.
    public struct Triangle: Sendable, Hashable, Codable {
        public var actors: [ActorID]
        /// "++−" or "−−−".
        public var pattern: String
        public var relations: [CitedRelation]
    }

    /// Two camps that violate as few ties as possible.
    public struct Split: Sendable, Hashable, Codable {
        /// Whether the split is proved optimal.
        public var exact: Bool
        public var method: String
        public var camps: [[ActorID]]
        /// Ties violating the split: negative inside a camp (sign −1) or positive across (+1).
        public var violations: [Pair]
    }

    public var filter: String
    /// Whether meetings counted as positive ties.
    public var meetsPositive: Bool
    public var signedPairs: Int
    public var census: Census
    /// Balanced triangles over all triangles; nil without triangles.
    public var balancedShare: Double?
    public var unbalanced: [Triangle]
    public var ambivalent: [Pair]
    public var split: Split

    private enum Key: String, CodingKey {
        case filter, meetsPositive, signedPairs, census, balancedShare, unbalanced, ambivalent, split
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(filter, forKey: .filter)
        try c.encode(meetsPositive, forKey: .meetsPositive)
        try c.encode(signedPairs, forKey: .signedPairs)
        try c.encode(census, forKey: .census)
        try c.encode(balancedShare, forKey: .balancedShare)
        try c.encode(unbalanced, forKey: .unbalanced)
        try c.encode(ambivalent, forKey: .ambivalent)
        try c.encode(split, forKey: .split)
    }
}

extension GraphView {
    /// The allies and adversaries of `actor` (see ``AlliesReport``): direct ties, and two-step
    /// ties read by Heider's balance rules (the friend of a friend and the enemy of an enemy are
    /// allies). Heider, F. (1946). Attitudes and cognitive organization. *J. Psychology* 21,
    /// 107–112.
    ///
    /// ```swift
    /// let report = try graph.view().allies(of: "coast-league")
    /// print(report.allies.map(\.name), report.adversaries.map(\.name))
    /// // ["Hill Brigade", "Government of Arden"] ["Northern Council"]
    /// ```
    ///
    /// - Complexity: O(A + R log R) to sign the view, then O(d²) for an actor with d signed
    ///   neighbours.
    /// - Throws: ``AnalysisError/unknownActor(_:)``.
    public func allies(of actor: ActorID, signs: SignRule = SignRule()) throws -> AlliesReport {
        _ = try node(actor)
        let signed = SignedGraph(self, signs: signs)
        let ties = signed.ties(of: actor)
        let names = graph.actorsByID
        func name(_ id: ActorID) -> String { names[id]?.name ?? id.rawValue }
        func tie(_ t: SignedGraph.Tie) -> AlliesReport.Tie {
            AlliesReport.Tie(actor: t.actor, name: name(t.actor), sign: t.sign, through: t.through,
                             relations: cited(t.via[0].relations),
                             secondStep: t.via.count > 1 ? cited(t.via[1].relations) : [])
        }
        let direct = ties.direct.map(tie), twoStep = ties.twoStep.map(tie)
        return AlliesReport(actor: actor, name: name(actor), filter: filter.summary,
                            allies: direct.filter { $0.sign > 0 }, adversaries: direct.filter { $0.sign < 0 },
                            ambivalent: direct.filter { $0.sign == 0 },
                            twoStepAllies: twoStep.filter { $0.sign > 0 },
                            twoStepAdversaries: twoStep.filter { $0.sign < 0 })
    }

    /// Structural balance of the view (see ``BalanceReport``): the census of signed triangles,
    /// and the split into two camps that is exact (branch and bound) for components of up to
    /// `exactLimit` actors and the best of seeded local-search restarts beyond.
    ///
    /// Heider, F. (1946). Attitudes and cognitive organization. *J. Psychology* 21, 107–112.
    /// Doreian, P. & Mrvar, A. (1996). A partitioning approach to structural balance. *Social
    /// Networks* 18(2), 149–168.
    ///
    /// ```swift
    /// let balance = graph.view().balance()
    /// print(balance.census.total, balance.census.balanced)        // 2 1
    /// print(balance.unbalanced.map(\.pattern), balance.split.camps.count)   // ["++−"] 2
    /// ```
    ///
    /// - Complexity: O(Σ d²) for the triangles; the exact split is exponential in the component
    ///   size, bounded by a search budget.
    public func balance(signs: SignRule = SignRule(), exactLimit: Int = 64) -> BalanceReport {
        let signed = SignedGraph(self, signs: signs)
        let triangles = signed.triangles()
        var census = BalanceReport.Census()
        for t in triangles {
            switch t.negatives {
            case 0: census.allPositive += 1
            case 1: census.twoPositive += 1
            case 2: census.onePositive += 1
            default: census.allNegative += 1
            }
        }
        func pair(_ d: SignedDyad) -> BalanceReport.Pair {
            BalanceReport.Pair(actors: [signed.actors[Int(d.a)], signed.actors[Int(d.b)]], sign: d.sign,
                               relations: cited(d.relations))
        }
        let split = signed.bestSplit(exactLimit: exactLimit)
        let camps = [0, 1].map { c in signed.actors.indices.filter { split.camp[$0] == c }.map { signed.actors[$0] } }
        return BalanceReport(
            filter: filter.summary, meetsPositive: signs.meets > 0, signedPairs: signed.dyads.count, census: census,
            balancedShare: triangles.isEmpty ? nil : Double(census.balanced) / Double(census.total),
            unbalanced: triangles.filter { !$0.isBalanced }.map { t in
                BalanceReport.Triangle(actors: t.actors, pattern: t.pattern, relations: t.dyads.flatMap { cited($0.relations) })
            },
            ambivalent: signed.ambivalentDyads.map(pair),
            split: BalanceReport.Split(exact: split.isExact, method: split.method, camps: camps,
                                       violations: split.violations.map(pair)))
    }
}
