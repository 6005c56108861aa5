import ActorGraphCore
import Yams

/// Decodes a graph file's node tree into the model, remembering where everything came from.
///
/// It checks only what the model cannot hold (structure, types, keys, vocabulary, dates,
/// weights); every other check is Core's validator's, run by ``SourceMap``. An element whose
/// required fields fail to decode is kept with placeholders (the read fails anyway), so that
/// references to it do not add "unknown actor" errors.
struct GraphDecoder {
    static let topKeys = ["title", "description", "corpus", "documents", "actors", "relations"]
    static let documentKeys = ["id", "path", "title", "outlet", "published", "url", "notes"]
    static let actorKeys = ["id", "name", "kind", "aliases", "country", "memberOf", "wikidata", "notes"]
    static let membershipKeys = ["actor", "role", "date", "until"]
    static let relationKeys = ["id", "source", "target", "type", "label", "date", "until",
                               "modality", "evidence", "weight", "notes"]
    static let evidenceKeys = ["document", "quote"]

    var map: SourceMap
    var nodes = NodeLocator()

    init(file: String) { map = SourceMap(file: file) }

    mutating func decode(_ root: Yams.Node) -> ActorGraph {
        var graph = ActorGraph()
        guard let top = NodeFields(root, .graph, allowed: Self.topKeys, map: &map) else { return graph }
        nodes.root = root
        graph.title = top.string("title", map: &map)
        graph.description = top.string("description", map: &map)
        graph.corpus = top.string("corpus", map: &map)
        if top.node("actors") == nil && top.node("relations") == nil && !map.sink.hasErrors {
            map.sink.error("the graph has neither 'actors' nor 'relations'", at: top.place)
        }
        for item in top.sequence("documents", map: &map) ?? [] {
            if let document = decodeDocument(item, index: graph.documents.count) {
                graph.documents.append(document)
            }
        }
        for item in top.sequence("actors", map: &map) ?? [] {
            if let actor = decodeActor(item, index: graph.actors.count) { graph.actors.append(actor) }
        }
        var derivedIDs = RelationIDAllocator()
        var relationIDs = Set<RelationID>()
        for item in top.sequence("relations", map: &map) ?? [] {
            guard let relation = decodeRelation(item, index: graph.relations.count, derivedIDs: &derivedIDs,
                                                taken: relationIDs) else { continue }
            relationIDs.insert(relation.id)
            graph.relations.append(relation)
        }
        graph.indexEndpoints()  // shared by validation and every view of this graph
        return graph
    }

    mutating func decodeDocument(_ node: Yams.Node, index: Int) -> Document? {
        guard let f = NodeFields(node, .document(index), allowed: Self.documentKeys, map: &map) else { return nil }
        nodes.documents.append(node)
        let id = f.string("id", required: true, map: &map)
        let path = f.string("path", required: true, map: &map)
        return Document(
            id: DocumentID(id ?? ""), path: path ?? "",
            title: f.string("title", map: &map), outlet: f.string("outlet", map: &map),
            published: f.date("published", map: &map), url: f.string("url", map: &map),
            notes: f.string("notes", map: &map))
    }

    mutating func decodeActor(_ node: Yams.Node, index: Int) -> ActorNode? {
        guard let f = NodeFields(node, .actor(index), allowed: Self.actorKeys, map: &map) else { return nil }
        nodes.actors.append(node)
        let id = f.string("id", required: true, map: &map)
        let name = f.string("name", required: true, map: &map)
        let kind = f.choice("kind", of: ActorKind.self, required: true, map: &map)
        let aliases = f.stringList("aliases", map: &map)
        let country = f.string("country", map: &map)
        var memberships: [Membership] = []
        for item in f.sequence("memberOf", map: &map) ?? [] {
            let element = GraphViolation.Element.membership(actor: index, index: memberships.count)
            guard let m = NodeFields(item, element, allowed: Self.membershipKeys, map: &map) else { continue }
            let target = m.string("actor", required: true, map: &map)
            memberships.append(Membership(actor: ActorID(target ?? ""), role: m.string("role", map: &map),
                                          date: m.date("date", map: &map), until: m.date("until", map: &map)))
        }
        return ActorNode(id: ActorID(id ?? ""), name: name ?? "", kind: kind ?? .group, aliases: aliases,
                         country: country, memberOf: memberships, wikidata: f.string("wikidata", map: &map),
                         notes: f.string("notes", map: &map))
    }

    mutating func decodeRelation(_ node: Yams.Node, index: Int, derivedIDs: inout RelationIDAllocator,
                                 taken: Set<RelationID>) -> Relation? {
        guard let f = NodeFields(node, .relation(index), allowed: Self.relationKeys, map: &map) else { return nil }
        nodes.relations.append(node)
        let explicitID = f.string("id", map: &map)
        let source = ActorID(f.string("source", required: true, map: &map) ?? "")
        let target = ActorID(f.string("target", required: true, map: &map) ?? "")
        let type = f.choice("type", of: RelationType.self, required: true, map: &map)
        let modality = f.choice("modality", of: Modality.self, map: &map)
        var evidence: [Evidence] = []
        for item in f.sequence("evidence", map: &map) ?? [] {
            let element = GraphViolation.Element.evidence(relation: index, index: evidence.count)
            guard let e = NodeFields(item, element, allowed: Self.evidenceKeys, map: &map) else { continue }
            let document = e.string("document", required: true, map: &map)
            let quote = e.string("quote", required: true, map: &map)
            evidence.append(Evidence(document: DocumentID(document ?? ""), quote: quote ?? ""))
        }
        let id = explicitID.map { RelationID($0) }
            ?? derivedIDs.next(source: source, type: type ?? .supports, target: target) { taken.contains($0) }
        return Relation(id: id, source: source, target: target, type: type ?? .supports,
                        label: f.string("label", map: &map), date: f.date("date", map: &map),
                        until: f.date("until", map: &map), modality: modality ?? .asserted,
                        evidence: evidence, weight: f.weight(map: &map), notes: f.string("notes", map: &map))
    }
}

/// The mapping node of each element, searched for a field's place only when a violation needs
/// one: recording every key's place up front made reading large files half as slow again.
struct NodeLocator {
    var file = ""
    var root: Yams.Node?
    var documents: [Yams.Node] = [], actors: [Yams.Node] = [], relations: [Yams.Node] = []

    func locate(_ subject: GraphViolation.Subject) -> SourceMap.Location? {
        let element: Yams.Node?
        switch subject.element {
        case .graph: element = subject.field == nil ? nil : root
        case .document(let i): element = documents[i]
        case .actor(let i): element = actors[i]
        case .relation(let i): element = relations[i]
        case .membership(let a, let k): element = item(k, of: "memberOf", in: actors[a])
        case .evidence(let r, let k): element = item(k, of: "evidence", in: relations[r])
        }
        guard let element else { return nil }
        let node = subject.field.flatMap { value($0, in: element) } ?? element
        return node.place.map { SourceMap.Location(file: file, place: $0) }
    }

    func value(_ key: String, in node: Yams.Node) -> Yams.Node? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { pair in
            if case .scalar(let scalar) = pair.key { return scalar.string == key }
            return false
        }?.value
    }

    /// The `k`-th mapping in the sequence under `key` (the decoder skips items that are not).
    func item(_ k: Int, of key: String, in node: Yams.Node) -> Yams.Node? {
        guard case .sequence(let items)? = value(key, in: node) else { return nil }
        return items.lazy.filter { if case .mapping = $0 { return true } else { return false } }
            .dropFirst(k).first
    }
}
