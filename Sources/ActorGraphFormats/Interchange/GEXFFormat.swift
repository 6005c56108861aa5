import ActorGraphCore

/// GEXF 1.3 (gexf.net/1.3), valid against its XSD: nodes with `label` = name and attvalues for
/// kind, aliases, country, memberOf, wikidata, notes; one edge per relation with the relation id,
/// `kind` = type (Gephi's parallel typed edges), `label`, `weight` when the relation has one, the
/// time as a spell from the first day of `date` to the last day of `until` (or of `date`), and
/// attvalues for type (networkx drops `kind`), date and until as written (the spell is day-exact,
/// the model's dates may be a month or a year), modality, label, evidence (JSON), weight, notes.
/// The graph's description goes into `<meta>`; its title, corpus and document metadata have no
/// place in GEXF (documents come back from the evidence, path = id).
public enum GEXFFormat {
    public static func text(for graph: ActorGraph) -> (text: String, removedCharacters: Int) {
        let g = graph.canonicalized()
        var xml = XMLText()
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>ActorGraph</creator>\n"
        if let description = g.description { out += "    <description>\(xml.escape(description, attribute: false))</description>\n" }
        out += "  </meta>\n"
        let dynamic = g.relations.contains { $0.date != nil }
        out += "  <graph defaultedgetype=\"directed\" mode=\"\(dynamic ? "dynamic" : "static")\""
        out += dynamic ? " timeformat=\"date\">\n" : ">\n"
        let actorFields = g.actors.map { ModelFields.actor($0).filter { $0.0 != "name" } }
        let relationFields = g.relations.map(ModelFields.relation)
        func declare(_ domain: String, _ order: [String], _ used: [ModelFields.Fields]) {
            let present = Set(used.flatMap { $0.map(\.0) })
            let keys = order.filter(present.contains)
            guard !keys.isEmpty else { return }
            out += "    <attributes class=\"\(domain)\" mode=\"static\">\n"
            for key in keys {
                out += "      <attribute id=\"\(key)\" title=\"\(key)\" type=\"\(key == "weight" ? "double" : "string")\"/>\n"
            }
            out += "    </attributes>\n"
        }
        declare("node", ModelFields.actorKeys, actorFields)
        declare("edge", ModelFields.relationKeys, relationFields)
        func attvalues(_ fields: ModelFields.Fields, indent: String) {
            guard !fields.isEmpty else { return }
            out += "\(indent)<attvalues>\n"
            for (key, value) in fields { out += "\(indent)  <attvalue for=\"\(key)\"\(xml.attributes([("value", value.plainText)]))/>\n" }
            out += "\(indent)</attvalues>\n"
        }
        out += "    <nodes count=\"\(g.actors.count)\">\n"
        for (actor, fields) in zip(g.actors, actorFields) {
            out += "      <node\(xml.attributes([("id", actor.id.rawValue), ("label", actor.name)]))>\n"
            attvalues(fields, indent: "        ")
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges count=\"\(g.relations.count)\">\n"
        for (r, fields) in zip(g.relations, relationFields) {
            var pairs = [("id", r.id.rawValue), ("source", r.source.rawValue), ("target", r.target.rawValue),
                         ("kind", r.type.rawValue)]
            if let label = r.label { pairs.append(("label", label)) }
            if let weight = r.weight { pairs.append(("weight", formatNumber(weight))) }
            out += "      <edge\(xml.attributes(pairs))>\n"
            attvalues(fields, indent: "        ")
            if let time = ModelFields.interval(r) {
                out += "        <spells>\n          <spell start=\"\(time.start)\" end=\"\(time.end)\"/>\n        </spells>\n"
            }
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return (out, xml.removedCharacters)
    }

    /// Reads GEXF 1.1–1.3: attvalues by their attribute's title, `label` as the name, an edge's
    /// `kind` as its type when no `type` attvalue says otherwise, `type="undirected"` (or the
    /// graph's `defaultedgetype`) for undirected edges, `weight`, and the first spell (or the
    /// edge's `start`/`end`) as date and until when no attvalue gives them.
    public static func graph(from bytes: [UInt8], file: String, options: ImportOptions = ImportOptions()) throws -> LoadedGraph {
        try InputLimits.interchange.check(bytes, file: file)
        let (root, graphNode) = try XMLTreeBuilder.graphDocument(bytes, file: file, root: "gexf", format: "GEXF")
        var titles: [String: [String: String]] = ["node": [:], "edge": [:]]
        var defaults: [String: [String: String]] = ["node": [:], "edge": [:]]
        for block in graphNode.all("attributes") {
            let domain = block.attributes["class"] ?? "node"
            for attribute in block.all("attribute") {
                guard let id = attribute.attributes["id"] else { continue }
                let title = attribute.attributes["title"] ?? id
                titles[domain, default: [:]][id] = title
                if let value = attribute.child("default")?.text { defaults[domain, default: [:]][title] = value }
            }
        }
        func values(_ element: XMLNode, _ domain: String) -> [String: String] {
            var result = defaults[domain] ?? [:]
            for value in element.child("attvalues")?.all("attvalue") ?? [] {
                guard let id = value.attributes["for"], let text = value.attributes["value"] else { continue }
                result[titles[domain]?[id] ?? id] = text
            }
            return result
        }
        var data = DOTGraphData(directed: graphNode.attributes["defaultedgetype"] != "undirected")
        if let description = root.child("meta")?.child("description")?.text { data.attributes["description"] = description }
        for node in graphNode.child("nodes")?.all("node") ?? [] {
            var attributes = values(node, "node")
            if attributes["name"] == nil, let label = node.attributes["label"] { attributes["name"] = label }
            data.nodes.append(.init(name: node.attributes["id"] ?? "", attributes: attributes, line: node.line))
        }
        for edge in graphNode.child("edges")?.all("edge") ?? [] {
            var attributes = values(edge, "edge")
            let a = edge.attributes
            for (key, name) in [("id", "id"), ("kind", "type"), ("label", "label"), ("weight", "weight")] where attributes[name] == nil {
                if let value = a[key] { attributes[name] = value }
            }
            if let type = a["type"] { attributes["directed"] = type == "undirected" ? "false" : "true" }
            let spell = edge.child("spells")?.child("spell")?.attributes ?? a
            if attributes["date"] == nil, attributes["until"] == nil, let start = spell["start"] ?? spell["timestamp"] {
                attributes["date"] = start
                if let end = spell["end"], end != start { attributes["until"] = end }
            }
            data.edges.append(.init(tail: a["source"] ?? "", head: a["target"] ?? "", attributes: attributes, line: edge.line))
        }
        return try InterchangeReading.finish(data, file: file, options: options)
    }
}
