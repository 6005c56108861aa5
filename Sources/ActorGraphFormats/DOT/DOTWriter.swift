import ActorGraphCore

/// Writes DOT text: our own writer, not Graphviz's, so that exporting needs no Graphviz.
///
/// Deterministic (nodes and edges in id order, attributes in a fixed order), a `digraph` that is
/// never `strict` (one DOT edge per relation, parallel relations kept apart by `key`), and every
/// identifier and value double-quoted, so DOT keywords in any case, leading digits, `-`, `:`, `<…>`
/// and non-Latin text need no special cases. Node names are escString-escaped like values (a
/// backslash is doubled, a line break becomes `\n`): a name ending in a backslash, which raw DOT
/// cannot express, stays parseable, and the node's `id` attribute carries the exact identifier.
/// Attribute keys are written bare (pydot keeps quotes in quoted keys), and a node named exactly
/// `graph`, `node` or `edge` gets a `_` suffix in the DOT text (pydot drops such nodes); its `id`
/// attribute still carries the exact name.
public enum DOTWriter {
    /// DOT text for a drawing.
    ///
    /// - Complexity: O(size of the drawing).
    public static func text(for drawing: DrawingGraph) -> String {
        var out = "digraph \(quote(drawing.name)) {\n"
        func attributes(_ list: [DrawingGraph.Attribute]) -> String {
            list.map { "\(key($0.key))=\(quote($0.value))" }.joined(separator: ", ")
        }
        let names = dotNames(for: drawing.nodes.map(\.name))
        func nodeID(_ name: String) -> String { quote(names[name] ?? EscString.escape(name)) }
        if !drawing.graphAttributes.isEmpty { out += "  graph [\(attributes(drawing.graphAttributes))];\n" }
        if !drawing.nodeDefaults.isEmpty { out += "  node [\(attributes(drawing.nodeDefaults))];\n" }
        if !drawing.edgeDefaults.isEmpty { out += "  edge [\(attributes(drawing.edgeDefaults))];\n" }
        func cluster(_ c: DrawingGraph.Cluster, indent: String) {
            out += "\(indent)subgraph \(quote(c.name)) {\n"
            if !c.attributes.isEmpty { out += "\(indent)  graph [\(attributes(c.attributes))];\n" }
            for node in c.nodes { out += "\(indent)  \(nodeID(node));\n" }
            for nested in c.clusters { cluster(nested, indent: indent + "  ") }
            out += "\(indent)}\n"
        }
        for c in drawing.clusters { cluster(c, indent: "  ") }
        for node in drawing.nodes {
            out += "  \(nodeID(node.name))"
            if !node.attributes.isEmpty { out += " [\(attributes(node.attributes))]" }
            out += ";\n"
        }
        for edge in drawing.edges {
            out += "  \(nodeID(edge.tail)) -> \(nodeID(edge.head)) ["
            out += "key=\(quote(EscString.escape(edge.key)))"
            if !edge.attributes.isEmpty { out += ", " + attributes(edge.attributes) }
            out += "];\n"
        }
        out += "}\n"
        return out
    }

    /// DOT for an actor graph with the export options (every attribute, no legend).
    ///
    /// Attributes a DOT import kept in notes (``NoteAttributes``: a foreign `shape`, Graphviz's
    /// `weight` as `graphviz_weight`) are written back as DOT attributes, replacing the drawing's
    /// own; the graph is marked `generator=actorgraph` so that import leaves the drawing's styling out.
    public static func text(for graph: ActorGraph, options: DiagramOptions = .export) -> String {
        var drawing = DiagramBuilder.drawing(of: graph, options: options)
        guard options.dataAttributes else { return text(for: drawing) }
        func restore(_ attributes: inout [DrawingGraph.Attribute], from notes: String?, data: Set<String>) {
            for (key, value) in NoteAttributes.strings(notes) {
                let name = key == "graphviz_weight" ? "weight" : key
                guard !data.contains(name) else { continue }
                attributes.removeAll { $0.key == name }
                attributes.append(.init(name, value))
            }
        }
        drawing.graphAttributes.append(.init("generator", DOTReader.generator))
        restore(&drawing.graphAttributes, from: graph.description,
                data: ["label", "description", "corpus", "documents", "generator"])
        let actors = graph.actorsByID
        for k in drawing.nodes.indices {
            guard let notes = actors[ActorID(drawing.nodes[k].name)]?.notes else { continue }
            restore(&drawing.nodes[k].attributes, from: notes,
                    data: ["id", "label", "kind", "country", "aliases", "memberOf", "wikidata", "notes", "legend"])
        }
        let relations = Dictionary(graph.relations.map { ($0.id.rawValue, $0.notes) }) { first, _ in first }
        for k in drawing.edges.indices {
            guard let notes = relations[drawing.edges[k].key] ?? nil else { continue }
            restore(&drawing.edges[k].attributes, from: notes,
                    data: ["id", "label", "type", "date", "until", "modality", "evidence", "relation_weight",
                           "notes", "key", "membership", "legend"])
        }
        return text(for: drawing)
    }

    /// The name each node gets in DOT text: escString-escaped, and suffixed when pydot would
    /// mistake it for a keyword statement.
    static func dotNames(for nodes: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var used = Set(nodes.map(EscString.escape))
        for node in nodes {
            var name = EscString.escape(node)
            if ["graph", "node", "edge"].contains(name) {
                repeat { name += "_" } while used.contains(name)
                used.insert(name)
            }
            result[node] = name
        }
        return result
    }

    /// An attribute key: bare when it is a plain identifier that is not a keyword, else quoted.
    static func key(_ text: String) -> String {
        let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
        guard let first = text.unicodeScalars.first, first.isASCIILetterOrUnderscore,
              text.unicodeScalars.allSatisfy({ $0.isASCIILetterOrUnderscore || ("0"..."9").contains($0) }),
              !keywords.contains(text.lowercased()) else { return quote(text) }
        return text
    }

    /// A DOT double-quoted string. Inside quotes DOT's only escape is `\"`; a backslash before
    /// any other character is kept as it is. Values reach here escString-escaped (every backslash
    /// doubled), so a backslash never ends up before the closing quote unpaired.
    static func quote(_ text: String) -> String {
        var out = "\""
        var backslashes = 0
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                // An odd run of backslashes before a quote would swallow our escape: pair it.
                if backslashes % 2 == 1 { out += "\\" }
                out += "\\\""
                backslashes = 0
                continue
            }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
            out.unicodeScalars.append(scalar)
        }
        if backslashes % 2 == 1 { out += "\\" }
        out += "\""
        return out
    }
}
