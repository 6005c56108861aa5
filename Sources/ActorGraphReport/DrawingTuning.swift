import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering

/// Adjustments to a drawing that depend on the layout engine, and the `--graph-attribute`,
/// `--node-attribute`, `--edge-attribute` passthrough of `render`, `layout` and `report`.
public enum DrawingTuning {
    /// Engines that place nodes by forces: they ignore clusters (so a legend cluster would be
    /// scattered among the actors) and overlap nodes unless told to remove overlaps.
    public static func isForceDirected(_ engine: LayoutEngine) -> Bool {
        engine == .sfdp || engine == .neato || engine == .fdp
    }

    /// The overlap removal asked of force-directed engines unless `overlap` is passed through:
    /// `prism` (Graphviz's proximity-stress method, scales little) with a margin of 4 points
    /// round every node (`sep`).
    public static let overlap = "prism"
    public static let separation = "+4"

    /// Sets engine defaults: overlap removal for force-directed engines. Attributes already set
    /// (by the passthrough, say) win.
    public static func tune(_ drawing: inout DrawingGraph, engine: LayoutEngine) {
        guard isForceDirected(engine) else { return }
        setDefault(&drawing.graphAttributes, "overlap", overlap)
        setDefault(&drawing.graphAttributes, "sep", separation)
    }

    /// Passes attributes through to Graphviz: graph attributes replace the drawing's, node and
    /// edge attributes replace those of every actor and relation (and are the defaults of the rest).
    public static func pass(_ drawing: inout DrawingGraph, graph: [DrawingGraph.Attribute] = [],
                            node: [DrawingGraph.Attribute] = [], edge: [DrawingGraph.Attribute] = []) {
        for a in graph { set(&drawing.graphAttributes, a.key, a.value) }
        for a in node {
            set(&drawing.nodeDefaults, a.key, a.value)
            for i in drawing.nodes.indices where !isLegend(drawing.nodes[i].attributes) {
                set(&drawing.nodes[i].attributes, a.key, a.value)
            }
        }
        for a in edge {
            set(&drawing.edgeDefaults, a.key, a.value)
            for i in drawing.edges.indices where !isLegend(drawing.edges[i].attributes) {
                set(&drawing.edges[i].attributes, a.key, a.value)
            }
        }
    }

    /// Parses `key=value` (the value may hold `=`); nil for a missing `=` or an empty key.
    public static func attribute(_ text: String) -> DrawingGraph.Attribute? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let key = text[..<eq].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return nil }
        return DrawingGraph.Attribute(key, String(text[text.index(after: eq)...]))
    }

    /// The legend as lines of the graph's label, above the layout: what force-directed engines
    /// get instead of a legend cluster (which they would scatter). Only what the graph holds.
    public static func labelLegend(for graph: ActorGraph) -> [String] {
        let kinds = Set(graph.actors.map(\.kind)), types = Set(graph.relations.map(\.type))
        let modalities = Set(graph.relations.map(\.modality))
        func colour(_ hex: String) -> String {
            switch hex {
            case "#15803d": return "green"
            case "#dc2626", "#b91c1c": return "red"
            case "#2563eb", "#1e40af": return "blue"
            case "#6b7280", "#4b5563": return "grey"
            case "#b45309": return "amber"
            case "#6d28d9": return "violet"
            default: return hex
            }
        }
        var lines: [String] = []
        let k = ActorKind.allCases.filter(kinds.contains).map { kind -> String in
            let s = DiagramStyle.style(for: kind)
            return "\(kind.rawValue) \(colour(s.line)) \(s.shape)"
        }
        if !k.isEmpty { lines.append("Actors: " + k.joined(separator: " · ")) }
        let t = RelationType.allCases.filter(types.contains).map { type -> String in
            let s = DiagramStyle.style(for: type)
            let head = type.isSymmetric ? "no arrowhead" : s.arrowhead == "normal" ? "arrow" : s.arrowhead
            return "\(type.rawValue) \(colour(s.color)) \(head)"
        }
        if !t.isEmpty { lines.append("Relations: " + t.joined(separator: " · ")) }
        let m = Modality.allCases.filter(modalities.contains).filter { $0 != .asserted }.map { modality -> String in
            modality == .denied ? "denied faded dotted" : "\(modality.rawValue) \(DiagramStyle.lineStyle(for: modality))"
        }
        if !m.isEmpty { lines.append("Lines: asserted solid · " + m.joined(separator: " · ")) }
        return lines
    }

    /// Replaces a legend cluster by the label legend (title first) for force-directed engines.
    public static func moveLegendOutside(_ drawing: inout DrawingGraph, graph: ActorGraph) {
        drawing.nodes.removeAll { isLegend($0.attributes) }
        drawing.edges.removeAll { isLegend($0.attributes) }
        drawing.clusters.removeAll { $0.name.hasPrefix("cluster_legend") }
        let lines = labelLegend(for: graph)
        guard !lines.isEmpty else { return }
        let title = graph.title.map { [$0, ""] } ?? []
        set(&drawing.graphAttributes, "label", EscString.escape((title + lines).joined(separator: "\n")))
        set(&drawing.graphAttributes, "labelloc", "t")
    }

    static func isLegend(_ attributes: [DrawingGraph.Attribute]) -> Bool {
        attributes.contains(DrawingGraph.Attribute("legend", "true"))
    }

    static func set(_ list: inout [DrawingGraph.Attribute], _ key: String, _ value: String) {
        if let i = list.firstIndex(where: { $0.key == key }) { list[i].value = value }
        else { list.append(DrawingGraph.Attribute(key, value)) }
    }

    static func setDefault(_ list: inout [DrawingGraph.Attribute], _ key: String, _ value: String) {
        if !list.contains(where: { $0.key == key }) { list.append(DrawingGraph.Attribute(key, value)) }
    }
}
