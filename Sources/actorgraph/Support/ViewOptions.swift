import ActorGraphCore
import ActorGraphFormats
import ActorGraphRendering
import ActorGraphReport
import ArgumentParser

/// Which relations count: the filter every drawing and analysis command shares.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Relation types to keep, comma-separated: supports, meets, opposes, hosts.", valueName: "types"))
    var types: String?

    @Option(help: ArgumentHelp("Modalities to keep, comma-separated: asserted, reported, possible, denied.", valueName: "modalities"))
    var modality: String?

    @Option(help: ArgumentHelp("Keep only relations between actors of these kinds, comma-separated: government, militia, organization, person, international, group.", valueName: "kinds"))
    var kinds: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The graph as of a date (YYYY, YYYY-MM or YYYY-MM-DD): relations begun by then and not ended before it; undated ones are left out.", valueName: "date"))
    var asOf: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Relations whose dates overlap FROM…TO; undated ones are left out.", valueName: "from to"))
    var between: [String] = []

    func validate() throws {
        _ = try filter()
        if !between.isEmpty && between.count != 2 { throw ValidationError("--between takes two dates: FROM TO") }
    }

    func filter() throws -> RelationFilter {
        func list<T: RawRepresentable & CaseIterable>(_ text: String?, _: T.Type, _ option: String) throws -> Set<T>?
        where T.RawValue == String {
            guard let text else { return nil }
            var set = Set<T>()
            for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let value = T(rawValue: part) else {
                    throw ValidationError("--\(option): unknown value '\(part)'; expected: " + T.allCases.map(\.rawValue).joined(separator: ", "))
                }
                set.insert(value)
            }
            return set
        }
        func date(_ text: String, _ option: String) throws -> PartialDate {
            guard let d = PartialDate(text) else { throw ValidationError("--\(option): invalid date '\(text)' (expected YYYY, YYYY-MM or YYYY-MM-DD)") }
            return d
        }
        var filter = RelationFilter(types: try list(types, RelationType.self, "types"),
                                    modalities: try list(modality, Modality.self, "modality"),
                                    actorKinds: try list(kinds, ActorKind.self, "kinds"))
        if let asOf { filter.asOf = try date(asOf, "as-of") }
        if between.count == 2 {
            let from = try date(between[0], "between"), to = try date(between[1], "between")
            guard from <= to else { throw ValidationError("--between: \(from) is after \(to)") }
            filter.between = from...to
        }
        return filter
    }
}

/// Which part of the graph a drawing command shows, and how.
struct ViewOptions: ParsableArguments {
    @OptionGroup var relations: FilterOptions

    @Option(help: ArgumentHelp("Show only this actor's neighbourhood (see --depth).", valueName: "actor"))
    var focus: String?

    @Option(help: "Neighbourhood radius for --focus, in relations.")
    var depth: Int = 1

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Actors to emphasise.", valueName: "actor"))
    var highlight: [String] = []

    @Flag(help: "Draw members inside their umbrella actor (memberOf).")
    var cluster = false

    @Flag(name: .customLong("no-legend"), help: "Leave the legend out.")
    var noLegend = false

    @Flag(name: .customLong("edge-labels"), help: "Print each relation's label on its edge (tooltips always carry it).")
    var edgeLabels = false

    @OptionGroup var passthrough: PassthroughOptions

    func validate() throws {
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
    }

    /// The part of `graph` to draw.
    func apply(to graph: ActorGraph) throws -> ActorGraph {
        var view = graph.view(try relations.filter()).subgraph
        if let focus {
            let center = try resolveActor(focus, in: graph)
            view = view.neighborhood(of: center.id, depth: depth)
            if !view.actors.contains(where: { $0.id == center.id }), let actor = graph.actor(center.id) {
                view.actors.append(actor)
            }
        }
        return view
    }

    /// The part of `graph` to draw and its drawing for `engine` (nil: the automatic choice), with
    /// the options `adjust` leaves: force-directed engines get overlap removal and the legend
    /// above the layout (a legend cluster would be scattered), then the passthrough attributes.
    func drawing(of graph: ActorGraph, engine: LayoutEngine?, adjust: (inout DiagramOptions) -> Void = { _ in })
        throws -> (shown: ActorGraph, drawing: DrawingGraph, engine: LayoutEngine) {
        let shown = try apply(to: graph)
        let engine = engine ?? .automatic(nodeCount: shown.actors.count)
        var options = try diagramOptions(in: graph)
        adjust(&options)
        var drawing = DiagramBuilder.drawing(of: shown, options: options)
        if DrawingTuning.isForceDirected(engine) {
            if options.legend { DrawingTuning.moveLegendOutside(&drawing, graph: shown) }
            DrawingTuning.tune(&drawing, engine: engine)
        }
        let p = try passthrough.attributes()
        DrawingTuning.pass(&drawing, graph: p.graph, node: p.node, edge: p.edge)
        return (shown, drawing, engine)
    }

    func diagramOptions(in graph: ActorGraph) throws -> DiagramOptions {
        DiagramOptions(cluster: cluster, legend: !noLegend, edgeLabels: edgeLabels,
                       highlight: Set(try highlight.map { try resolveActor($0, in: graph).id }))
    }
}

/// Graphviz attributes passed through unchanged: `--graph-attribute overlap=scale` and so on.
struct PassthroughOptions: ParsableArguments {
    @Option(name: .customLong("graph-attribute"), help: ArgumentHelp("A Graphviz graph attribute, key=value (repeatable); replaces ActorGraph's own.", valueName: "key=value"))
    var graphAttributes: [String] = []

    @Option(name: .customLong("node-attribute"), help: ArgumentHelp("A Graphviz attribute for every actor node, key=value (repeatable).", valueName: "key=value"))
    var nodeAttributes: [String] = []

    @Option(name: .customLong("edge-attribute"), help: ArgumentHelp("A Graphviz attribute for every relation edge, key=value (repeatable).", valueName: "key=value"))
    var edgeAttributes: [String] = []

    func validate() throws { _ = try attributes() }

    func attributes() throws -> (graph: [DrawingGraph.Attribute], node: [DrawingGraph.Attribute], edge: [DrawingGraph.Attribute]) {
        func parse(_ list: [String], _ option: String) throws -> [DrawingGraph.Attribute] {
            try list.map { text in
                guard let a = DrawingTuning.attribute(text) else {
                    throw ValidationError("--\(option): expected key=value, got '\(text)'")
                }
                return a
            }
        }
        return (try parse(graphAttributes, "graph-attribute"), try parse(nodeAttributes, "node-attribute"),
                try parse(edgeAttributes, "edge-attribute"))
    }
}
