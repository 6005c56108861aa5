import ActorGraphCore

/// Writes DOT text: our own writer, not Graphviz's, so that exporting needs no Graphviz.
///
/// Deterministic (nodes and edges in id order, attributes in a fixed order), a `digraph` that is
/// never `strict` (one DOT edge per relation, parallel relations kept apart by `key`), and every
/// identifier and value double-quoted, so DOT keywords in any case, leading digits, `-`, `:`, `<…>`
/// and non-Latin text need no special cases. Node names are escString-escaped like values (a
/// backslash is doubled, a line break becomes `\n`): a name ending in a backslash, which raw DOT
/// cannot express, stays parseable, and the node's `id` attribute carries the exact identifier.
public enum DOTWriter {
    /// DOT text for a drawing.
    ///
    /// - Complexity: O(size of the drawing).
    public static func text(for drawing: DrawingGraph) -> String {
        var out = "digraph \(quote(drawing.name)) {\n"
        func attributes(_ list: [DrawingGraph.Attribute]) -> String {
            list.map { "\(quote($0.key))=\(quote($0.value))" }.joined(separator: ", ")
        }
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
            out += "\(quote("key"))=\(quote(EscString.escape(edge.key)))"
            if !edge.attributes.isEmpty { out += ", " + attributes(edge.attributes) }
            out += "];\n"
        }
        out += "}\n"
        return out
    }

    /// DOT for an actor graph with the export options (every attribute, no legend).
    public static func text(for graph: ActorGraph, options: DiagramOptions = .export) -> String {
        text(for: DiagramBuilder.drawing(of: graph, options: options))
    }

    static func nodeID(_ name: String) -> String { quote(EscString.escape(name)) }

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
