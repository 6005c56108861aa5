import ActorGraphFormats
import CGraphviz

/// A point in Graphviz coordinates: points (1/72 inch), y up, origin at the bounding box's
/// lower-left corner.
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// Positions computed by a layout engine, as values.
public struct Layout: Sendable {
    public struct Node: Sendable, Hashable {
        public var name: String
        public var center: Point
        /// Width and height in points.
        public var width: Double
        public var height: Double
    }

    public struct Edge: Sendable, Hashable {
        public var key: String
        public var tail: String
        public var head: String
        /// B-spline control points (tail to head), in points.
        public var spline: [Point]
        /// Where the arrowhead ends, when Graphviz drew one at the head (or tail).
        public var arrowHead: Point?
        public var arrowTail: Point?
        /// Centre of the edge label, when the edge has one.
        public var labelPosition: Point?
    }

    public var engine: String
    /// Lower-left and upper-right corners of the drawing.
    public var boundingBox: (lowerLeft: Point, upperRight: Point)
    public var nodes: [Node]
    public var edges: [Edge]
    public var warnings: [String] = []
}

extension GraphvizRenderer {
    /// Reads `pos`, `width`, `height`, `bb` and edge `pos`/`lp` after `attach_attrs`.
    static func readLayout(_ g: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine) -> Layout {
        func point(_ text: String) -> Point? {
            let parts = text.split(separator: ",")
            guard parts.count >= 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return nil }
            return Point(x: x, y: y)
        }
        var box = (lowerLeft: Point(x: 0, y: 0), upperRight: Point(x: 0, y: 0))
        if let bb = get(g, "bb") {
            let v = bb.split(separator: ",").compactMap { Double($0) }
            if v.count == 4 { box = (Point(x: v[0], y: v[1]), Point(x: v[2], y: v[3])) }
        }
        var nodes: [Layout.Node] = []
        var edges: [Layout.Edge] = []
        var n = agfstnode(g)
        while let node = n {
            let name = String(cString: agnameof(node))
            nodes.append(Layout.Node(
                name: name, center: get(node, "pos").flatMap(point) ?? Point(x: 0, y: 0),
                width: (get(node, "width").flatMap(Double.init) ?? 0) * 72,
                height: (get(node, "height").flatMap(Double.init) ?? 0) * 72))
            var e = agfstout(g, node)
            while let edge = e {
                var spline: [Point] = []
                var head: Point?, tail: Point?
                for part in (get(edge, "pos") ?? "").split(separator: " ") {
                    if part.hasPrefix("e,") { head = point(String(part.dropFirst(2))) }
                    else if part.hasPrefix("s,") { tail = point(String(part.dropFirst(2))) }
                    else if let p = point(String(part)) { spline.append(p) }
                }
                // An out-edge's `node` field is its head (cgraph's AGHEAD macro).
                let headNode = String(cString: agnameof(edge.pointee.node))
                edges.append(Layout.Edge(
                    key: agnameof(edge).map { String(cString: $0) } ?? "", tail: name, head: headNode,
                    spline: spline, arrowHead: head, arrowTail: tail,
                    labelPosition: get(edge, "lp").flatMap { $0.isEmpty ? nil : point($0) }))
                e = agnxtout(g, edge)
            }
            n = agnxtnode(g, node)
        }
        return Layout(engine: engine.rawValue, boundingBox: box, nodes: nodes, edges: edges)
    }
}

extension Layout {
    /// The layout as JSON: `{engine, boundingBox: {x0,y0,x1,y1}, nodes: [{id, x, y, width, height}],
    /// edges: [{id, tail, head, spline: [[x,y]…], arrowHead, arrowTail, label}]}` (points, y up).
    public var json: OrderedValue {
        func p(_ point: Point?) -> OrderedValue {
            guard let point else { return .null }
            return .list([.double(point.x), .double(point.y)])
        }
        return .map([
            ("engine", .string(engine)),
            ("units", .string("points; y up; origin at the lower-left corner")),
            ("boundingBox", .map([("x0", .double(boundingBox.lowerLeft.x)), ("y0", .double(boundingBox.lowerLeft.y)),
                                  ("x1", .double(boundingBox.upperRight.x)), ("y1", .double(boundingBox.upperRight.y))])),
            ("nodes", .list(nodes.map { n in
                .map([("id", .string(n.name)), ("x", .double(n.center.x)), ("y", .double(n.center.y)),
                      ("width", .double(n.width)), ("height", .double(n.height))])
            })),
            ("edges", .list(edges.map { e in
                .map([("id", .string(e.key)), ("tail", .string(e.tail)), ("head", .string(e.head)),
                      ("spline", .list(e.spline.map { p($0) })), ("arrowHead", p(e.arrowHead)),
                      ("arrowTail", p(e.arrowTail)), ("label", p(e.labelPosition))])
            })),
        ])
    }
}
