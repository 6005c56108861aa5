/// Formats relations for people: the one place that spells a relation's arrow, dates, modality
/// and quotes, for path answers, actor listings (`show`) and drawing tooltips alike.
public struct RelationFormatter: Sendable {
    let names: [ActorID: String]
    let documents: [DocumentID: Document]

    /// - Complexity: O(A + D).
    public init(_ graph: ActorGraph) {
        var names: [ActorID: String] = [:]
        names.reserveCapacity(graph.actors.count)
        for actor in graph.actors where names[actor.id] == nil { names[actor.id] = actor.name }
        self.names = names
        documents = graph.documentsByID
    }

    /// The actor's name, or its id when the graph does not have it.
    public func name(_ id: ActorID) -> String { names[id] ?? id.rawValue }

    /// "Name (id)".
    public func nameAndID(_ id: ActorID) -> String { "\(name(id)) (\(id))" }

    /// When the relation held: "2023-10", "2023-10 to 2024-06" or "undated".
    public static func span(_ r: Relation) -> String {
        guard let date = r.date else { return "undated" }
        return r.until.map { "\(date) to \($0)" } ?? "\(date)"
    }

    /// The arrow read from one side: `—type→`, backwards `←type—`, or `—type—` for a symmetric type.
    public static func arrow(_ type: RelationType, backwards: Bool = false) -> String {
        if type.isSymmetric { return "—\(type.rawValue)—" }
        return backwards ? "←\(type.rawValue)—" : "—\(type.rawValue)→"
    }

    /// A quote on one line, in straight double quotes, with its source in brackets.
    static func quoted(_ quote: String, source: String) -> String {
        "\"\(TextFolding.singleLine(quote))\" [\(source)]"
    }

    /// One relation on one line, as path answers and evidence listings print it, read from
    /// `from`'s side (backwards when `from` is its target); its first quote follows, further ones
    /// on "also" lines. Quotes cite their document's path when known:
    /// `Iran —supports→ Asaib Ahl al-Haq  (2023-01, asserted) "…" [004_….txt]`.
    public func line(_ cited: CitedRelation, from: ActorID? = nil, indent: String = "  ") -> String {
        let r = cited.relation
        let backwards = from != nil && from == r.target && r.source != from
        let (left, right) = backwards ? (r.target, r.source) : (r.source, r.target)
        var text = "\(indent)\(name(left)) \(Self.arrow(r.type, backwards: backwards)) \(name(right))  ("
        text += "\(Self.span(r)), \(r.modality.rawValue))"
        guard !r.evidence.isEmpty else { return text + " (no evidence)" }
        for (k, e) in r.evidence.enumerated() {
            let source = cited.documentPaths.indices.contains(k) ? cited.documentPaths[k] ?? e.document.rawValue : e.document.rawValue
            text += (k == 0 ? " " : "\n\(indent)    also ") + Self.quoted(e.quote, source: source)
        }
        return text
    }

    /// A relation in an actor's listing, seen from that actor: `  —opposes→ Israel (israel)
    /// (2023-10 to 2024-06, asserted)  label`, then each quote on its own line, cited by document id.
    public func listing(_ r: Relation, outgoing: Bool) -> String {
        let arrow = Self.arrow(r.type)
        var text = outgoing ? "  \(arrow) \(nameAndID(r.target))" : "  \(nameAndID(r.source)) \(arrow)"
        text += "  (\(Self.span(r)), \(r.modality.rawValue))"
        if let label = r.label { text += "  \(label)" }
        text += "\n"
        for e in r.evidence { text += "      " + Self.quoted(e.quote, source: e.document.rawValue) + "\n" }
        return text
    }

    /// A drawing's tooltip for a relation: who, label, when and how firmly, and each quote in
    /// typographic quotes with its document id, one per line.
    public func tooltip(_ r: Relation) -> String {
        var text = "\(name(r.source)) \(r.type.rawValue)\(r.type.isSymmetric ? "—" : "→") \(name(r.target))"
        if let label = r.label { text += "\n\(label)" }
        text += "\n\(Self.span(r)), \(r.modality.rawValue)"
        for e in r.evidence { text += "\n“\(TextFolding.singleLine(e.quote))” [\(e.document)]" }
        return text
    }

    /// The relations as cited answers give them.
    public func cited(_ r: Relation) -> CitedRelation { CitedRelation(r, documents: documents) }
}
