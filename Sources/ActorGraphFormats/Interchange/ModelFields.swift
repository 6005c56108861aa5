import ActorGraphCore

/// The model as the flat, ordered fields every interchange writer emits: the graph file's keys
/// and values (``OrderedValue``, lists and maps as they are), without the ids and endpoints each
/// format places itself. One source for GraphML, GEXF, node-link JSON, Cytoscape.js and the tables.
enum ModelFields {
    typealias Fields = [(String, OrderedValue)]

    static func graph(_ g: ActorGraph) -> Fields {
        var m: Fields = []
        m.add("title", g.title)
        m.add("description", g.description)
        m.add("corpus", g.corpus)
        if !g.documents.isEmpty { m.append(("documents", .list(g.documents.map(OrderedValue.document)))) }
        return m
    }

    /// `name, kind, aliases, country, memberOf, wikidata, notes` (absent ones left out).
    static func actor(_ a: ActorNode) -> Fields {
        guard case .map(let pairs) = OrderedValue.actor(a) else { return [] }
        return pairs.filter { $0.0 != "id" }
    }

    /// `type, label, date, until, modality, evidence, weight, notes` (absent ones left out).
    static func relation(_ r: Relation) -> Fields {
        guard case .map(let pairs) = OrderedValue.relation(r) else { return [] }
        return pairs.filter { !["id", "source", "target"].contains($0.0) }
    }

    /// Field names in writing order, for formats that declare their columns or keys first.
    static let actorKeys = ["name", "kind", "aliases", "country", "memberOf", "wikidata", "notes"]
    static let relationKeys = ["type", "label", "date", "until", "modality", "evidence", "weight", "notes"]
    static let graphKeys = ["title", "description", "corpus", "documents"]

    /// The relation's time as closed ISO day bounds: from the first day of `date` to the last
    /// day of `until` (or of `date`). Nil without a date.
    static func interval(_ r: Relation) -> (start: String, end: String)? {
        guard let date = r.date else { return nil }
        func iso(_ d: (year: Int, month: Int, day: Int)) -> String {
            String(d.year).leftPadded(4) + "-" + String(d.month).leftPadded(2) + "-" + String(d.day).leftPadded(2)
        }
        return (iso(date.start), iso((r.until ?? date).end))
    }
}
