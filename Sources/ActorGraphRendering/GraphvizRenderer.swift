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
    static func build(_ drawing: DrawingGraph) throws -> UnsafeMutablePointer<Agraph_t> {
        var description = Agdesc_t()
        description.directed = 1
        description.strict = 0
        description.no_loop = 0
        description.maingraph = 1
        guard let g = withCString(drawing.name, { agopen($0, description, nil) }) else {
            throw GraphvizError(message: "agopen failed", graphvizMessages: GraphvizLibrary.takeMessages())
        }
        // Defaults first: agset and agsafeset are cheaper, and defaults apply, once declared.
        for a in drawing.graphAttributes { declare(g, kind: AGRAPH, a.key, "") }
        for a in drawing.nodeDefaults { declare(g, kind: AGNODE, a.key, a.value) }
        for a in drawing.edgeDefaults { declare(g, kind: AGEDGE, a.key, a.value) }
        for a in drawing.graphAttributes { set(g, a.key, a.value) }
        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        for node in drawing.nodes {
            guard let n = withCString(node.name, { agnode(g, $0, 1) }) else { continue }
            nodes[node.name] = n
            for a in node.attributes { set(n, a.key, a.value) }
        }
        func addClusters(_ clusters: [DrawingGraph.Cluster], to parent: UnsafeMutablePointer<Agraph_t>) {
            for c in clusters {
                guard let sub = withCString(c.name, { agsubg(parent, $0, 1) }) else { continue }
                for a in c.attributes { set(sub, a.key, a.value) }
                for name in c.nodes { if let n = nodes[name] { agsubnode(sub, n, 1) } }
                addClusters(c.clusters, to: sub)
            }
        }
        addClusters(drawing.clusters, to: g)
        for edge in drawing.edges {
            guard let t = nodes[edge.tail], let h = nodes[edge.head],
                  let e = withCString(edge.key, { agedge(g, t, h, $0, 1) }) else { continue }
            for a in edge.attributes { set(e, a.key, a.value) }
        }
        return g
    }

    static func declare(_ g: UnsafeMutablePointer<Agraph_t>, kind: Int32, _ key: String, _ value: String) {
        withCString(key) { k in withCString(value) { v in _ = agattr(g, kind, k, v) } }
    }

    static func set(_ object: UnsafeMutableRawPointer, _ key: String, _ value: String) {
        withCString(key) { k in withCString(value) { v in withCString("") { d in _ = agsafeset(object, k, v, d) } } }
    }

    /// cgraph takes `char *` and copies the text; a temporary mutable copy is enough.
    static func withCString<T>(_ s: String, _ body: (UnsafeMutablePointer<CChar>) -> T) -> T {
        var bytes = Array(s.utf8CString)
        return bytes.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    static func get(_ object: UnsafeMutableRawPointer, _ key: String) -> String? {
        withCString(key) { k in agget(object, k).map { String(cString: $0) } }
    }
}
