import ActorGraphCore
import Foundation

/// What readers of foreign formats need to know beyond the file.
public struct ImportOptions: Sendable, Hashable {
    /// The type of edges that carry none (`--type`); nil: `supports` for directed edges, `meets`
    /// for undirected ones.
    public var type: RelationType?

    public init(type: RelationType? = nil) { self.type = type }

    func type(directed: Bool) -> RelationType { type ?? (directed ? .supports : .meets) }
}

/// The one mapping from a graph of plain text attributes (``DOTGraphData``: what DOT, GraphML,
/// GEXF, node-link JSON, Cytoscape.js and the Gephi/Kumu tables become once parsed) onto the
/// model, followed by the one validator.
///
/// Attribute names are the graph file's keys (docs/FORMAT.md): graph `title, description, corpus,
/// documents`; node `id, name, kind, aliases, country, memberOf, wikidata, notes`; edge `id, type,
/// label, date, until, modality, evidence, weight, notes`, plus `directed` (`false` for an
/// undirected edge). List values (`aliases`, `memberOf`, `evidence`, `documents`) are JSON text.
/// Every other attribute is kept in the element's notes (``NoteAttributes``). Missing values are
/// defaulted with one warning per attribute (kind `group`, type from ``ImportOptions``, modality
/// `asserted`, name = id); a `kind` outside the vocabulary that is no misspelling of one (DOT's
/// `kind=proc`) is defaulted and kept. Evidence citing documents the input does not list creates
/// them (path = id), as CSV import does.
enum AttributeMapper {
    static let graphKeys: Set<String> = ["title", "description", "corpus", "documents"]
    static let nodeKeys: Set<String> = ["id", "name", "kind", "aliases", "country", "memberOf", "wikidata", "notes"]
    static let edgeKeys: Set<String> = ["id", "type", "label", "date", "until", "modality", "evidence", "weight",
                                        "notes", "directed"]

    /// - Throws: ``DiagnosticsError`` with every error and the warnings when there is an error.
    /// - Parameter nameAttribute: how warnings name the input's name attribute (DOT: `label`).
    static func graph(from data: DOTGraphData, file: String, options: ImportOptions,
                      nameAttribute: String = "name") throws -> LoadedGraph {
        var mapper = Mapper(file: file, options: options)
        mapper.nameAttribute = nameAttribute
        mapper.map(data)
        let warnings = data.parserWarnings.map { Diagnostic(file: file, severity: .warning, message: $0) }
            + mapper.defaultWarnings()
        let diagnostics = try (warnings + mapper.sources.diagnostics(validating: mapper.graph)).throwingErrors()
        return LoadedGraph(graph: mapper.graph, warnings: diagnostics, corpusDirectory: nil)
    }
}

private struct Mapper {
    typealias Element = GraphViolation.Element
    var sources: SourceMap
    let options: ImportOptions
    var graph = ActorGraph()
    /// Elements defaulted per (elements, attribute, default), for one warning each.
    var defaulted: [String: Int] = [:]
    var element = Element.graph
    var line: Int?
    var nameAttribute = "name"

    init(file: String, options: ImportOptions) {
        sources = SourceMap(file: file)
        self.options = options
    }

    var place: SourcePlace? { line.map { SourcePlace(line: $0, column: nil) } }

    mutating func error(_ message: String, field: String) {
        sources.sink.error(message, at: place)
        sources.markReported(element, field)
    }

    func text(_ attributes: [String: String], _ key: String) -> String? {
        guard let value = attributes[key], !value.isEmpty else { return nil }
        return value
    }

    mutating func json(_ attributes: [String: String], _ key: String) -> Any? {
        guard let text = text(attributes, key) else { return nil }
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else {
            error("attribute '\(key)': the value is not valid JSON", field: key)
            return nil
        }
        return value
    }

    mutating func date(_ text: String?, _ field: String) -> PartialDate? {
        guard let text else { return nil }
        if let date = PartialDate(text) { return date }
        sources.report(.invalidDate(text, at: .init(element, field)))
        return nil
    }

    /// A vocabulary attribute: its value; `fallback`, counted for a warning, when absent; nil
    /// (reported) when it is not in the vocabulary, unless `keepsForeign` and it is no misspelling.
    mutating func term<T: VocabularyTerm>(_ attributes: [String: String], _ key: String, of elements: String,
                                          fallback: T, foreign: inout [String: OrderedValue],
                                          keepsForeign: Bool = false) -> T? {
        guard let text = text(attributes, key) else {
            defaulted["\(elements)\t\(key)\t\(fallback.rawValue)", default: 0] += 1
            return fallback
        }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        if keepsForeign, TextFolding.suggestion(for: text, among: names) == nil {
            defaulted["\(elements) with a foreign\t\(key)\t\(fallback.rawValue) (the value is kept in notes)", default: 0] += 1
            foreign[key] = .string(text)
            return fallback
        }
        sources.report(.unknownValue(text, of: T.self, at: .init(element, key)))
        return nil
    }

    static func foreign(_ attributes: [String: String], known: Set<String>) -> [String: OrderedValue] {
        var result: [String: OrderedValue] = [:]
        for (key, value) in attributes where !known.contains(key) { result[key] = .string(value) }
        return result
    }

    mutating func begin(_ element: Element, line: Int?) {
        self.element = element
        self.line = line
        sources.record(element, at: place)
    }

    mutating func map(_ data: DOTGraphData) {
        let attributes = data.attributes
        graph.title = text(attributes, "title")
        graph.description = text(attributes, "description")
        graph.corpus = text(attributes, "corpus")
        begin(.graph, line: nil)
        let listsDocuments = attributes["documents"] != nil
        if let list = json(attributes, "documents") as? [[String: Any]] {
            for d in list {
                begin(.document(graph.documents.count), line: nil)
                guard let id = d["id"] as? String, let path = d["path"] as? String else {
                    error("graph attribute 'documents': a document needs 'id' and 'path'", field: "id")
                    continue
                }
                graph.documents.append(Document(
                    id: DocumentID(id), path: path, title: d["title"] as? String, outlet: d["outlet"] as? String,
                    published: date(d["published"] as? String, "published"), url: d["url"] as? String,
                    notes: d["notes"] as? String))
            }
        }
        var ids: [String: ActorID] = [:]
        for node in data.nodes { mapNode(node, ids: &ids) }
        var derivedIDs = RelationIDAllocator()
        var relationIDs = Set<RelationID>()
        var cited: [DocumentID] = []
        for edge in data.edges {
            guard let source = ids[edge.tail], let target = ids[edge.head] else { continue }
            mapEdge(edge, source: source, target: target, directedGraph: data.directed, derivedIDs: &derivedIDs,
                    relationIDs: &relationIDs, cited: &cited)
        }
        if !listsDocuments {
            var seen = Set<DocumentID>()
            for id in cited where seen.insert(id).inserted { graph.documents.append(Document(id: id, path: id.rawValue)) }
        }
    }

    mutating func mapNode(_ node: DOTGraphData.Node, ids: inout [String: ActorID]) {
        let index = graph.actors.count
        begin(.actor(index), line: node.line)
        let a = node.attributes
        var foreign = Mapper.foreign(a, known: AttributeMapper.nodeKeys)
        let id = ActorID(text(a, "id") ?? node.name)
        if ids[node.name] == nil { ids[node.name] = id }
        let name = text(a, "name") ?? {
            defaulted["nodes\t\(nameAttribute)\tthe node name", default: 0] += 1
            return id.rawValue
        }()
        let kind = term(a, "kind", of: "nodes", fallback: ActorKind.group, foreign: &foreign, keepsForeign: true)
        var memberships: [Membership] = []
        if let list = json(a, "memberOf") as? [[String: Any]] {
            for m in list {
                guard let target = m["actor"] as? String else { continue }
                begin(.membership(actor: index, index: memberships.count), line: node.line)
                memberships.append(Membership(actor: ActorID(target), role: m["role"] as? String,
                                              date: date(m["date"] as? String, "date"),
                                              until: date(m["until"] as? String, "until")))
            }
            begin(.actor(index), line: node.line)
        }
        graph.actors.append(ActorNode(
            id: id, name: name, kind: kind ?? .group, aliases: json(a, "aliases") as? [String] ?? [],
            country: text(a, "country"), memberOf: memberships, wikidata: text(a, "wikidata"),
            notes: NoteAttributes.merge(foreign, into: text(a, "notes"))))
    }

    mutating func mapEdge(_ edge: DOTGraphData.Edge, source: ActorID, target: ActorID, directedGraph: Bool,
                          derivedIDs: inout RelationIDAllocator, relationIDs: inout Set<RelationID>,
                          cited: inout [DocumentID]) {
        let index = graph.relations.count
        begin(.relation(index), line: edge.line)
        let a = edge.attributes
        var foreign = Mapper.foreign(a, known: AttributeMapper.edgeKeys)
        let directed = a["directed"].map { $0 != "false" } ?? directedGraph
        let fallback = options.type(directed: directed)
        let type = term(a, "type", of: directed ? "edges" : "undirected edges", fallback: fallback, foreign: &foreign)
        let modality = term(a, "modality", of: "edges", fallback: Modality.asserted, foreign: &foreign)
        var evidence: [Evidence] = []
        if let list = json(a, "evidence") as? [[String: Any]] {
            for item in list {
                guard let d = item["document"] as? String, let q = item["quote"] as? String else {
                    error("attribute 'evidence': each item needs 'document' and 'quote'", field: "evidence")
                    continue
                }
                evidence.append(Evidence(document: DocumentID(d), quote: q))
                cited.append(DocumentID(d))
            }
        }
        let id = text(a, "id").map { RelationID($0) }
            ?? derivedIDs.next(source: source, type: type ?? fallback, target: target) { relationIDs.contains($0) }
        relationIDs.insert(id)
        var weight: Double?
        if let text = text(a, "weight") {
            weight = Double(text).flatMap { $0.isFinite ? $0 : nil }
            if weight == nil { sources.report(.invalidWeight(text, at: .init(element, "weight"))) }
        }
        graph.relations.append(Relation(
            id: id, source: source, target: target, type: type ?? fallback, label: text(a, "label"),
            date: date(text(a, "date"), "date"), until: date(text(a, "until"), "until"),
            modality: modality ?? .asserted, evidence: evidence, weight: weight,
            notes: NoteAttributes.merge(foreign, into: text(a, "notes"))))
        for k in evidence.indices { sources.record(.evidence(relation: index, index: k), at: place) }
    }

    /// One warning per defaulted attribute: "3 nodes without a 'kind' attribute; defaulted to group".
    func defaultWarnings() -> [Diagnostic] {
        defaulted.sorted { $0.key < $1.key }.map { key, count in
            let parts = key.split(separator: "\t", omittingEmptySubsequences: false)
            let what = parts[0].hasSuffix("foreign") ? "\(parts[0]) '\(parts[1])' value" : "\(parts[0]) without a '\(parts[1])' attribute"
            return Diagnostic(file: sources.file, severity: .warning, message: "\(count) \(what); defaulted to \(parts[2])")
        }
    }
}
