import ActorGraphCore
import Foundation

/// Maps a parsed DOT graph onto the model and validates it.
///
/// Node attribute `kind` and edge attributes `type`, `label`, `date`, `until`, `modality`,
/// `evidence` (JSON), `relation_weight` and `notes` map onto the model, as do the node attributes
/// `id`, `label`, `aliases` and `memberOf` (JSON), `country`, `wikidata`, `notes`, and the graph
/// attributes ``DOTWriter`` writes (`label` as title, `description`, `corpus`, `documents`).
/// escString values are unescaped. Anything missing is defaulted (kind `group`, type `supports`,
/// modality `asserted`, name = id) with one warning per field saying how many elements were
/// defaulted. Legend nodes and edges and membership edges drawn by ActorGraph are skipped.
public enum DOTReader {
    /// - Parameter file: how the input is named in diagnostics.
    /// - Returns: the graph and its warnings (the parser's, defaults, self-relations).
    /// - Throws: ``DiagnosticsError`` with every error, at the line of its node or edge, and the
    ///   warnings, when there is an error.
    public static func graph(from data: DOTGraphData, file: String) throws -> LoadedGraph {
        var mapper = DOTMapper(file: file)
        mapper.map(data)
        let warnings = data.parserWarnings.map { Diagnostic(file: file, severity: .warning, message: "graphviz: \($0)") }
            + mapper.defaultWarnings()
        let diagnostics = try (warnings + mapper.sources.diagnostics(validating: mapper.graph)).throwingErrors()
        return LoadedGraph(graph: mapper.graph, warnings: diagnostics, corpusDirectory: nil)
    }
}

/// One mapping of DOT data to an actor graph.
private struct DOTMapper {
    typealias Element = GraphViolation.Element
    var sources: SourceMap
    var graph = ActorGraph()
    /// Elements defaulted per (elements, attribute, default), for one warning each.
    var defaulted: [String: Int] = [:]
    /// The element and line being mapped, for the helpers' reports.
    var element = Element.graph
    var line: Int?

    init(file: String) { sources = SourceMap(file: file) }

    var place: SourcePlace? { line.map { SourcePlace(line: $0, column: nil) } }

    mutating func error(_ message: String, field: String) {
        sources.sink.error(message, at: place)
        sources.markReported(element, field)
    }

    func text(_ attributes: [String: String], _ key: String) -> String? {
        guard let value = attributes[key], !value.isEmpty else { return nil }
        return EscString.unescape(value)
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
    /// (reported) when it is not in the vocabulary.
    mutating func term<T: VocabularyTerm>(_ attributes: [String: String], _ key: String, of elements: String,
                                          fallback: T) -> T? {
        guard let text = text(attributes, key) else {
            defaulted["\(elements)\t\(key)\t\(fallback.rawValue)", default: 0] += 1
            return fallback
        }
        if let value = T(rawValue: text) { return value }
        sources.report(.unknownValue(text, of: T.self, at: .init(element, key)))
        return nil
    }

    /// Starts mapping `element`, read on `line`.
    mutating func begin(_ element: Element, line: Int?) {
        self.element = element
        self.line = line
        sources.record(element, at: place)
    }

    mutating func map(_ data: DOTGraphData) {
        let attributes = data.attributes
        graph.title = text(attributes, "label")
        graph.description = text(attributes, "description")
        graph.corpus = text(attributes, "corpus")
        begin(.graph, line: nil)
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
        for node in data.nodes where node.attributes["legend"] != "true" {
            let index = graph.actors.count
            begin(.actor(index), line: node.line)
            let id = ActorID(text(node.attributes, "id") ?? node.name)
            if ids[node.name] == nil { ids[node.name] = id }
            var name = id.rawValue
            if let label = node.attributes["label"], !label.isEmpty, label != "\\N" {
                name = EscString.unescape(label)
            } else {
                defaulted["nodes\tlabel\tthe node name", default: 0] += 1
            }
            let kind = term(node.attributes, "kind", of: "nodes", fallback: ActorKind.group)
            var memberships: [Membership] = []
            if let list = json(node.attributes, "memberOf") as? [[String: Any]] {
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
                id: id, name: name, kind: kind ?? .group,
                aliases: json(node.attributes, "aliases") as? [String] ?? [],
                country: text(node.attributes, "country"), memberOf: memberships,
                wikidata: text(node.attributes, "wikidata"), notes: text(node.attributes, "notes")))
        }
        var derivedIDs = RelationIDAllocator()
        var relationIDs = Set<RelationID>()
        for edge in data.edges where edge.attributes["legend"] != "true" && edge.attributes["membership"] != "true" {
            guard let source = ids[edge.tail], let target = ids[edge.head] else { continue }
            let index = graph.relations.count
            begin(.relation(index), line: edge.line)
            let type = term(edge.attributes, "type", of: "edges", fallback: RelationType.supports)
            let modality = term(edge.attributes, "modality", of: "edges", fallback: Modality.asserted)
            var evidence: [Evidence] = []
            if let list = json(edge.attributes, "evidence") as? [[String: Any]] {
                for item in list {
                    guard let d = item["document"] as? String, let q = item["quote"] as? String else {
                        error("attribute 'evidence': each item needs 'document' and 'quote'", field: "evidence")
                        continue
                    }
                    evidence.append(Evidence(document: DocumentID(d), quote: q))
                }
            }
            let id = text(edge.attributes, "id").map { RelationID($0) }
                ?? derivedIDs.next(source: source, type: type ?? .supports, target: target) { relationIDs.contains($0) }
            relationIDs.insert(id)
            var weight: Double?
            if let text = text(edge.attributes, "relation_weight") {
                weight = Double(text).flatMap { $0.isFinite ? $0 : nil }
                if weight == nil { sources.report(.invalidWeight(text, at: .init(element, "weight"))) }
            }
            graph.relations.append(Relation(
                id: id, source: source, target: target, type: type ?? .supports,
                label: text(edge.attributes, "label"), date: date(text(edge.attributes, "date"), "date"),
                until: date(text(edge.attributes, "until"), "until"), modality: modality ?? .asserted,
                evidence: evidence, weight: weight, notes: text(edge.attributes, "notes")))
            for k in evidence.indices { sources.record(.evidence(relation: index, index: k), at: place) }
        }
    }

    /// One warning per defaulted attribute: "3 nodes without a 'kind' attribute; defaulted to group".
    func defaultWarnings() -> [Diagnostic] {
        defaulted.sorted { $0.key < $1.key }.map { key, count in
            let parts = key.split(separator: "\t", omittingEmptySubsequences: false)
            return Diagnostic(file: sources.file, severity: .warning,
                              message: "\(count) \(parts[0]) without a '\(parts[1])' attribute; defaulted to \(parts[2])")
        }
    }
}
