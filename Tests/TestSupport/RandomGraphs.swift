import ActorGraphCore

/// The seeded generator property tests use: Core's SplitMix64, so tests are reproducible.
public typealias SeededGenerator = SplitMix64

/// Names that break naive writers: quotes, backslashes, line breaks, markup, DOT keywords,
/// leading digits, colons, right-to-left and non-Latin scripts.
public let awkwardNames: [String] = [
    "Kata'ib \"Hezbollah\"", "back\\slash", "trail\\", "line\nbreak", "tab\there", "<b>not html</b>",
    "a & b", "graph", "NODE", "Strict", "1abc", "-1.5", "a:b", "حماس", "עברית", "Ünïcødé", "日本語",
    "  padded  ", "yes", "null", "~", "#hash", "- dash", "key: value", "{brace}", "[bracket]",
    "emoji 🙂", "\u{2028}sep", "percent %s", "",
]

/// A random but valid graph: `actors` actors with awkward names, `relations` relations of every
/// type and modality, dates of every precision, evidence from a few documents, memberships
/// without cycles.
public func randomGraph(seed: UInt64, actors: Int = 30, relations: Int = 80) -> ActorGraph {
    var rng = SeededGenerator(seed: seed)
    func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }
    func text() -> String {
        let base = pick(awkwardNames)
        return base.isEmpty ? "x\(Int.random(in: 0..<1000, using: &rng))" : base
    }
    func date() -> PartialDate? {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return nil
        case 1: return PartialDate(year: Int.random(in: 1990...2030, using: &rng))
        case 2: return PartialDate(year: Int.random(in: 1990...2030, using: &rng),
                                   month: Int.random(in: 1...12, using: &rng))
        default: return PartialDate(year: Int.random(in: 1990...2030, using: &rng),
                                    month: Int.random(in: 1...12, using: &rng),
                                    day: Int.random(in: 1...28, using: &rng))
        }
    }
    var graph = ActorGraph(title: text(), description: Bool.random(using: &rng) ? text() : nil)
    for k in 0..<3 {
        graph.documents.append(Document(id: DocumentID("doc-\(k)"), path: "docs/\(k).txt",
                                        title: text(), outlet: Bool.random(using: &rng) ? text() : nil,
                                        published: date(), url: nil, notes: nil))
    }
    for k in 0..<actors {
        var memberships: [Membership] = []
        if k > 0, Int.random(in: 0..<3, using: &rng) == 0 {
            // Only earlier actors: never a cycle.
            memberships.append(Membership(actor: ActorID("actor-\(Int.random(in: 0..<k, using: &rng))"),
                                          role: Bool.random(using: &rng) ? text() : nil,
                                          date: date(), until: nil))
        }
        graph.actors.append(ActorNode(
            id: ActorID("actor-\(k)"), name: text() + " \(k)", kind: pick(ActorKind.allCases),
            aliases: (0..<Int.random(in: 0...2, using: &rng)).map { _ in text() },
            country: Bool.random(using: &rng) ? pick(["IQ", "IR", "US", "PS"]) : nil,
            memberOf: memberships, notes: Bool.random(using: &rng) ? text() : nil))
    }
    for k in 0..<relations {
        let s = Int.random(in: 0..<actors, using: &rng)
        var t = Int.random(in: 0..<actors - 1, using: &rng)
        if t >= s { t += 1 }
        let start = date()
        var until: PartialDate?
        if let start, Bool.random(using: &rng) { until = PartialDate(year: start.year + 1) }
        graph.relations.append(Relation(
            id: RelationID("rel-\(k)"), source: ActorID("actor-\(s)"), target: ActorID("actor-\(t)"),
            type: pick(RelationType.allCases), label: Bool.random(using: &rng) ? text() : nil,
            date: start, until: until, modality: pick(Modality.allCases),
            evidence: (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                Evidence(document: DocumentID("doc-\(Int.random(in: 0..<3, using: &rng))"), quote: text())
            },
            weight: Bool.random(using: &rng) ? Double(Int.random(in: 1...10, using: &rng)) / 4 : nil,
            notes: Bool.random(using: &rng) ? text() : nil))
    }
    return graph
}
