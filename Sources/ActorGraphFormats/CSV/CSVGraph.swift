import ActorGraphCore

/// Converts between graphs and CSV tables of the shape Gephi and Kumu use.
///
/// - edges: `source,target,type` and optional `id, date, until, label, modality, document, quote,
///   weight, notes`. One row is one relation with at most one piece of evidence; rows sharing an
///   `id` are one relation with several pieces of evidence.
/// - nodes (optional): `id,name,kind` and optional `aliases, country, memberOf, wikidata, notes`.
///   List cells (`aliases`, `memberOf`) separate items with `;`; a `memberOf` item is
///   `actor:role:date:until` with trailing parts optional. `\;`, `\:` and `\\` escape.
///   Without a nodes table, actors are created from the edge endpoints (kind `group`, name = id).
/// - documents (optional): `id,path` and optional `title, outlet, published, url, notes`.
///   Without one, each id in the `document` column becomes a document whose path is that id.
public enum CSVGraph {
    public static let edgeColumns = ["id", "source", "target", "type", "label", "date", "until",
                                     "modality", "document", "quote", "weight", "notes"]
    public static let nodeColumns = ["id", "name", "kind", "aliases", "country", "memberOf",
                                     "wikidata", "notes"]
    public static let documentColumns = ["id", "path", "title", "outlet", "published", "url", "notes"]

    /// A named CSV input.
    public struct Input {
        public var file: String
        public var bytes: [UInt8]
        public init(file: String, bytes: [UInt8]) {
            self.file = file
            self.bytes = bytes
        }
    }

    /// Builds a graph from an edges table and optional nodes and documents tables. Every problem
    /// in every row is reported.
    ///
    /// - Complexity: O(total bytes + R log R) for R rows.
    public static func graph(edges: Input, nodes: Input? = nil, documents: Input? = nil) throws -> ActorGraph {
        var sinks: [DiagnosticSink] = []
        var graph = ActorGraph()

        var knownDocuments = Set<DocumentID>()
        if let documents {
            var sink = DiagnosticSink(file: documents.file)
            let table = try CSVTable.parse(documents.bytes, file: documents.file)
            let reader = TableReader(table: table, required: ["id", "path"], allowed: documentColumns,
                                     sink: &sink)
            for row in table.rows where reader.ok {
                guard let id = reader.required(row, "id", sink: &sink),
                      let path = reader.required(row, "path", sink: &sink) else { continue }
                let doc = Document(id: DocumentID(id), path: path, title: reader.optional(row, "title"),
                                   outlet: reader.optional(row, "outlet"),
                                   published: reader.date(row, "published", sink: &sink),
                                   url: reader.optional(row, "url"), notes: reader.optional(row, "notes"))
                if !knownDocuments.insert(doc.id).inserted {
                    reader.error(row, "id", "duplicate document id '\(id)'", sink: &sink)
                    continue
                }
                graph.documents.append(doc)
            }
            sinks.append(sink)
        }

        var actorIndex: [ActorID: Int] = [:]
        if let nodes {
            var sink = DiagnosticSink(file: nodes.file)
            let table = try CSVTable.parse(nodes.bytes, file: nodes.file)
            let reader = TableReader(table: table, required: ["id", "name", "kind"],
                                     allowed: nodeColumns, sink: &sink)
            for row in table.rows where reader.ok {
                let id = reader.required(row, "id", sink: &sink)
                let name = reader.required(row, "name", sink: &sink)
                let kind = reader.choice(row, "kind", ActorKind.self, label: "actor kind", sink: &sink)
                var memberships: [Membership] = []
                for item in splitList(reader.optional(row, "memberOf") ?? "", keepInnerEscapes: true) {
                    let parts = splitList(item, separator: ":")
                    var dates: [PartialDate?] = [nil, nil]
                    for (k, text) in parts.dropFirst(2).prefix(2).enumerated() where !text.isEmpty {
                        dates[k] = PartialDate(text)
                        if dates[k] == nil {
                            reader.error(row, "memberOf", "invalid date '\(text)' in memberOf '\(item)'",
                                         sink: &sink)
                        }
                    }
                    let role = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
                    memberships.append(Membership(actor: ActorID(parts[0]), role: role,
                                                  date: dates[0], until: dates[1]))
                }
                guard let id, let name, let kind else { continue }
                let actorID = ActorID(id)
                if actorIndex[actorID] != nil {
                    reader.error(row, "id", "duplicate actor id '\(id)'", sink: &sink)
                    continue
                }
                actorIndex[actorID] = graph.actors.count
                graph.actors.append(ActorNode(
                    id: actorID, name: name, kind: kind,
                    aliases: splitList(reader.optional(row, "aliases") ?? ""),
                    country: reader.optional(row, "country"), memberOf: memberships,
                    wikidata: reader.optional(row, "wikidata"), notes: reader.optional(row, "notes")))
            }
            sinks.append(sink)
        }

        var sink = DiagnosticSink(file: edges.file)
        let table = try CSVTable.parse(edges.bytes, file: edges.file)
        let reader = TableReader(table: table, required: ["source", "target", "type"],
                                 allowed: edgeColumns, sink: &sink)
        var relationIndex: [RelationID: Int] = [:]
        var derivedIDs = RelationIDAllocator()
        let hasNodes = nodes != nil
        graph.relations.reserveCapacity(table.rows.count)
        for row in table.rows where reader.ok {
            let source = reader.required(row, "source", sink: &sink)
            let target = reader.required(row, "target", sink: &sink)
            let type = reader.choice(row, "type", RelationType.self, label: "relation type", sink: &sink)
            let modality = reader.optional(row, "modality").map { _ in
                reader.choice(row, "modality", Modality.self, label: "modality", sink: &sink)
            } ?? .asserted
            let date = reader.date(row, "date", sink: &sink)
            let until = reader.date(row, "until", sink: &sink)
            if let date, let until, until.endsBefore(date) {
                reader.error(row, "until", "'until' \(until) is before 'date' \(date)", sink: &sink)
            }
            var weight: Double?
            if let text = reader.optional(row, "weight") {
                weight = Double(text)
                if weight == nil || !weight!.isFinite {
                    reader.error(row, "weight", "invalid weight '\(text)' (expected a finite number)",
                                 sink: &sink)
                }
            }
            let document = reader.optional(row, "document")
            let quote = reader.optional(row, "quote")
            if (document == nil) != (quote == nil) {
                reader.error(row, document == nil ? "document" : "quote",
                             document == nil ? "a quote needs a document" : "a document needs a quote",
                             sink: &sink)
            }
            if let source, source == target {
                reader.error(row, "target", "relation joins '\(source)' to itself", sink: &sink)
            }
            guard let source, let target, let type, let modality else { continue }
            let evidence = document.flatMap { d in quote.map { Evidence(document: DocumentID(d), quote: $0) } }
            for endpoint in [source, target] where actorIndex[ActorID(endpoint)] == nil {
                if hasNodes {
                    reader.error(row, endpoint == source ? "source" : "target",
                                 "unknown actor '\(endpoint)' (not in the nodes table)", sink: &sink)
                    continue
                }
                actorIndex[ActorID(endpoint)] = graph.actors.count
                graph.actors.append(ActorNode(id: ActorID(endpoint), name: endpoint, kind: .group))
            }
            if let evidence, documents == nil, knownDocuments.insert(evidence.document).inserted {
                graph.documents.append(Document(id: evidence.document, path: evidence.document.rawValue))
            } else if let evidence, !knownDocuments.contains(evidence.document) {
                reader.error(row, "document", "unknown document '\(evidence.document)' (not in the "
                             + "documents table)", sink: &sink)
            }
            let relation: Relation
            if let explicit = reader.optional(row, "id") {
                let id = RelationID(explicit)
                if let existing = relationIndex[id] {
                    var merged = graph.relations[existing]
                    var candidate = merged
                    candidate.evidence = []
                    var mine = Relation(id: id, source: ActorID(source), target: ActorID(target),
                                        type: type, label: reader.optional(row, "label"), date: date,
                                        until: until, modality: modality, weight: weight,
                                        notes: reader.optional(row, "notes"))
                    mine.evidence = []
                    guard candidate == mine else {
                        reader.error(row, "id", "rows with relation id '\(explicit)' disagree on "
                                     + "fields other than document and quote", sink: &sink)
                        continue
                    }
                    if let evidence { merged.evidence.append(evidence) }
                    graph.relations[existing] = merged
                    continue
                }
                relation = Relation(id: id, source: ActorID(source), target: ActorID(target), type: type,
                                    label: reader.optional(row, "label"), date: date, until: until,
                                    modality: modality, evidence: evidence.map { [$0] } ?? [],
                                    weight: weight, notes: reader.optional(row, "notes"))
            } else {
                let id = derivedIDs.next(source: ActorID(source), type: type, target: ActorID(target)) { relationIndex[$0] != nil }
                relation = Relation(id: id, source: ActorID(source), target: ActorID(target), type: type,
                                    label: reader.optional(row, "label"), date: date, until: until,
                                    modality: modality, evidence: evidence.map { [$0] } ?? [],
                                    weight: weight, notes: reader.optional(row, "notes"))
            }
            relationIndex[relation.id] = graph.relations.count
            graph.relations.append(relation)
        }
        sinks.append(sink)
        let diagnostics = sinks.flatMap(\.diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
        return graph
    }

    /// The graph as three CSV tables: nodes, edges and documents.
    ///
    /// - Complexity: O(size of the graph).
    public static func tables(for graph: ActorGraph) -> (nodes: String, edges: String, documents: String) {
        let g = graph.canonicalized()
        let nodes = g.actors.map { a -> [String] in
            let members = a.memberOf.map { m -> String in
                var parts = [m.actor.rawValue, m.role ?? "", m.date?.description ?? "",
                             m.until?.description ?? ""]
                while parts.count > 1, parts.last!.isEmpty { parts.removeLast() }
                return parts.map { escapeItem($0, separators: ";:") }.joined(separator: ":")
            }
            return [a.id.rawValue, a.name, a.kind.rawValue,
                    a.aliases.map { escapeItem($0, separators: ";") }.joined(separator: ";"),
                    a.country ?? "", members.joined(separator: ";"), a.wikidata ?? "", a.notes ?? ""]
        }
        var edges: [[String]] = []
        edges.reserveCapacity(g.relations.count)
        for r in g.relations {
            let base = [r.id.rawValue, r.source.rawValue, r.target.rawValue, r.type.rawValue,
                        r.label ?? "", r.date?.description ?? "", r.until?.description ?? "",
                        r.modality.rawValue]
            let tail = [r.weight.map(formatNumber) ?? "", r.notes ?? ""]
            if r.evidence.isEmpty { edges.append(base + ["", ""] + tail) }
            for e in r.evidence { edges.append(base + [e.document.rawValue, e.quote] + tail) }
        }
        let documents = g.documents.map { d in
            [d.id.rawValue, d.path, d.title ?? "", d.outlet ?? "", d.published?.description ?? "",
             d.url ?? "", d.notes ?? ""]
        }
        return (CSVTable.write(header: nodeColumns, rows: nodes),
                CSVTable.write(header: edgeColumns, rows: edges),
                CSVTable.write(header: documentColumns, rows: documents))
    }

    static func escapeItem(_ s: String, separators: String) -> String {
        var out = ""
        for c in s {
            if c == "\\" || separators.contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Splits on an unescaped separator and removes the escapes. An empty string is no items.
    static func splitList(_ s: String, separator: Character = ";",
                          keepInnerEscapes: Bool = false) -> [String] {
        guard !s.isEmpty else { return [] }
        var items: [String] = []
        var current = ""
        var escaped = false
        for c in s {
            if escaped {
                // Inside an outer list item, keep escapes for the inner level.
                if keepInnerEscapes && c != separator { current.append("\\") }
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == separator {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current.append("\\") }
        items.append(current)
        return items
    }
}

/// Reads the cells of a table by column name, reporting problems at the cell.
struct TableReader {
    let table: CSVTable
    let index: [String: Int]
    private(set) var ok = true

    init(table: CSVTable, required: [String], allowed: [String], sink: inout DiagnosticSink) {
        self.table = table
        var index: [String: Int] = [:]
        for (k, name) in table.header.enumerated() {
            let place = SourcePlace(line: 1, column: table.headerColumns[k])
            let key = name.trimmingCharacters(in: .whitespaces)
            if !allowed.contains(key) {
                sink.error("unknown column '\(key)'\(didYouMean(key, allowed)); expected some of: "
                           + allowed.joined(separator: ", "), at: place)
                ok = false
            } else if index[key] != nil {
                sink.error("duplicate column '\(key)'", at: place)
                ok = false
            } else {
                index[key] = k
            }
        }
        for name in required where index[name] == nil {
            sink.error("missing required column '\(name)' (header: \(table.header.joined(separator: ",")))",
                       at: SourcePlace(line: 1, column: 1))
            ok = false
        }
        self.index = index
    }

    func place(_ row: CSVTable.Row, _ column: String) -> SourcePlace {
        SourcePlace(line: row.line, column: index[column].map { row.columns[$0] } ?? 1)
    }

    func error(_ row: CSVTable.Row, _ column: String, _ message: String, sink: inout DiagnosticSink) {
        sink.error("column '\(column)': \(message)", at: place(row, column))
    }

    /// The cell's text, or nil when the column is absent or the cell empty.
    func optional(_ row: CSVTable.Row, _ column: String) -> String? {
        guard let k = index[column] else { return nil }
        let cell = row.cells[k]
        return cell.isEmpty ? nil : cell
    }

    func required(_ row: CSVTable.Row, _ column: String, sink: inout DiagnosticSink) -> String? {
        guard let text = optional(row, column), !text.allSatisfy(\.isWhitespace) else {
            error(row, column, "empty value", sink: &sink)
            return nil
        }
        return text
    }

    func choice<T: RawRepresentable & CaseIterable>(_ row: CSVTable.Row, _ column: String, _ type: T.Type,
                                                    label: String, sink: inout DiagnosticSink) -> T?
    where T.RawValue == String {
        guard let text = required(row, column, sink: &sink) else { return nil }
        if let value = T(rawValue: text) { return value }
        let names = T.allCases.map(\.rawValue)
        error(row, column, "unknown \(label) '\(text)'\(didYouMean(text, names))", sink: &sink)
        return nil
    }

    func date(_ row: CSVTable.Row, _ column: String, sink: inout DiagnosticSink) -> PartialDate? {
        guard let text = optional(row, column) else { return nil }
        if let date = PartialDate(text) { return date }
        error(row, column, "invalid date '\(text)' (expected YYYY, YYYY-MM or YYYY-MM-DD)", sink: &sink)
        return nil
    }
}

import Foundation
