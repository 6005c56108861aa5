import ActorGraphCore
import ActorGraphFormats
import CGraphviz
import Foundation

/// Reads DOT through cgraph's own parser (`agmemread`) into an actor graph.
///
/// Node attribute `kind` and edge attributes `type`, `label`, `date`, `until`, `modality`,
/// `evidence` (JSON), `relation_weight` and `notes` map onto the model, as do the graph attributes
/// ActorGraph's DOT export writes (`label` as title, `description`, `corpus`, `documents`).
/// escString-typed values (labels, ids, tooltips) are unescaped. Anything missing is defaulted —
/// kind `group`, type `supports`, modality `asserted` — with one warning per field saying how many
/// elements were defaulted. Legend and membership edges drawn by ActorGraph are skipped.
public enum DOTImporter {
    /// Reads DOT `text` (named `file` in diagnostics) into a graph, with a warning per defaulted field.
    ///
    /// - Throws: `DiagnosticsError` (ActorGraphFormats) for a syntax error (with its line, as
    ///   Graphviz reports it) or values that cannot be mapped (an unknown type, an invalid date, a
    ///   self-loop…).
    public static func graph(fromDOT text: String, file: String) throws -> LoadedGraph {
        try GraphvizLibrary.withContext { _ in
            GraphvizLibrary.resetMessages()
            let parsed = text.withCString { agmemread($0) }
            let messages = GraphvizLibrary.takeMessages()
            guard let g = parsed, agerrors() == 0 else {
                if let parsed { agclose(parsed) }
                throw DiagnosticsError(syntaxDiagnostics(messages, file: file))
            }
            defer { agclose(g) }
            return try convert(g, file: file, parserWarnings: messages)
        }
    }

    /// Graphviz says "Error: syntax error in line 3 near 'x'"; turn that into `file:3: error: …`.
    static func syntaxDiagnostics(_ messages: [String], file: String) -> [Diagnostic] {
        let text = messages.joined(separator: " ")
        var line: Int?
        if let range = text.range(of: "in line ") {
            line = Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        var message = text.replacingOccurrences(of: "Error: ", with: "")
        if let l = line { message = message.replacingOccurrences(of: " in line \(l)", with: "") }
        message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if message.isEmpty { message = "the file is not valid DOT" }
        return [Diagnostic(file: file, line: line, message: message)]
    }

    struct Default: Hashable {
        var what: String
        var field: String
        var value: String
    }

    static func attribute(_ object: UnsafeMutableRawPointer, _ key: String) -> String? {
        guard let value = GraphvizRenderer.get(object, key), !value.isEmpty else { return nil }
        return value
    }

    static func convert(_ g: UnsafeMutablePointer<Agraph_t>, file: String, parserWarnings: [String]) throws -> LoadedGraph {
        var errors: [Diagnostic] = []
        var warnings = parserWarnings.map { Diagnostic(file: file, severity: .warning, message: "graphviz: \($0)") }
        func error(_ message: String) { errors.append(Diagnostic(file: file, message: message)) }
        func json(_ text: String?, _ what: String) -> Any? {
            guard let text else { return nil }
            guard let value = try? JSONSerialization.jsonObject(with: Data(EscString.unescape(text).utf8)) else {
                error("\(what): the value is not valid JSON")
                return nil
            }
            return value
        }
        func date(_ text: String?, _ what: String) -> PartialDate? {
            guard let text else { return nil }
            guard let date = PartialDate(text) else {
                error("\(what): invalid date '\(text)' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
                return nil
            }
            return date
        }
        var defaulted: [Default: Int] = [:]
        /// A vocabulary attribute: its value, `fallback` (counted for the warning) when absent, nil when invalid.
        func vocabularyAttribute<T: RawRepresentable & CaseIterable>(
            _ object: UnsafeMutableRawPointer, _ key: String, _ what: String, of elements: String, fallback: T
        ) -> T? where T.RawValue == String {
            guard let text = attribute(object, key) else {
                defaulted[Default(what: elements, field: key, value: fallback.rawValue), default: 0] += 1
                return fallback
            }
            guard let value = T(rawValue: text) else {
                let names = T.allCases.map(\.rawValue)
                error("\(what) \(key): unknown value '\(text)'"
                      + (TextFolding.suggestion(for: text, among: names).map { " (did you mean '\($0)'?)" } ?? ""))
                return nil
            }
            return value
        }

        var graph = ActorGraph()
        graph.title = attribute(g, "label").map(EscString.unescape)
        graph.description = attribute(g, "description").map(EscString.unescape)
        graph.corpus = attribute(g, "corpus").map(EscString.unescape)
        if let list = json(attribute(g, "documents"), "graph attribute 'documents'") as? [[String: Any]] {
            for d in list {
                guard let id = d["id"] as? String, let path = d["path"] as? String else {
                    error("graph attribute 'documents': a document needs 'id' and 'path'")
                    continue
                }
                graph.documents.append(Document(
                    id: DocumentID(id), path: path, title: d["title"] as? String, outlet: d["outlet"] as? String,
                    published: date(d["published"] as? String, "document '\(id)'"), url: d["url"] as? String,
                    notes: d["notes"] as? String))
            }
        }

        var ids: [UnsafeMutablePointer<Agnode_t>: ActorID] = [:]
        var seen = Set<ActorID>()
        var n = agfstnode(g)
        while let node = n {
            defer { n = agnxtnode(g, node) }
            if attribute(node, "legend") == "true" { continue }
            let name = String(cString: agnameof(node))
            let id = ActorID(attribute(node, "id").map(EscString.unescape) ?? name)
            guard seen.insert(id).inserted else {
                error("node '\(name)': duplicate actor id '\(id)'")
                continue
            }
            ids[node] = id
            var actorName = id.rawValue
            if let label = attribute(node, "label"), label != "\\N" {
                actorName = EscString.unescape(label)
            } else {
                defaulted[Default(what: "nodes", field: "label", value: "the node name"), default: 0] += 1
            }
            let kind = vocabularyAttribute(node, "kind", "node '\(id)'", of: "nodes", fallback: ActorKind.group) ?? .group
            var memberships: [Membership] = []
            if let list = json(attribute(node, "memberOf"), "node '\(id)' memberOf") as? [[String: Any]] {
                for m in list {
                    guard let target = m["actor"] as? String else { continue }
                    memberships.append(Membership(actor: ActorID(target), role: m["role"] as? String,
                                                  date: date(m["date"] as? String, "node '\(id)' memberOf"),
                                                  until: date(m["until"] as? String, "node '\(id)' memberOf")))
                }
            }
            graph.actors.append(ActorNode(
                id: id, name: actorName, kind: kind,
                aliases: json(attribute(node, "aliases"), "node '\(id)' aliases") as? [String] ?? [],
                country: attribute(node, "country"), memberOf: memberships,
                wikidata: attribute(node, "wikidata").map(EscString.unescape),
                notes: attribute(node, "notes").map(EscString.unescape)))
        }

        var derivedIDs = RelationIDAllocator()
        var relationIDs = Set<RelationID>()
        n = agfstnode(g)
        while let node = n {
            defer { n = agnxtnode(g, node) }
            var e = agfstout(g, node)
            while let edge = e {
                defer { e = agnxtout(g, edge) }
                if attribute(edge, "legend") == "true" || attribute(edge, "membership") == "true" { continue }
                guard let source = ids[node], let target = ids[edge.pointee.node] else { continue }
                let what = "edge '\(source)' -> '\(target)'"
                if source == target {
                    error("\(what): a relation cannot join an actor to itself")
                    continue
                }
                guard let type = vocabularyAttribute(edge, "type", what, of: "edges", fallback: RelationType.supports) else { continue }
                let modality = vocabularyAttribute(edge, "modality", what, of: "edges", fallback: Modality.asserted) ?? .asserted
                var evidence: [Evidence] = []
                if let list = json(attribute(edge, "evidence"), "\(what) evidence") as? [[String: Any]] {
                    for item in list {
                        guard let d = item["document"] as? String, let q = item["quote"] as? String else {
                            error("\(what) evidence: each item needs 'document' and 'quote'")
                            continue
                        }
                        evidence.append(Evidence(document: DocumentID(d), quote: q))
                    }
                }
                var id: RelationID
                if let text = attribute(edge, "id") {
                    id = RelationID(EscString.unescape(text))
                } else {
                    id = derivedIDs.next(source: source, type: type, target: target) { relationIDs.contains($0) }
                }
                guard relationIDs.insert(id).inserted else {
                    error("\(what): duplicate relation id '\(id)'")
                    continue
                }
                var weight: Double?
                if let text = attribute(edge, "relation_weight") {
                    weight = Double(text)
                    if weight == nil { error("\(what): invalid relation_weight '\(text)'") }
                }
                let start = date(attribute(edge, "date"), "\(what) date")
                let until = date(attribute(edge, "until"), "\(what) until")
                if let start, let until, until.endsBefore(start) { error("\(what): 'until' \(until) is before 'date' \(start)") }
                graph.relations.append(Relation(
                    id: id, source: source, target: target, type: type,
                    label: attribute(edge, "label").map(EscString.unescape), date: start, until: until,
                    modality: modality, evidence: evidence, weight: weight,
                    notes: attribute(edge, "notes").map(EscString.unescape)))
            }
        }
        for (d, count) in defaulted.sorted(by: { ($0.key.what, $0.key.field) < ($1.key.what, $1.key.field) }) {
            warnings.append(Diagnostic(file: file, severity: .warning,
                                       message: "\(count) \(d.what) without a '\(d.field)' attribute; defaulted to \(d.value)"))
        }
        let known = Set(graph.actors.map(\.id))
        for actor in graph.actors {
            for m in actor.memberOf where !known.contains(m.actor) {
                error("node '\(actor.id)' memberOf: unknown actor '\(m.actor)'")
            }
        }
        let documents = Set(graph.documents.map(\.id))
        if !documents.isEmpty || graph.relations.contains(where: { !$0.evidence.isEmpty }) {
            for r in graph.relations {
                for e in r.evidence where !documents.contains(e.document) {
                    error("relation '\(r.id)': unknown document '\(e.document)'")
                }
            }
        }
        if !errors.isEmpty { throw DiagnosticsError(errors + warnings) }
        return LoadedGraph(graph: graph, warnings: warnings, corpusDirectory: nil)
    }
}
