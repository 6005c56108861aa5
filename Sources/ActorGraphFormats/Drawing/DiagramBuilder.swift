import ActorGraphCore

/// How a diagram is drawn.
public struct DiagramOptions: Sendable, Hashable {
    /// Draw members inside a box for their umbrella actor (`memberOf`).
    public var cluster: Bool
    /// Add a legend of the actor kinds and relation types present.
    public var legend: Bool
    /// Show each relation's label on its edge (tooltips always carry it).
    public var edgeLabels: Bool
    /// Actors to emphasise: thick outline, and thick edges among them.
    public var highlight: Set<ActorID>
    /// Add the data attributes (kind, type, date, modality, evidence…) that make DOT import exact.
    public var dataAttributes: Bool
    /// Top-to-bottom (`TB`) or left-to-right (`LR`) for the dot engine.
    public var rankdir: String

    public init(cluster: Bool = false, legend: Bool = true, edgeLabels: Bool = false,
                highlight: Set<ActorID> = [], dataAttributes: Bool = true, rankdir: String = "LR") {
        self.cluster = cluster
        self.legend = legend
        self.edgeLabels = edgeLabels
        self.highlight = highlight
        self.dataAttributes = dataAttributes
        self.rankdir = rankdir
    }

    /// Options for `export --format dot`: every relation label shown, data attributes, no legend.
    public static let export = DiagramOptions(legend: false, edgeLabels: true)
}

/// The look of a diagram: shape and colours by actor kind, colour and arrowhead by relation type,
/// line style by modality. One table, used by DOT export and rendering alike.
public enum DiagramStyle {
    public struct KindStyle: Sendable {
        public var shape: String
        public var fill: String
        public var line: String
        public var style: String
    }

    public struct TypeStyle: Sendable {
        public var color: String
        public var arrowhead: String
    }

    public static func style(for kind: ActorKind) -> KindStyle {
        switch kind {
        case .government: return KindStyle(shape: "box", fill: "#dbeafe", line: "#1e40af", style: "filled")
        case .militia: return KindStyle(shape: "octagon", fill: "#fee2e2", line: "#b91c1c", style: "filled")
        case .organization: return KindStyle(shape: "box", fill: "#fef3c7", line: "#b45309", style: "filled,rounded")
        case .person: return KindStyle(shape: "ellipse", fill: "#dcfce7", line: "#15803d", style: "filled")
        case .international: return KindStyle(shape: "hexagon", fill: "#ede9fe", line: "#6d28d9", style: "filled")
        case .group: return KindStyle(shape: "ellipse", fill: "#f3f4f6", line: "#4b5563", style: "filled,dashed")
        }
    }

    public static func style(for type: RelationType) -> TypeStyle {
        switch type {
        case .supports: return TypeStyle(color: "#15803d", arrowhead: "normal")
        case .opposes: return TypeStyle(color: "#dc2626", arrowhead: "tee")
        case .hosts: return TypeStyle(color: "#2563eb", arrowhead: "diamond")
        case .meets: return TypeStyle(color: "#6b7280", arrowhead: "none")
        }
    }

    /// Line style for a modality: asserted solid, reported dashed, possible dotted, denied dotted
    /// and faded.
    public static func lineStyle(for modality: Modality) -> String {
        switch modality {
        case .asserted: return "solid"
        case .reported: return "dashed"
        case .possible, .denied: return "dotted"
        }
    }

    public static let fontname = "DejaVu Sans"
    public static let membershipColor = "#9ca3af"
}

/// Builds a ``DrawingGraph`` from an actor graph.
public enum DiagramBuilder {
    /// - Complexity: O(A + R + M) for A actors, R relations and M memberships.
    public static func drawing(of graph: ActorGraph, options: DiagramOptions = DiagramOptions()) -> DrawingGraph {
        typealias A = DrawingGraph.Attribute
        let g = graph.canonicalized()
        let names = Dictionary(uniqueKeysWithValues: g.actors.map { ($0.id, $0.name) })
        let formatter = RelationFormatter(g)
        var drawing = DrawingGraph(name: "actorgraph")
        var graphAttributes: [A] = [A("rankdir", options.rankdir), A("fontname", DiagramStyle.fontname),
                                    A("fontsize", "16"), A("labelloc", "t"), A("nodesep", "0.3"),
                                    A("ranksep", "0.6"), A("outputorder", "edgesfirst"), A("pad", "0.3")]
        if let title = g.title { graphAttributes.append(A("label", EscString.escape(title))) }
        if options.dataAttributes {
            if let description = g.description { graphAttributes.append(A("description", EscString.escape(description))) }
            if let corpus = g.corpus { graphAttributes.append(A("corpus", EscString.escape(corpus))) }
            if !g.documents.isEmpty {
                graphAttributes.append(A("documents", EscString.escape(
                    OrderedValue.list(g.documents.map(OrderedValue.document)).compactJSON)))
            }
        }
        drawing.graphAttributes = graphAttributes
        drawing.nodeDefaults = [A("fontname", DiagramStyle.fontname), A("fontsize", "11"),
                                A("margin", "0.12,0.06")]
        drawing.edgeDefaults = [A("fontname", DiagramStyle.fontname), A("fontsize", "9"),
                                A("arrowsize", "0.7")]

        for actor in g.actors {
            let style = DiagramStyle.style(for: actor.kind)
            let highlighted = options.highlight.contains(actor.id)
            var tooltip = "\(actor.name) (\(actor.kind.rawValue)"
            if let country = actor.country { tooltip += ", \(country)" }
            tooltip += ")"
            if !actor.aliases.isEmpty { tooltip += "\nalso: " + actor.aliases.joined(separator: "; ") }
            for m in actor.memberOf {
                tooltip += "\nmember of \(names[m.actor] ?? m.actor.rawValue)" + (m.role.map { " (\($0))" } ?? "")
            }
            var attributes: [A] = [
                A("label", EscString.escape(actor.name)), A("shape", style.shape),
                A("style", highlighted ? style.style + ",bold" : style.style),
                A("fillcolor", style.fill), A("color", style.line),
                A("penwidth", highlighted ? "3" : "1.2"),
                A("tooltip", EscString.escape(tooltip)), A("id", EscString.escape(actor.id.rawValue)),
            ]
            if options.dataAttributes {
                attributes.append(A("kind", actor.kind.rawValue))
                if let country = actor.country { attributes.append(A("country", country)) }
                if !actor.aliases.isEmpty {
                    attributes.append(A("aliases", EscString.escape(
                        OrderedValue.list(actor.aliases.map { .string($0) }).compactJSON)))
                }
                if case .map(let pairs) = OrderedValue.actor(actor),
                   let members = pairs.first(where: { $0.0 == "memberOf" })?.1 {
                    attributes.append(A("memberOf", EscString.escape(members.compactJSON)))
                }
                if let wikidata = actor.wikidata { attributes.append(A("wikidata", EscString.escape(wikidata))) }
                if let notes = actor.notes { attributes.append(A("notes", EscString.escape(notes))) }
            }
            drawing.nodes.append(DrawingGraph.Node(name: actor.id.rawValue, attributes: attributes))
        }

        for relation in g.relations {
            let style = DiagramStyle.style(for: relation.type)
            let faded = relation.modality == .denied
            let color = faded ? style.color + "66" : style.color
            let emphasised = options.highlight.contains(relation.source) && options.highlight.contains(relation.target)
            let tooltip = formatter.tooltip(relation)
            var attributes: [A] = [
                A("color", color), A("fontcolor", color),
                A("style", DiagramStyle.lineStyle(for: relation.modality)),
                A("penwidth", emphasised ? "3" : "1.3"),
                A("arrowhead", style.arrowhead), A("tooltip", EscString.escape(tooltip)),
                A("id", EscString.escape(relation.id.rawValue)),
            ]
            if relation.type.isSymmetric { attributes.append(A("dir", "none")) }
            if let label = relation.label, options.edgeLabels {
                attributes.append(A("label", EscString.escape(label)))
            }
            if options.dataAttributes {
                attributes.append(A("type", relation.type.rawValue))
                if let date = relation.date { attributes.append(A("date", date.description)) }
                if let until = relation.until { attributes.append(A("until", until.description)) }
                attributes.append(A("modality", relation.modality.rawValue))
                if !relation.evidence.isEmpty {
                    attributes.append(A("evidence", EscString.escape(OrderedValue.list(relation.evidence.map {
                        .map([("document", .string($0.document.rawValue)), ("quote", .string($0.quote))])
                    }).compactJSON)))
                }
                if let weight = relation.weight { attributes.append(A("relation_weight", formatNumber(weight))) }
                if let notes = relation.notes { attributes.append(A("notes", EscString.escape(notes))) }
            }
            drawing.edges.append(DrawingGraph.Edge(tail: relation.source.rawValue, head: relation.target.rawValue,
                                                   key: relation.id.rawValue, attributes: attributes))
        }

        if options.cluster {
            drawing.clusters = clusters(for: g)
        } else {
            addMembershipEdges(to: &drawing, graph: g, names: names)
        }
        if options.legend { addLegend(to: &drawing, graph: g) }
        return drawing
    }

    /// Members drawn inside their umbrella: each actor goes in the cluster of its first
    /// `memberOf` target present in the graph; clusters nest.
    static func clusters(for g: ActorGraph) -> [DrawingGraph.Cluster] {
        let present = Set(g.actors.map(\.id))
        var parent: [ActorID: ActorID] = [:]
        var children: [ActorID: [ActorID]] = [:]
        for actor in g.actors {
            if let umbrella = actor.memberOf.first(where: { present.contains($0.actor) && $0.actor != actor.id })?.actor {
                parent[actor.id] = umbrella
                children[umbrella, default: []].append(actor.id)
            }
        }
        let names = Dictionary(uniqueKeysWithValues: g.actors.map { ($0.id, $0.name) })
        func cluster(_ id: ActorID, depth: Int) -> DrawingGraph.Cluster {
            var nodes = [id.rawValue]
            var nested: [DrawingGraph.Cluster] = []
            for child in (children[id] ?? []).sorted() {
                if children[child] != nil && depth < 8 { nested.append(cluster(child, depth: depth + 1)) }
                else { nodes.append(child.rawValue) }
            }
            return DrawingGraph.Cluster(
                name: "cluster_" + id.rawValue,
                attributes: [.init("label", EscString.escape(names[id] ?? id.rawValue)), .init("style", "rounded,dashed"),
                             .init("color", "#9ca3af"), .init("fontsize", "10"), .init("fontcolor", "#4b5563")],
                nodes: nodes, clusters: nested)
        }
        return children.keys.filter { parent[$0] == nil }.sorted().map { cluster($0, depth: 0) }
    }

    /// Thin grey "member of" edges (person → organization, faction → umbrella), marked
    /// `membership=true` so that DOT import skips them (the node's `memberOf` attribute carries them).
    static func addMembershipEdges(to drawing: inout DrawingGraph, graph g: ActorGraph, names: [ActorID: String]) {
        let present = Set(g.actors.map(\.id))
        for actor in g.actors {
            for (k, m) in actor.memberOf.enumerated() where present.contains(m.actor) {
                let tooltip = "\(actor.name) is a member of \(names[m.actor] ?? m.actor.rawValue)" + (m.role.map { " (\($0))" } ?? "")
                drawing.edges.append(.init(
                    tail: actor.id.rawValue, head: m.actor.rawValue, key: "memberOf:\(actor.id.rawValue):\(k)",
                    attributes: [.init("color", DiagramStyle.membershipColor), .init("style", "dashed"),
                                 .init("arrowhead", "odot"), .init("penwidth", "0.8"), .init("weight", "2"),
                                 .init("tooltip", EscString.escape(tooltip)), .init("membership", "true")]))
            }
        }
    }

    /// A legend cluster: one sample node per actor kind present, one sample edge per relation
    /// type and per non-asserted modality present.
    static func addLegend(to drawing: inout DrawingGraph, graph g: ActorGraph) {
        typealias A = DrawingGraph.Attribute
        var taken = Set(drawing.nodes.map(\.name))
        func fresh(_ base: String) -> String {
            var name = base
            while taken.contains(name) { name += "_" }
            taken.insert(name)
            return name
        }
        var nodes: [String] = []
        var kindNodes: [String] = []
        var sampleTails: [String] = []
        let kinds = Set(g.actors.map(\.kind))
        for kind in ActorKind.allCases where kinds.contains(kind) {
            let style = DiagramStyle.style(for: kind)
            let name = fresh("legend_kind_\(kind.rawValue)")
            nodes.append(name)
            kindNodes.append(name)
            drawing.nodes.append(.init(name: name, attributes: [
                A("label", kind.rawValue), A("shape", style.shape), A("style", style.style),
                A("fillcolor", style.fill), A("color", style.line), A("fontsize", "8"),
                A("height", "0.25"), A("margin", "0.05,0.02"),
                A("tooltip", "actor kind: \(kind.rawValue)"), A("legend", "true")]))
        }
        var samples: [(String, String, String, String, String)] = []  // label, color, style, arrowhead, dir
        let types = Set(g.relations.map(\.type))
        for type in RelationType.allCases where types.contains(type) {
            let s = DiagramStyle.style(for: type)
            samples.append((type.rawValue, s.color, "solid", s.arrowhead, type.isSymmetric ? "none" : "forward"))
        }
        if !drawing.edges.filter({ $0.attributes.contains(.init("membership", "true")) }).isEmpty {
            samples.append(("member of", DiagramStyle.membershipColor, "dashed", "odot", "forward"))
        }
        let modalities = Set(g.relations.map(\.modality))
        for modality in Modality.allCases where modality != .asserted && modalities.contains(modality) {
            let color = modality == .denied ? "#37415166" : "#374151"
            samples.append((modality.rawValue, color, DiagramStyle.lineStyle(for: modality), "normal", "forward"))
        }
        for (label, color, style, arrowhead, dir) in samples {
            let tail = fresh("legend_edge_\(label)"), head = fresh("legend_edge_\(label)_head")
            nodes.append(contentsOf: [tail, head])
            sampleTails.append(tail)
            drawing.nodes.append(.init(name: tail, attributes: [
                A("label", label), A("shape", "plaintext"), A("fontsize", "8"), A("height", "0.2"), A("legend", "true"),
                A("tooltip", "relation: \(label)")]))
            drawing.nodes.append(.init(name: head, attributes: [
                A("label", ""), A("shape", "point"), A("width", "0.02"), A("style", "invis"), A("legend", "true")]))
            drawing.edges.append(.init(tail: tail, head: head, key: fresh("legend_\(label)"), attributes: [
                A("color", color), A("style", style), A("arrowhead", arrowhead), A("dir", dir),
                A("penwidth", "1.5"), A("tooltip", "relation: \(label)"), A("legend", "true")]))
        }
        // Invisible edges put the kinds in a column beside the relation samples, not above them.
        for (kindNode, tail) in zip(kindNodes, sampleTails) {
            drawing.edges.append(.init(tail: kindNode, head: tail, key: fresh("legend_align"),
                                       attributes: [A("style", "invis"), A("legend", "true")]))
        }
        drawing.clusters.append(.init(
            name: fresh("cluster_legend"),
            attributes: [A("label", "Legend"), A("style", "rounded"), A("color", "#d1d5db"),
                         A("fontsize", "10"), A("fontcolor", "#374151")],
            nodes: nodes, clusters: []))
    }
}
