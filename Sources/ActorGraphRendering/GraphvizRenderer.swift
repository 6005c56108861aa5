import ActorGraphFormats
import CGraphviz
import Foundation

/// A Graphviz layout engine.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo, twopi

    /// The engine used when none is named: `dot` (hierarchical, best for small graphs) up to
    /// ``dotLimit`` actors, `sfdp` beyond (plain dot took minutes on 1,000 nodes on this machine;
    /// sfdp a third of a second).
    public static func automatic(nodeCount: Int) -> LayoutEngine { nodeCount <= dotLimit ? .dot : .sfdp }
    public static let dotLimit = 150
}

/// An output format rendered in memory.
public enum OutputFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, json, dot

    /// The format a file name's extension implies (`.gv` and `.dot` are positioned DOT).
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "json": self = .json
        case "dot", "gv": self = .dot
        default: return nil
        }
    }
}

/// A failure inside Graphviz, with what Graphviz said (never printed by Graphviz itself).
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var graphvizMessages: [String]
    public var description: String {
        ([message] + graphvizMessages.map { "graphviz: " + $0 }).joined(separator: "\n")
    }
}

/// Rendered bytes plus any warnings Graphviz reported.
public struct RenderOutput: Sendable {
    public var data: Data
    public var warnings: [String]
}

/// Lays out and renders drawings in process through libgvc and libcgraph.
///
/// Each call builds a fresh cgraph graph through the API (agopen, agnode, agedge, agsafeset),
/// never by parsing DOT text, lays it out, renders or reads it back, and frees everything
/// (gvFreeRenderData, gvFreeLayout, agclose) on every path. All of it runs under
/// ``GraphvizLibrary``'s lock, so concurrent callers are serialised, not crashed.
public enum GraphvizRenderer {
    /// Renders `drawing` with `engine` to `format`.
    ///
    /// - Throws: ``GraphvizError`` when the engine or format is not installed or Graphviz fails.
    public static func render(_ drawing: DrawingGraph, engine: LayoutEngine, format: OutputFormat) throws -> RenderOutput {
        try withLayout(of: drawing, engine: engine, format: format) { g, gvc in
            var result: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let rc = gvRenderData(gvc, g, format.rawValue, &result, &length)
            defer { if let result { gvFreeRenderData(result) } }
            let messages = GraphvizLibrary.takeMessages()
            guard rc == 0, let result else {
                throw GraphvizError(message: "rendering to \(format.rawValue) failed", graphvizMessages: messages)
            }
            return RenderOutput(data: Data(bytes: result, count: Int(length)), warnings: messages)
        }
    }

    /// Lays out `drawing` with `engine` and reads positions back as values.
    public static func layout(_ drawing: DrawingGraph, engine: LayoutEngine) throws -> Layout {
        try withLayout(of: drawing, engine: engine, format: nil) { g, _ in
            attach_attrs(g)
            var layout = readLayout(g, engine: engine)
            layout.warnings = GraphvizLibrary.takeMessages()
            return layout
        }
    }

    /// Under the lock: checks the engine (and format), builds a fresh graph, lays it out, runs
    /// `body`, then frees the layout and the graph, on every path.
    static func withLayout<T>(of drawing: DrawingGraph, engine: LayoutEngine, format: OutputFormat?,
                              _ body: (UnsafeMutablePointer<Agraph_t>, OpaquePointer) throws -> T) throws -> T {
        try GraphvizLibrary.withContext { gvc in
            try check(engine: engine, format: format, gvc: gvc)
            GraphvizLibrary.resetMessages()
            let g = try build(drawing)
            defer { agclose(g) }
            try runLayout(g, engine: engine, gvc: gvc)
            defer { gvFreeLayout(gvc, g) }
            return try body(g, gvc)
        }
    }

    static func check(engine: LayoutEngine, format: OutputFormat?, gvc: OpaquePointer) throws {
        try require(engine.rawValue, kind: "layout", gvc: gvc) { "has no '\($0)' layout engine (it has: \($1))" }
        if let format {
            try require(format.rawValue, kind: "device", gvc: gvc) { "cannot render '\($0)' (it can: \($1))" }
        }
    }

    /// Throws when the installed Graphviz has no `kind` plugin named `name`; the message lists
    /// what it has, or says how to register the plugins when it has none.
    static func require(_ name: String, kind: String, gvc: OpaquePointer,
                        message: (String, String) -> String) throws {
        let available = GraphvizLibrary.plugins(kind: kind, gvc: gvc)
        guard !available.contains(name) else { return }
        let listed = available.isEmpty ? "none; run `dot -c` as root or reinstall graphviz" : available.joined(separator: ", ")
        throw GraphvizError(message: "the installed Graphviz " + message(name, listed), graphvizMessages: [])
    }

    static func runLayout(_ g: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine, gvc: OpaquePointer) throws {
        let rc = gvLayout(gvc, g, engine.rawValue)
        if rc != 0 {
            throw GraphvizError(message: "\(engine.rawValue) layout failed", graphvizMessages: GraphvizLibrary.takeMessages())
        }
    }

    /// Builds a cgraph graph from the drawing. The caller closes it.
    ///
    /// Every attribute name is declared once per kind (`agattr`), in the order of first use, before
    /// any node or edge exists, so cgraph never has to grow the records of objects already made; each
    /// value is then set through its symbol (`agxset`). O(attributes) calls, no name lookups in cgraph.
    static func build(_ drawing: DrawingGraph) throws -> UnsafeMutablePointer<Agraph_t> {
        var description = Agdesc_t()
        description.directed = 1
        description.strict = 0
        description.no_loop = 0
        description.maingraph = 1
        guard let g = drawing.name.withCString({ agopen(mutating($0), description, actorgraph_discipline()) }) else {
            throw GraphvizError(message: "agopen failed", graphvizMessages: GraphvizLibrary.takeMessages())
        }
        var symbols = AttributeSymbols(root: g)
        for a in drawing.graphAttributes { symbols.declare(AGRAPH, a.key) }
        for a in drawing.nodeDefaults { symbols.declare(AGNODE, a.key, default: a.value) }
        for a in drawing.edgeDefaults { symbols.declare(AGEDGE, a.key, default: a.value) }
        for node in drawing.nodes { for a in node.attributes { symbols.declare(AGNODE, a.key) } }
        for edge in drawing.edges { for a in edge.attributes { symbols.declare(AGEDGE, a.key) } }
        func declareClusters(_ clusters: [DrawingGraph.Cluster]) {
            for c in clusters {
                for a in c.attributes { symbols.declare(AGRAPH, a.key) }
                declareClusters(c.clusters)
            }
        }
        declareClusters(drawing.clusters)

        symbols.set(g, AGRAPH, drawing.graphAttributes)
        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        nodes.reserveCapacity(drawing.nodes.count)
        for node in drawing.nodes {
            guard let n = node.name.withCString({ agnode(g, mutating($0), 1) }) else { continue }
            nodes[node.name] = n
            symbols.set(n, AGNODE, node.attributes)
        }
        func addClusters(_ clusters: [DrawingGraph.Cluster], to parent: UnsafeMutablePointer<Agraph_t>) {
            for c in clusters {
                guard let sub = c.name.withCString({ agsubg(parent, mutating($0), 1) }) else { continue }
                symbols.set(sub, AGRAPH, c.attributes)
                for name in c.nodes { if let n = nodes[name] { agsubnode(sub, n, 1) } }
                addClusters(c.clusters, to: sub)
            }
        }
        addClusters(drawing.clusters, to: g)
        for edge in drawing.edges {
            guard let t = nodes[edge.tail], let h = nodes[edge.head],
                  let e = edge.key.withCString({ agedge(g, t, h, mutating($0), 1) }) else { continue }
            symbols.set(e, AGEDGE, edge.attributes)
        }
        return g
    }

    /// The attribute symbols of one graph under construction, by kind and name.
    struct AttributeSymbols {
        let root: UnsafeMutablePointer<Agraph_t>
        /// Indexed by cgraph kind: AGRAPH (0), AGNODE (1), AGOUTEDGE (2, which is AGEDGE).
        var byKind: [[String: UnsafeMutablePointer<Agsym_t>]] = [[:], [:], [:]]

        /// Declares `key` for `kind` with `value` as its default, unless already declared.
        mutating func declare(_ kind: Int32, _ key: String, default value: String = "") {
            guard byKind[Int(kind)][key] == nil else { return }
            let symbol = key.withCString { k in value.withCString { v in agattr(root, kind, mutating(k), mutating(v)) } }
            byKind[Int(kind)][key] = symbol
        }

        /// Sets each attribute on `object` (of `kind`) through its declared symbol.
        func set(_ object: UnsafeMutableRawPointer, _ kind: Int32, _ attributes: [DrawingGraph.Attribute]) {
            for a in attributes {
                guard let symbol = byKind[Int(kind)][a.key] else { continue }
                a.value.withCString { _ = agxset(object, symbol, mutating($0)) }
            }
        }
    }

    /// cgraph's API takes `char *` where it only reads (it copies names and values into its own
    /// string pool), so a borrowed C string is passed as mutable.
    static func mutating(_ p: UnsafePointer<CChar>) -> UnsafeMutablePointer<CChar> { UnsafeMutablePointer(mutating: p) }

    static func get(_ object: UnsafeMutableRawPointer, _ key: String) -> String? {
        key.withCString { k in agget(object, mutating(k)).map { String(cString: $0) } }
    }
}
