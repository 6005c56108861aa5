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
}
