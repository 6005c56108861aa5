import ActorGraphCore
import ActorGraphFormats

/// What changed between two dates: the relations that began and those that ended in the window,
/// and the actors whose centrality rank moved most between the graph as of the first date and as
/// of the second (``RelationFilter/asOf`` views: relations begun by then, not yet ended, dated).
///
/// JSON: `{from, to, measure, actorsFrom, actorsTo, begun: [CitedRelation…], ended: [CitedRelation…],
/// movers: [{actor, name, rankFrom, rankTo, scoreFrom, scoreTo, change}]}`; a rank is `null` for an
/// actor absent from that view, `change` is `rankFrom − rankTo` (positive: rose), `null` when
/// either rank is.
public struct GraphDiff: Sendable, Codable {
    public struct Mover: Sendable, Codable, Hashable {
        public var actor: ActorID
        public var name: String
        public var rankFrom: Int?
        public var rankTo: Int?
        public var scoreFrom: Double?
        public var scoreTo: Double?
        public var change: Int?

        private enum Key: String, CodingKey { case actor, name, rankFrom, rankTo, scoreFrom, scoreTo, change }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(actor, forKey: .actor)
            try c.encode(name, forKey: .name)
            try c.encode(rankFrom, forKey: .rankFrom)
            try c.encode(rankTo, forKey: .rankTo)
            try c.encode(scoreFrom, forKey: .scoreFrom)
            try c.encode(scoreTo, forKey: .scoreTo)
            try c.encode(change, forKey: .change)
        }
        public init(actor: ActorID, name: String, rankFrom: Int?, rankTo: Int?, scoreFrom: Double?, scoreTo: Double?, change: Int?) {
            self.actor = actor
            self.name = name
            self.rankFrom = rankFrom
            self.rankTo = rankTo
            self.scoreFrom = scoreFrom
            self.scoreTo = scoreTo
            self.change = change
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            self.init(actor: try c.decode(ActorID.self, forKey: .actor), name: try c.decode(String.self, forKey: .name),
                      rankFrom: try c.decodeIfPresent(Int.self, forKey: .rankFrom), rankTo: try c.decodeIfPresent(Int.self, forKey: .rankTo),
                      scoreFrom: try c.decodeIfPresent(Double.self, forKey: .scoreFrom), scoreTo: try c.decodeIfPresent(Double.self, forKey: .scoreTo),
                      change: try c.decodeIfPresent(Int.self, forKey: .change))
        }
    }

    public var from: PartialDate
    public var to: PartialDate
    public var measure: Measure
    /// Actors in the view as of `from` and as of `to`.
    public var actorsFrom: Int
    public var actorsTo: Int
    /// Relations whose date falls in the window (from the first day of `from` to the last of `to`), oldest first.
    public var begun: [CitedRelation]
    /// Relations whose `until` falls in the window, oldest first.
    public var ended: [CitedRelation]
    /// Actors by how far their rank moved (largest first), then actors that entered or left.
    public var movers: [Mover]

    /// Compares `graph` as of `from` and as of `to` (`from` ≤ `to`), keeping the `top` largest
    /// movers (0: all). The view takes `filter`'s other rules (types, modalities, kinds).
    ///
    /// - Complexity: O(R log R) plus two centrality computations.
    public init(graph: ActorGraph, from: PartialDate, to: PartialDate, measure: Measure = .degree,
                filter: RelationFilter = RelationFilter(), top: Int = 10) throws {
        precondition(!(to < from), "from must not be after to")
        self.from = from
        self.to = to
        self.measure = measure
        let documents = graph.documentsByID
        var base = filter
        base.asOf = nil
        base.between = nil
        let inWindow = { (d: PartialDate) in d.start >= from.start && d.start <= to.end }
        let endsInWindow = { (d: PartialDate) in d.end >= from.start && d.end <= to.end }
        let kinds = Dictionary(graph.actors.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let candidates = graph.relations.filter { base.keeps($0, kind: { kinds[$0] }) }.sorted(by: Relation.chronological)
        begun = candidates.filter { $0.date.map(inWindow) ?? false }.map { CitedRelation($0, documents: documents) }
        ended = candidates.filter { $0.until.map(endsInWindow) ?? false }.map { CitedRelation($0, documents: documents) }

        var atFrom = base, atTo = base
        atFrom.asOf = from
        atTo.asOf = to
        let viewFrom = graph.view(atFrom, mode: .undirected), viewTo = graph.view(atTo, mode: .undirected)
        actorsFrom = viewFrom.actorCount
        actorsTo = viewTo.actorCount
        func ranks(_ view: GraphView) throws -> [ActorID: (Int, Double)] {
            guard view.actorCount > 0 else { return [:] }
            var out: [ActorID: (Int, Double)] = [:]
            for (i, r) in try view.centrality(measure).ranking.enumerated() { out[r.actor] = (i + 1, r.score) }
            return out
        }
        let before = try ranks(viewFrom), after = try ranks(viewTo)
        let names = graph.actorsByID
        var moved: [Mover] = []
        for id in Set(before.keys).union(after.keys) {
            let b = before[id], a = after[id]
            moved.append(Mover(actor: id, name: names[id]?.name ?? id.rawValue, rankFrom: b?.0, rankTo: a?.0,
                               scoreFrom: b?.1, scoreTo: a?.1, change: b.flatMap { b in a.map { b.0 - $0.0 } }))
        }
        moved.sort { x, y in
            switch (x.change, y.change) {
            case let (p?, q?) where abs(p) != abs(q): return abs(p) > abs(q)
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil) where (x.rankTo ?? Int.max) != (y.rankTo ?? Int.max): return (x.rankTo ?? Int.max) < (y.rankTo ?? Int.max)
            default: return x.actor < y.actor
            }
        }
        movers = top > 0 ? Array(moved.prefix(top)) : moved
    }

    /// The diff for people: the window, begun and ended relations with their first quotes, the movers.
    public func text(_ formatter: RelationFormatter) -> String {
        var out = "From \(from) to \(to): \(begun.count) relations began, \(ended.count) ended; "
        out += "\(actorsFrom) actors as of \(from), \(actorsTo) as of \(to)\n"
        out += "\nBegun (\(begun.count)):\n"
        out += begun.isEmpty ? "  none\n" : begun.map { formatter.line($0) + "\n" }.joined()
        out += "\nEnded (\(ended.count)):\n"
        out += ended.isEmpty ? "  none\n" : ended.map { formatter.line($0) + "\n" }.joined()
        out += "\nCentrality rank (\(measure.rawValue), undirected), as of \(from) → as of \(to), largest moves first:\n"
        if movers.isEmpty { out += "  none\n" }
        for m in movers {
            let b = m.rankFrom.map { "#\($0)" } ?? "absent", a = m.rankTo.map { "#\($0)" } ?? "absent"
            let change: String
            if let c = m.change { change = c > 0 ? "up \(c)" : c < 0 ? "down \(-c)" : "unchanged" }
            else { change = m.rankFrom == nil ? "entered" : "left" }
            out += "  \(m.name) (\(m.actor)): \(b) → \(a)  \(change)\n"
        }
        return out
    }
}
