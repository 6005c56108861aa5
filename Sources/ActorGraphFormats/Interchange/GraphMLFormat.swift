import ActorGraphCore

/// GraphML (graphml.graphdrawing.org): typed `<key>`s for the graph, node and edge fields, one
/// `<edge>` per relation with the relation id as its `id` (parallel edges stay apart), lists and
/// maps as JSON text (GraphML has no list type), `weight` as a double, the rest strings. The
/// graph is `edgedefault="directed"`; `meets` is one edge whose `type` says it is symmetric.
public enum GraphMLFormat {
    /// The GraphML text and how many characters XML could not carry (removed).
    public static func text(for graph: ActorGraph) -> (text: String, removedCharacters: Int) {
        let g = graph.canonicalized()
        var xml = XMLText()
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let graphFields = ModelFields.graph(g)
        let actorFields = g.actors.map(ModelFields.actor)
        let relationFields = g.relations.map(ModelFields.relation)
        func declare(_ domain: String, _ prefix: String, _ order: [String], _ used: [ModelFields.Fields]) {
            let present = Set(used.flatMap { $0.map(\.0) })
            for key in order where present.contains(key) {
                let type = key == "weight" ? "double" : "string"
                out += "  <key\(xml.attributes([("id", prefix + key), ("for", domain), ("attr.name", key), ("attr.type", type)]))/>\n"
            }
        }
        declare("graph", "g_", ModelFields.graphKeys, [graphFields])
        declare("node", "n_", ModelFields.actorKeys, actorFields)
        declare("edge", "e_", ModelFields.relationKeys, relationFields)
        func data(_ prefix: String, _ fields: ModelFields.Fields, indent: String) {
            for (key, value) in fields {
                out += "\(indent)<data key=\"\(prefix)\(key)\">\(xml.escape(value.plainText, attribute: false))</data>\n"
            }
        }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        data("g_", graphFields, indent: "    ")
        for (actor, fields) in zip(g.actors, actorFields) {
            out += "    <node\(xml.attributes([("id", actor.id.rawValue)]))>\n"
            data("n_", fields, indent: "      ")
            out += "    </node>\n"
        }
        for (relation, fields) in zip(g.relations, relationFields) {
            out += "    <edge\(xml.attributes([("id", relation.id.rawValue), ("source", relation.source.rawValue), ("target", relation.target.rawValue)]))>\n"
            data("e_", fields, indent: "      ")
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return (out, xml.removedCharacters)
    }

    /// Reads GraphML: keys by their `attr.name` (a key without one by its id), a node's `name`
    /// (else `label`) as its name, an edge's `id` as the relation id, `directed="false"` (or
    /// `edgedefault="undirected"`) for undirected edges; key defaults apply. Only the first graph
    /// is read; nested graphs and hyperedges are refused.
    public static func graph(from bytes: [UInt8], file: String, options: ImportOptions = ImportOptions()) throws -> LoadedGraph {
        try InputLimits.interchange.check(bytes, file: file)
        let (root, graphNode) = try XMLTreeBuilder.graphDocument(bytes, file: file, root: "graphml", format: "GraphML")
        var keys: [String: (domain: String, name: String)] = [:]
        var defaults: [String: [String: String]] = [:]
        for key in root.all("key") {
            guard let id = key.attributes["id"] else { continue }
            let domain = key.attributes["for"] ?? "all"
            let name = key.attributes["attr.name"] ?? id
            keys[id] = (domain, name)
            if let value = key.child("default")?.text { defaults[domain, default: [:]][name] = value }
        }
        func values(_ element: XMLNode, _ domain: String) -> [String: String] {
            var result = defaults[domain] ?? [:]
            result.merge(defaults["all"] ?? [:]) { own, _ in own }
            for d in element.all("data") {
                guard let id = d.attributes["key"] else { continue }
                result[keys[id]?.name ?? id] = d.text
            }
            return result
        }
        if let nested = graphNode.children.first(where: { $0.name == "hyperedge" || ($0.name == "node" && $0.child("graph") != nil) }) {
            throw DiagnosticsError([Diagnostic(file: file, line: nested.line, message: "nested graphs and hyperedges are not supported")])
        }
        var data = DOTGraphData(directed: graphNode.attributes["edgedefault"] != "undirected")
        data.attributes = values(graphNode, "graph")
        for node in graphNode.all("node") {
            var attributes = values(node, "node")
            if attributes["name"] == nil, let label = attributes.removeValue(forKey: "label") { attributes["name"] = label }
            data.nodes.append(.init(name: node.attributes["id"] ?? "", attributes: attributes, line: node.line))
        }
        for edge in graphNode.all("edge") {
            var attributes = values(edge, "edge")
            if let id = edge.attributes["id"], attributes["id"] == nil { attributes["id"] = id }
            if let directed = edge.attributes["directed"] { attributes["directed"] = directed }
            data.edges.append(.init(tail: edge.attributes["source"] ?? "", head: edge.attributes["target"] ?? "",
                                    attributes: attributes, line: edge.line))
        }
        return try InterchangeReading.finish(data, file: file, options: options)
    }
}
