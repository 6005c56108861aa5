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
    public struct Input: Sendable {
        public var file: String
        public var bytes: [UInt8]
        public init(file: String, bytes: [UInt8]) {
            self.file = file
            self.bytes = bytes
        }
    }

    /// Builds a graph from an edges table and optional nodes and documents tables, and validates
    /// it: every problem in every row is reported, at its file, line and column.
    ///
    /// - Returns: the graph and its warnings (self-relations).
    /// - Throws: ``DiagnosticsError`` with every error and warning when there is an error.
    /// - Complexity: O(total bytes + R log R) for R rows.
    public static func load(edges: Input, nodes: Input? = nil, documents: Input? = nil) throws -> LoadedGraph {
        for input in [edges, nodes, documents].compactMap({ $0 }) { try InputLimits.table.check(input.bytes, file: input.file) }
        var decoder = CSVDecoder(edges: edges, nodes: nodes, documents: documents)
        if let documents { try decoder.decodeDocuments(documents) }
        if let nodes { try decoder.decodeNodes(nodes) }
        try decoder.decodeEdges(edges, hasNodes: nodes != nil, hasDocuments: documents != nil)
        decoder.map.locator = decoder.rows.locate
        try InputLimits.table.check(decoder.graph, file: edges.file)
        let warnings = try decoder.map.diagnostics(validating: decoder.graph).throwingErrors()
        return LoadedGraph(graph: decoder.graph, warnings: warnings, corpusDirectory: nil)
    }

    /// ``load(edges:nodes:documents:)`` without the warnings.
    public static func graph(edges: Input, nodes: Input? = nil, documents: Input? = nil) throws -> ActorGraph {
        try load(edges: edges, nodes: nodes, documents: documents).graph
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
