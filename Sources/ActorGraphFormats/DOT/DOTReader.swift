import ActorGraphCore
import Foundation

/// Maps a parsed DOT graph onto the model and validates it.
///
/// Node attribute `kind` and edge attributes `type`, `label`, `date`, `until`, `modality`,
/// `evidence` (JSON), `relation_weight` and `notes` map onto the model, as do the node attributes
/// `id`, `label`, `aliases` and `memberOf` (JSON), `country`, `wikidata`, `notes`, and the graph
/// attributes ``DOTWriter`` writes (`label` as title, `description`, `corpus`, `documents`).
/// escString values are unescaped. Anything missing is defaulted (kind `group`, type `supports`,
/// or `meets` in an undirected graph, or ``ImportOptions/type``; modality `asserted`, name = id)
/// with one warning per field saying how many elements were defaulted; a foreign `kind` such as
/// `proc` is defaulted and kept. Every other attribute (`shape`, Graphviz's `weight`…) is kept in
/// the element's notes (``NoteAttributes``; the graph's in its description) and written back by
/// ``DOTWriter``. Graphviz's own styling in a file ActorGraph wrote (graph attribute
/// `generator=actorgraph`) is left out. Legend nodes and edges and membership edges drawn by
/// ActorGraph are skipped.
public enum DOTReader {
    /// Marks DOT that ``DOTWriter`` wrote: its styling attributes are not data.
    static let generator = "actorgraph"

    /// What ActorGraph's drawing adds for Graphviz; left out when reading its own DOT back.
    static let styling: (graph: Set<String>, node: Set<String>, edge: Set<String>) = (
        ["rankdir", "fontname", "fontsize", "labelloc", "nodesep", "ranksep", "outputorder", "pad", "generator"],
        ["shape", "style", "fillcolor", "color", "penwidth", "tooltip", "fontname", "fontsize", "margin"],
        ["color", "fontcolor", "style", "penwidth", "arrowhead", "tooltip", "dir", "fontname", "fontsize", "arrowsize"])

    /// Data attributes whose values are escStrings, unescaped on reading.
    static let escaped: Set<String> = ["label", "id", "description", "corpus", "documents", "aliases", "memberOf",
                                       "wikidata", "notes", "evidence"]

    /// - Parameter file: how the input is named in diagnostics.
    /// - Returns: the graph and its warnings (the parser's, defaults, self-relations).
    /// - Throws: ``DiagnosticsError`` with every error, at the line of its node or edge, and the
    ///   warnings, when there is an error.
    public static func graph(from data: DOTGraphData, file: String,
                             options: ImportOptions = ImportOptions()) throws -> LoadedGraph {
        try AttributeMapper.graph(from: neutral(data), file: file, options: options, nameAttribute: "label")
    }

    /// The DOT data with the mapper's attribute names: DOT's `label` is a node's name and the
    /// graph's title, `relation_weight` the weight; data values unescaped.
    static func neutral(_ data: DOTGraphData) -> DOTGraphData {
        let ours = data.attributes["generator"] == generator
        func rename(_ attributes: [String: String], skip: Set<String>, renames: [String: String]) -> [String: String] {
            var result: [String: String] = [:]
            for (key, value) in attributes where !(ours && skip.contains(key)) && !value.isEmpty {
                let name = renames[key] ?? key
                if name == "name", value == "\\N" { continue }
                result[name] = escaped.contains(key) ? EscString.unescape(value) : value
            }
            return result
        }
        var out = data
        out.parserWarnings = data.parserWarnings.map { "graphviz: \($0)" }
        // The text reaches the parser as UTF-8 whatever `charset` said; the graph file is UTF-8 too.
        var graph = rename(data.attributes.filter { $0.key != "charset" }, skip: styling.graph,
                           renames: ["label": "title"])
        let foreign = graph.filter { !AttributeMapper.graphKeys.contains($0.key) }
        if !foreign.isEmpty {
            graph = graph.filter { AttributeMapper.graphKeys.contains($0.key) }
            graph["description"] = NoteAttributes.merge(foreign.mapValues { .string($0) }, into: graph["description"])
        }
        out.attributes = graph
        out.nodes = data.nodes.filter { $0.attributes["legend"] != "true" }.map { node in
            var node = node
            node.attributes = rename(node.attributes, skip: styling.node, renames: ["label": "name"])
            return node
        }
        out.edges = data.edges.filter { $0.attributes["legend"] != "true" && $0.attributes["membership"] != "true" }
            .map { edge in
                var edge = edge
                // Graphviz's `weight` is a layout hint, not the relation's: kept as `graphviz_weight`.
                edge.attributes = rename(edge.attributes, skip: styling.edge,
                                         renames: ["relation_weight": "weight", "weight": "graphviz_weight"])
                if !data.directed, edge.attributes["directed"] == nil { edge.attributes["directed"] = "false" }
                return edge
            }
        return out
    }
}
