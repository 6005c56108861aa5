import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import Foundation

/// What part of a graph to draw for the page, and how: the same choices as `render`'s options.
public struct DrawingRequest: Sendable, Hashable {
    public var filter: RelationFilter
    public var focus: ActorID?
    public var depth: Int
    public var engine: LayoutEngine?
    public var highlight: Set<ActorID>
    public var graphAttributes: [DrawingGraph.Attribute]
    public var nodeAttributes: [DrawingGraph.Attribute]
    public var edgeAttributes: [DrawingGraph.Attribute]

    public init(filter: RelationFilter = RelationFilter(), focus: ActorID? = nil, depth: Int = 1,
                engine: LayoutEngine? = nil, highlight: Set<ActorID> = [],
                graphAttributes: [DrawingGraph.Attribute] = [], nodeAttributes: [DrawingGraph.Attribute] = [],
                edgeAttributes: [DrawingGraph.Attribute] = []) {
        self.filter = filter
        self.focus = focus
        self.depth = depth
        self.engine = engine
        self.highlight = highlight
        self.graphAttributes = graphAttributes
        self.nodeAttributes = nodeAttributes
        self.edgeAttributes = edgeAttributes
    }

    /// The part of `graph` shown: the filter's view, then the focus's neighbourhood (the focus
    /// itself stays, related or not).
    public func shown(in graph: ActorGraph) -> ActorGraph {
        var view = graph.view(filter).subgraph
        if let focus {
            view = view.neighborhood(of: focus, depth: depth)
            if !view.actors.contains(where: { $0.id == focus }), let actor = graph.actor(focus) {
                view.actors.append(actor)
            }
        }
        return view
    }
}

/// The drawing the page shows: Graphviz's SVG, drawn in process, whose actor nodes carry the
/// actor id and relation edges the relation id as element id, and whose legend is the page's
/// (HTML), not Graphviz's.
public enum ReportDrawing {
    /// The drawing graph for the page: no legend, no data attributes; membership edges get ids
    /// `member:<actor>:<n>` and every element a class (`actor kind-…`, `relation type-… modality-…`,
    /// `membership`) so the page can style and find them.
    public static func drawing(of shown: ActorGraph, request: DrawingRequest, engine: LayoutEngine) -> DrawingGraph {
        var drawing = DiagramBuilder.drawing(of: shown, options: DiagramOptions(
            legend: false, highlight: request.highlight, dataAttributes: false))
        let kinds = Dictionary(shown.actors.map { ($0.id.rawValue, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let relations = Dictionary(shown.relations.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        for i in drawing.nodes.indices {
            if let kind = kinds[drawing.nodes[i].name] {
                drawing.nodes[i].attributes.append(.init("class", "actor kind-\(kind.rawValue)"))
            }
        }
        for i in drawing.edges.indices {
            let key = drawing.edges[i].key
            if let r = relations[key] {
                drawing.edges[i].attributes.append(.init("class", "relation type-\(r.type.rawValue) modality-\(r.modality.rawValue)"))
            } else if key.hasPrefix("memberOf:") {
                drawing.edges[i].attributes.append(.init("id", EscString.escape("member:" + key.dropFirst("memberOf:".count))))
                drawing.edges[i].attributes.append(.init("class", "membership"))
            }
        }
        DrawingTuning.tune(&drawing, engine: engine)
        DrawingTuning.pass(&drawing, graph: request.graphAttributes, node: request.nodeAttributes, edge: request.edgeAttributes)
        return drawing
    }

    /// The SVG element alone (no XML prolog or doctype), ready to sit inside an HTML page.
    public static func svg(of graph: ActorGraph, request: DrawingRequest = DrawingRequest()) throws
        -> (svg: String, shown: ActorGraph, engine: LayoutEngine, warnings: [String]) {
        let shown = request.shown(in: graph)
        let engine = request.engine ?? .automatic(nodeCount: shown.actors.count)
        let drawing = drawing(of: shown, request: request, engine: engine)
        let output = try GraphvizRenderer.render(drawing, engine: engine, format: .svg)
        return (inlineSVG(String(decoding: output.data, as: UTF8.self)), shown, engine, output.warnings)
    }

    /// Drops everything before `<svg` (the XML declaration, doctype and comments Graphviz writes)
    /// and the comments inside (Graphviz names each node and edge in one).
    public static func inlineSVG(_ text: String) -> String {
        guard let start = text.range(of: "<svg") else { return text }
        var rest = text[start.lowerBound...]
        var out = ""
        out.reserveCapacity(rest.utf8.count)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { rest = rest[rest.endIndex...]; break }
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }
}
