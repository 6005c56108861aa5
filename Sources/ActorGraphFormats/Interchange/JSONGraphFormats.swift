import ActorGraphCore

/// networkx node-link JSON and Cytoscape.js elements JSON: the graph file's fields as JSON
/// members (lists and maps as JSON), one edge per relation with the relation id as `key`
/// (networkx's multigraph key) and, for Cytoscape.js, as the edge's `id`.
public enum JSONGraphFormats {
    /// node-link: `{"directed": true, "multigraph": true, "graph": {…}, "nodes": [{"id": …}],
    /// "edges": [{"source": …, "target": …, "key": …}]}` (networkx 3.6's `edges` key).
    public static func nodeLink(for graph: ActorGraph) -> String {
        let g = graph.canonicalized()
        let nodes = g.actors.map { a in OrderedValue.map([("id", .string(a.id.rawValue))] + ModelFields.actor(a)) }
        let edges = g.relations.map { r in
            OrderedValue.map([("source", .string(r.source.rawValue)), ("target", .string(r.target.rawValue)),
                              ("key", .string(r.id.rawValue))] + ModelFields.relation(r))
        }
        return OrderedValue.map([("directed", .bool(true)), ("multigraph", .bool(true)),
                                 ("graph", .map(ModelFields.graph(g))), ("nodes", .list(nodes)),
                                 ("edges", .list(edges))]).jsonText
    }

    /// Cytoscape.js: `{"data": {…}, "directed": true, "multigraph": true, "elements": {"nodes":
    /// [{"data": {"id", "value", "name", …}}], "edges": [{"data": {"id", "source", "target", "key", …}}]}}`,
    /// which `networkx.cytoscape_graph` also reads.
    public static func cytoscape(for graph: ActorGraph) -> String {
        let g = graph.canonicalized()
        let nodes = g.actors.map { a in
            OrderedValue.map([("data", .map([("id", .string(a.id.rawValue)), ("value", .string(a.id.rawValue))]
                                             + ModelFields.actor(a)))])
        }
        let edges = g.relations.map { r in
            OrderedValue.map([("data", .map([("id", .string(r.id.rawValue)), ("source", .string(r.source.rawValue)),
                                             ("target", .string(r.target.rawValue)), ("key", .string(r.id.rawValue))]
                                            + ModelFields.relation(r)))])
        }
        return OrderedValue.map([("data", .map(ModelFields.graph(g))), ("directed", .bool(true)),
                                 ("multigraph", .bool(true)),
                                 ("elements", .map([("nodes", .list(nodes)), ("edges", .list(edges))]))]).jsonText
    }

    /// Reads node-link JSON (`edges` or networkx's older `links`) or Cytoscape.js JSON (elements
    /// as `{nodes, edges}` or as one list with `group`), whichever the file is. A node's `name`
    /// (else `label`) is its name; an edge's `id`, else a string `key`, its relation id (numeric
    /// keys are networkx's counters and are left out); `"directed": false` makes every edge
    /// undirected.
    public static func graph(from bytes: [UInt8], file: String, options: ImportOptions = ImportOptions()) throws -> LoadedGraph {
        try InputLimits.interchange.check(bytes, file: file)
        guard let top = try InterchangeReading.json(bytes, file: file) as? [String: Any] else {
            throw DiagnosticsError([Diagnostic(file: file, message: "expected a JSON object with nodes and edges")])
        }
        var data = DOTGraphData(directed: top["directed"] as? Bool ?? true)
        var nodes: [[String: Any]], edges: [[String: Any]]
        if let elements = top["elements"] {
            data.attributes = InterchangeReading.attributes(top["data"] as? [String: Any] ?? [:])
            func unwrap(_ list: Any?) -> [[String: Any]] { (list as? [[String: Any]] ?? []).map { $0["data"] as? [String: Any] ?? [:] } }
            if let map = elements as? [String: Any] {
                nodes = unwrap(map["nodes"]); edges = unwrap(map["edges"])
            } else {
                let all = elements as? [[String: Any]] ?? []
                nodes = unwrap(all.filter { ($0["group"] as? String) != "edges" && ($0["data"] as? [String: Any])?["source"] == nil })
                edges = unwrap(all.filter { ($0["group"] as? String) == "edges" || ($0["data"] as? [String: Any])?["source"] != nil })
            }
            nodes = nodes.map { var n = $0; n.removeValue(forKey: "value"); return n }
        } else {
            guard let list = top["nodes"] as? [[String: Any]] else {
                throw DiagnosticsError([Diagnostic(file: file, message: "expected 'nodes' (node-link) or 'elements' (Cytoscape.js)")])
            }
            data.attributes = InterchangeReading.attributes(top["graph"] as? [String: Any] ?? [:])
            nodes = list
            edges = (top["edges"] ?? top["links"]) as? [[String: Any]] ?? []
        }
        for node in nodes {
            var attributes = InterchangeReading.attributes(node, skipping: ["id"])
            if attributes["name"] == nil, let label = attributes.removeValue(forKey: "label") { attributes["name"] = label }
            data.nodes.append(.init(name: node["id"].flatMap(InterchangeReading.text) ?? "", attributes: attributes,
                                    line: nil))
        }
        for edge in edges {
            var attributes = InterchangeReading.attributes(edge, skipping: ["source", "target", "key"])
            if attributes["id"] == nil, let key = edge["key"] as? String { attributes["id"] = key }
            data.edges.append(.init(tail: edge["source"].flatMap(InterchangeReading.text) ?? "",
                                    head: edge["target"].flatMap(InterchangeReading.text) ?? "", attributes: attributes))
        }
        return try InterchangeReading.finish(data, file: file, options: options)
    }
}
