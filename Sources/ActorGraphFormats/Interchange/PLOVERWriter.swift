import ActorGraphCore

/// PLOVER JSONL (openeventdata/PLOVER, "JSON Data Fields"): one event record per relation.
///
/// `id` (the relation id), `date` (as the model has it: a day, month or year; null when undated),
/// `enddate` (until), `actor` and `recipient` (entities `{code, entity_text}`: the actor id and
/// name); a `meets` relation puts both actors in `actor`, as PLOVER codes meetings;
/// `event` (supports SUPPORT, meets and hosts CONSULT, opposes ACCUSE), `mode` (`host` for
/// hosts), `event_text` (the label), `text` (the quotes, one per line), `cite_info` (the first
/// cited document's url, title, publication), `coder` ActorGraph, and ActorGraph's own
/// `modality`, `weight` and `documents` (PLOVER has no place for them).
public enum PLOVERWriter {
    static func category(_ type: RelationType) -> String {
        switch type {
        case .supports: return "SUPPORT"
        case .meets, .hosts: return "CONSULT"
        case .opposes: return "ACCUSE"
        }
    }

    public static func text(for graph: ActorGraph) -> String {
        let g = graph.canonicalized()
        let actors = g.actorsByID
        let documents = Dictionary(g.documents.map { ($0.id, $0) }) { first, _ in first }
        func entity(_ id: ActorID) -> OrderedValue {
            let actor = actors[id]
            return .map([("code", .string(id.rawValue)), ("entity_text", .string(actor?.name ?? id.rawValue))])
        }
        var out = ""
        for r in g.relations {
            var m: [(String, OrderedValue)] = [("id", .string(r.id.rawValue)), ("date", .optional(r.date?.description))]
            if let until = r.until { m.append(("enddate", .string(until.description))) }
            if r.type.isSymmetric {
                m.append(("actor", .list([entity(r.source), entity(r.target)])))
            } else {
                m.append(("actor", .list([entity(r.source)])))
                m.append(("recipient", .list([entity(r.target)])))
            }
            m.append(("event", .list([.string(category(r.type))])))
            if r.type == .hosts { m.append(("mode", .list([.string("host")]))) }
            m.add("event_text", r.label)
            if !r.evidence.isEmpty { m.append(("text", .string(r.evidence.map(\.quote).joined(separator: "\n")))) }
            var cite: [(String, OrderedValue)] = []
            if let document = r.evidence.first.flatMap({ documents[$0.document] }) {
                cite.add("url", document.url)
                cite.add("title", document.title)
                cite.add("publication", document.outlet)
            }
            cite.append(("coder", .string("ActorGraph")))
            m.append(("cite_info", .map(cite)))
            m.append(("coder", .string("ActorGraph")))
            m.append(("modality", .string(r.modality.rawValue)))
            if let weight = r.weight { m.append(("weight", .double(weight))) }
            if !r.evidence.isEmpty { m.append(("documents", .list(r.evidence.map { .string($0.document.rawValue) }))) }
            out += OrderedValue.map(m).compactJSON + "\n"
        }
        return out
    }
}
